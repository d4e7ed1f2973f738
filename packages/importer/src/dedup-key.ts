import { createHash } from 'node:crypto';
import type { BankTransaction } from '@app/truelayer';

export type DedupRule = 'normalised' | 'provider' | 'fingerprint';
export type KeyedTransaction = BankTransaction & { dedupKey: string; dedupRule: DedupRule };

function normaliseDescription(description: string): string {
  return description.toUpperCase().replace(/\s+/g, ' ').trim();
}

/**
 * Gives every fetched item its identity, in TrueLayer's recommended order: the normalised provider id, then the
 * provider's id, then a fingerprint. `transaction_id` is never used: it changes between requests and on booking.
 *
 * The fingerprint is date + amount + currency + description + status, plus the item's occurrence among identical
 * ones in the same response: two real £20 withdrawals on one day stay two records, and a pending item is never
 * merged into a booked one just because they look alike (pending items without ids are replaced every sync).
 * Callers pass whole responses (windows end on day boundaries), so occurrences are counted over complete days.
 */
export function assignDedupKeys(items: BankTransaction[]): KeyedTransaction[] {
  const occurrences = new Map<string, number>();
  return items.map((item) => {
    if (item.normalisedProviderId) {
      return { ...item, dedupKey: `n:${item.normalisedProviderId}`, dedupRule: 'normalised' };
    }
    if (item.providerTransactionId) {
      return { ...item, dedupKey: `p:${item.providerTransactionId}`, dedupRule: 'provider' };
    }
    const base = [
      item.status,
      item.bookingDate,
      item.amountMinor,
      item.currency,
      normaliseDescription(item.description),
    ].join('|');
    const occurrence = occurrences.get(base) ?? 0;
    occurrences.set(base, occurrence + 1);
    const hash = createHash('sha256').update(base).digest('hex').slice(0, 32);
    return { ...item, dedupKey: `f:${hash}#${occurrence}`, dedupRule: 'fingerprint' };
  });
}

/** A stable processing order, so a resumed window can tell which items it had already counted. */
export function sortForIngest(items: KeyedTransaction[]): KeyedTransaction[] {
  return [...items].sort((a, b) =>
    a.bookingDate === b.bookingDate
      ? a.dedupKey < b.dedupKey
        ? -1
        : a.dedupKey > b.dedupKey
          ? 1
          : 0
      : a.bookingDate < b.bookingDate
        ? -1
        : 1,
  );
}
