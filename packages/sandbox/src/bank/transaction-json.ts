import { hashParts } from '../prng';
import { formatTimestamp } from './format-timestamp';
import type { ProfileQuirks } from '../profiles';
import type { GeneratedItem } from './generated-item';
import { toMajorUnits } from './money';

export type ApiTransaction = {
  transaction_id: string;
  normalised_provider_transaction_id?: string;
  provider_transaction_id?: string;
  timestamp: string;
  description: string;
  amount: number;
  currency: string;
  /** Absent from typeless card feeds (the `typelessCards` quirk), as in TrueLayer's card typing. */
  transaction_type?: 'DEBIT' | 'CREDIT';
  transaction_category: string;
  transaction_classification: string[];
  merchant_name?: string;
  running_balance?: { amount: number; currency: string };
  meta: Record<string, string>;
};

export type ServeAs = {
  accountId: string;
  status: 'booked' | 'pending';
  /** The booked date for booked items (may be a day after the pending date). */
  date: string;
  runningBalancePence: number | null;
  /** Mixed into `transaction_id` to make it change on every request (the `idChurn` option). */
  churn: string | null;
  /** The connection's provider quirks that shape the JSON (profiles.ts). */
  quirks?: ProfileQuirks;
  kind?: 'account' | 'card';
};

/** The id a pending item is listed under at banks whose ids change on booking (a different, stable value). */
const pendingIdOf = (id: string, prefix: string) => `${prefix}${hashParts('pending-id', id).slice(0, 24)}`;

/**
 * Like TrueLayer, `transaction_id` is derived from the item's fields, so the booked version of a pending item
 * gets a new one while its provider ids stay the same.
 */
export function toTransactionJson(item: GeneratedItem, as: ServeAs): ApiTransaction {
  const quirks = as.quirks ?? {};
  const timestamp = formatTimestamp(as.date, item.timeStyle, item.localTime, quirks.zonelessTimestamps);
  const changeIds = quirks.idsChangeOnBooking === true && as.status === 'pending';
  const normalisedId =
    item.normalisedId && changeIds ? pendingIdOf(item.normalisedId, 'txn-') : item.normalisedId;
  const providerId =
    item.providerId && changeIds ? pendingIdOf(item.providerId, 'P').toUpperCase() : item.providerId;
  const typeless = quirks.typelessCards === true && as.kind === 'card';
  const transactionId = hashParts(
    'transaction',
    as.accountId,
    as.status,
    timestamp,
    item.description,
    item.amountPence,
    normalisedId ?? '',
    providerId ?? '',
    item.ordinal,
    as.churn ?? '',
  ).slice(0, 32);
  const meta: Record<string, string> = { provider_transaction_category: item.providerCategory };
  if (item.reference) meta.provider_reference = item.reference;
  if (item.category === 'DIRECT_DEBIT') meta.transaction_type = 'DIRECT_DEBIT';
  return {
    transaction_id: transactionId,
    ...(normalisedId ? { normalised_provider_transaction_id: normalisedId } : {}),
    ...(providerId ? { provider_transaction_id: providerId } : {}),
    timestamp,
    description: item.description,
    amount: toMajorUnits(item.amountPence),
    currency: 'GBP',
    ...(typeless ? {} : { transaction_type: item.direction }),
    transaction_category: item.category,
    transaction_classification: [...item.classification],
    ...(item.merchantName ? { merchant_name: item.merchantName } : {}),
    ...(as.runningBalancePence === null
      ? {}
      : { running_balance: { amount: toMajorUnits(as.runningBalancePence), currency: 'GBP' } }),
    meta,
  };
}
