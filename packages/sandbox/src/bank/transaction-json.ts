import { hashParts } from '../prng';
import { formatTimestamp } from './format-timestamp';
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
  transaction_type: 'DEBIT' | 'CREDIT';
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
};

/**
 * Like TrueLayer, `transaction_id` is derived from the item's fields, so the booked version of a pending item
 * gets a new one while its provider ids stay the same.
 */
export function toTransactionJson(item: GeneratedItem, as: ServeAs): ApiTransaction {
  const timestamp = formatTimestamp(as.date, item.timeStyle, item.localTime);
  const transactionId = hashParts(
    'transaction',
    as.accountId,
    as.status,
    timestamp,
    item.description,
    item.amountPence,
    item.normalisedId ?? '',
    item.providerId ?? '',
    item.ordinal,
    as.churn ?? '',
  ).slice(0, 32);
  const meta: Record<string, string> = { provider_transaction_category: item.providerCategory };
  if (item.reference) meta.provider_reference = item.reference;
  if (item.category === 'DIRECT_DEBIT') meta.transaction_type = 'DIRECT_DEBIT';
  return {
    transaction_id: transactionId,
    ...(item.normalisedId ? { normalised_provider_transaction_id: item.normalisedId } : {}),
    ...(item.providerId ? { provider_transaction_id: item.providerId } : {}),
    timestamp,
    description: item.description,
    amount: toMajorUnits(item.amountPence),
    currency: 'GBP',
    transaction_type: item.direction,
    transaction_category: item.category,
    transaction_classification: [...item.classification],
    ...(item.merchantName ? { merchant_name: item.merchantName } : {}),
    ...(as.runningBalancePence === null
      ? {}
      : { running_balance: { amount: toMajorUnits(as.runningBalancePence), currency: 'GBP' } }),
    meta,
  };
}
