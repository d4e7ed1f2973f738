import { calendarDateOf } from './bank-time';
import { TrueLayerError } from './errors';
import { toMinorUnits } from './money';
import { malformed, type Parsed } from './parse-results';
import type { ApiTransaction } from './response-schemas';
import type { BankTransaction, DirectionRule, TransactionMeta } from './types';

type Direction = BankTransaction['direction'];

/**
 * The direction of an item, and the rule that decided it.
 *
 * - With a `transaction_type` (accounts always; some card providers too), it decides, in any letter case, and the
 *   amount's sign is ignored: providers differ in how they sign card purchases, the type does not.
 * - Without one (TrueLayer's card transaction typing has no such field), the amount's sign decides by the
 *   convention of TrueLayer's own published card fixture (truelayer-client-javascript, test/unit/fixtures.ts,
 *   cardTransactionsResponse): money out of the holder's pocket is negative (ATM -85.0, Rent -700.0), money in
 *   (a refund, a payment to the card) positive. The same holds for accounts, so one rule serves both.
 * - Zero without a type is money in: it moves nothing, and CREDIT keeps it out of spending totals.
 */
export function directionOf(
  type: string | null | undefined,
  amountMinor: number,
): { direction: Direction; rule: DirectionRule } | null {
  const spelled = type?.trim().toUpperCase() ?? '';
  if (spelled === 'DEBIT' || spelled === 'CREDIT') return { direction: spelled, rule: 'transaction_type' };
  if (spelled !== '') return null;
  return { direction: amountMinor < 0 ? 'DEBIT' : 'CREDIT', rule: 'amount_sign' };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The fields we read from `meta`, and its scalar entries as sent. */
export function readMeta(meta: Record<string, unknown> | null | undefined): TransactionMeta {
  const source = meta ?? {};
  const entries: TransactionMeta['entries'] = {};
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      entries[key] = value;
  }
  return {
    providerCategory: text(source.provider_transaction_category) ?? text(source.provider_category),
    counterparty: text(source.counter_party_preferred_name),
    reference: text(source.provider_reference),
    providerMerchantName: text(source.provider_merchant_name),
    entries,
  };
}

/** Reads an amount, naming the field when it is not a whole number of minor units. */
function minorUnits(amount: number, currency: string, where: string, label: string): number {
  try {
    return toMinorUnits(amount, currency);
  } catch (error) {
    if (error instanceof TrueLayerError) throw malformed(label, `${where}: ${error.message}`);
    throw error;
  }
}

/**
 * Maps a parsed item to our shape: signed minor units from the holder's point of view (money out negative).
 * `where` (`results.3`) and `label` (`GET /cards/{id}/transactions`) name the item in errors.
 */
export function toBankTransaction(
  { item, raw }: Parsed<ApiTransaction>,
  status: BankTransaction['status'],
  where = 'results',
  label = 'GET transactions',
): BankTransaction {
  const signed = minorUnits(item.amount, item.currency, `${where}.amount`, label);
  const decided = directionOf(item.transaction_type, signed);
  if (!decided) throw malformed(label, `${where}.transaction_type: expected DEBIT or CREDIT`);
  const { direction, rule } = decided;
  const magnitude = Math.abs(signed);
  const meta = readMeta(item.meta);
  const merchantName = text(item.merchant_name);
  const { description } = item;
  return {
    transactionId: item.transaction_id,
    normalisedProviderId: text(item.normalised_provider_transaction_id),
    providerTransactionId: text(item.provider_transaction_id),
    status,
    timestamp: item.timestamp,
    // The bank's own calendar date: converting to another zone would move late-evening items to the next day.
    bookingDate: calendarDateOf(item.timestamp),
    amountMinor: direction === 'DEBIT' ? -magnitude : magnitude,
    currency: item.currency,
    direction,
    directionRule: rule,
    description,
    merchantName,
    payee: merchantName ?? meta.providerMerchantName ?? description,
    category: text(item.transaction_category)?.toUpperCase() ?? 'UNKNOWN',
    classification: item.transaction_classification ?? [],
    runningBalanceMinor: item.running_balance
      ? minorUnits(
          item.running_balance.amount,
          item.running_balance.currency ?? item.currency,
          `${where}.running_balance.amount`,
          label,
        )
      : null,
    meta,
    raw,
  };
}
