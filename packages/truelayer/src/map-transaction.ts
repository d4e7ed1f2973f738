import { toMinorUnits } from './money';
import type { Parsed } from './parse-results';
import type { ApiTransaction } from './response-schemas';
import type { BankTransaction } from './types';

/**
 * Maps a parsed item to our shape. The sign comes from `transaction_type`, never from the amount's sign:
 * card feeds send purchases as positive numbers, accounts send them negative.
 */
export function toBankTransaction(
  { item, raw }: Parsed<ApiTransaction>,
  status: BankTransaction['status'],
): BankTransaction {
  const magnitude = Math.abs(toMinorUnits(item.amount, item.currency));
  return {
    transactionId: item.transaction_id,
    normalisedProviderId: item.normalised_provider_transaction_id ?? null,
    providerTransactionId: item.provider_transaction_id ?? null,
    status,
    timestamp: item.timestamp,
    // The bank's own calendar date: converting to another zone would move late-evening items to the next day.
    bookingDate: item.timestamp.slice(0, 10),
    amountMinor: item.transaction_type === 'DEBIT' ? -magnitude : magnitude,
    currency: item.currency,
    direction: item.transaction_type,
    description: item.description,
    merchantName: item.merchant_name ?? null,
    category: item.transaction_category ?? 'UNKNOWN',
    classification: item.transaction_classification ?? [],
    runningBalanceMinor: item.running_balance
      ? toMinorUnits(item.running_balance.amount, item.running_balance.currency)
      : null,
    raw,
  };
}
