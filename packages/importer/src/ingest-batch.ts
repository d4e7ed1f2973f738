import type { DbTx } from '@app/db';
import type { DedupRule, KeyedTransaction } from './dedup-key';

export type IngestCounts = {
  fetched: number;
  /** New records stored. */
  synced: number;
  /** Pending records that booked (matched by a shared provider id) and were updated in place. */
  pendingReconciled: number;
  /** Already stored: by the rule that matched. */
  duplicates: Record<DedupRule, number>;
};

export function emptyCounts(): IngestCounts {
  return { fetched: 0, synced: 0, pendingReconciled: 0, duplicates: { normalised: 0, provider: 0, fingerprint: 0 } };
}

export function addCounts(a: IngestCounts, b: IngestCounts): IngestCounts {
  return {
    fetched: a.fetched + b.fetched,
    synced: a.synced + b.synced,
    pendingReconciled: a.pendingReconciled + b.pendingReconciled,
    duplicates: {
      normalised: a.duplicates.normalised + b.duplicates.normalised,
      provider: a.duplicates.provider + b.duplicates.provider,
      fingerprint: a.duplicates.fingerprint + b.duplicates.fingerprint,
    },
  };
}

export function totalDuplicates(counts: IngestCounts): number {
  return counts.duplicates.normalised + counts.duplicates.provider + counts.duplicates.fingerprint;
}

function toRow(accountId: string, jobId: string, item: KeyedTransaction) {
  return {
    accountId,
    dedupKey: item.dedupKey,
    dedupRule: item.dedupRule,
    providerTransactionId: item.transactionId,
    normalisedProviderId: item.normalisedProviderId,
    providerId: item.providerTransactionId,
    status: item.status,
    bookingDate: item.bookingDate,
    bankTimestamp: item.timestamp,
    amountMinor: item.amountMinor,
    currency: item.currency,
    direction: item.direction,
    description: item.description,
    merchantName: item.merchantName,
    providerCategory: item.category,
    providerClassification: item.classification,
    raw: item.raw as object,
    importJobId: jobId,
  };
}

/**
 * Stores one batch idempotently with bulk statements: one read of the keys already stored, one insert of the
 * new ones, an update per pending record that has booked. Items before `countFrom` were counted before a crash
 * (the checkpoint says so): they are still stored if missing, but not counted again.
 * Runs inside the caller's transaction, together with the progress update and the event.
 */
export async function ingestBatch(
  tx: DbTx,
  input: { accountId: string; jobId: string; items: KeyedTransaction[]; countFrom: number },
): Promise<IngestCounts> {
  const { accountId, jobId, items, countFrom } = input;
  const counts = emptyCounts();
  const existing = await tx.transaction.findMany({
    where: { accountId, dedupKey: { in: items.map((item) => item.dedupKey) } },
    select: { id: true, dedupKey: true, status: true },
  });
  const stored = new Map(existing.map((row) => [row.dedupKey, row]));
  const fresh = new Map<string, KeyedTransaction>();

  for (const [index, item] of items.entries()) {
    const counted = index >= countFrom;
    if (counted) counts.fetched += 1;
    const match = stored.get(item.dedupKey);
    if (!match) {
      if (fresh.has(item.dedupKey)) {
        if (counted) counts.duplicates[item.dedupRule] += 1; // the bank listed one id twice
      } else {
        fresh.set(item.dedupKey, item);
        if (counted) counts.synced += 1;
      }
      continue;
    }
    if (match.status === 'pending' && item.status === 'booked') {
      // The same provider id: the pending record booked. Update it in place (its id, category... survive).
      await tx.transaction.update({ where: { id: match.id }, data: toRow(accountId, jobId, item) });
      stored.set(item.dedupKey, { ...match, status: 'booked' });
      if (counted) counts.pendingReconciled += 1;
      continue;
    }
    if (match.status === 'pending' && item.status === 'pending') {
      // Still pending: amounts and descriptions of pending items may change until they book.
      const { importJobId: _keepOriginalJob, ...data } = toRow(accountId, jobId, item);
      await tx.transaction.update({ where: { id: match.id }, data });
    }
    if (counted) counts.duplicates[item.dedupRule] += 1;
  }

  if (fresh.size > 0) {
    await tx.transaction.createMany({ data: [...fresh.values()].map((item) => toRow(accountId, jobId, item)) });
  }
  return counts;
}

/**
 * TrueLayer advises replacing the cached pending set on every sync: pending records that the bank no longer
 * lists (booked under a new identity, or dropped) are removed, so a payment never stays as both.
 */
export async function removeStalePending(tx: DbTx, accountId: string, currentPendingKeys: string[]): Promise<number> {
  const { count } = await tx.transaction.deleteMany({
    where: { accountId, status: 'pending', dedupKey: { notIn: currentPendingKeys } },
  });
  return count;
}
