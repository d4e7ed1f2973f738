import { findStoredTransactions, insertTransactions, type DbTx, type StoredTransactionRow } from '@app/db';
import type { DedupRule, KeyedTransaction } from './dedup-key';
import { recordMerge } from './matches/record-merge';
import { snapshotSelect, type TransactionSnapshot } from './transaction-snapshot';

export type IngestCounts = {
  fetched: number;
  /** New records stored. */
  synced: number;
  /** Still-pending records whose details the bank changed, updated in place. */
  updated: number;
  /** Pending records that booked (matched by a shared provider id) and were updated in place. */
  pendingReconciled: number;
  /** Already stored and unchanged: by the rule that matched. */
  duplicates: Record<DedupRule, number>;
};

/** Thrown when transactions of a batch were stored by another job between the batch's read and its insert. */
export class StoredMeanwhileError extends Error {
  constructor(count: number) {
    super(`${count} transaction(s) of the batch were stored by another import meanwhile`);
    this.name = 'StoredMeanwhileError';
  }
}

export function emptyCounts(): IngestCounts {
  return {
    fetched: 0,
    synced: 0,
    updated: 0,
    pendingReconciled: 0,
    duplicates: { normalised: 0, provider: 0, fingerprint: 0 },
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
    payee: item.payee,
    directionRule: item.directionRule,
    providerMeta: item.meta,
    providerCategory: item.category,
    providerClassification: item.classification,
    raw: item.raw as object,
    importJobId: jobId,
  };
}

function changed(row: StoredTransactionRow, item: KeyedTransaction): boolean {
  return (
    row.bookingDate !== item.bookingDate ||
    row.amountMinor !== item.amountMinor ||
    row.description !== item.description ||
    row.merchantName !== item.merchantName
  );
}

/**
 * Stores one batch idempotently with bulk statements: one read of the keys already stored, one insert of the
 * new ones (both in SQL: @app/db transaction-batch), an update per pending record that has booked or changed.
 * Every merge of a pending record into its booked self is recorded (rule, confidence, the pending snapshot) so a
 * person can undo it. Items before
 * `countFrom` were counted before a crash (the checkpoint says so): they are still stored if missing, but not
 * counted again. Runs inside the caller's transaction, together with the progress update and the event.
 */
export async function ingestBatch(
  tx: DbTx,
  input: { accountId: string; jobId: string; items: KeyedTransaction[]; countFrom: number; now: Date },
): Promise<IngestCounts> {
  const { accountId, jobId, items, countFrom } = input;
  const counts = emptyCounts();
  const existing = await findStoredTransactions(
    tx,
    accountId,
    items.map((item) => item.dedupKey),
  );
  const stored = new Map(existing.map((row) => [row.dedupKey, row]));
  const fresh = new Map<string, KeyedTransaction>();
  const booking = items.filter(
    (item) => item.status === 'booked' && stored.get(item.dedupKey)?.status === 'pending',
  );
  const before = new Map<string, TransactionSnapshot>();
  if (booking.length > 0) {
    const rows = await tx.transaction.findMany({
      where: { accountId, dedupKey: { in: booking.map((i) => i.dedupKey) } },
      select: snapshotSelect,
    });
    for (const row of rows) before.set(row.id, row);
  }

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
      const snapshot = before.get(match.id);
      if (snapshot)
        await recordMerge(tx, { jobId, accountId, rule: item.dedupRule, transactionId: match.id, snapshot });
      stored.set(item.dedupKey, { ...match, status: 'booked' });
      if (counted) counts.pendingReconciled += 1;
      continue;
    }
    if (match.status === 'pending' && item.status === 'pending' && changed(match, item)) {
      // Still pending: amounts and descriptions of pending items may change until they book.
      const { importJobId: _keepOriginalJob, ...data } = toRow(accountId, jobId, item);
      await tx.transaction.update({ where: { id: match.id }, data });
      stored.set(item.dedupKey, { ...match, ...data });
      if (counted) counts.updated += 1;
      continue;
    }
    if (counted) counts.duplicates[item.dedupRule] += 1;
  }

  const inserted = await insertTransactions(
    tx,
    [...fresh.values()].map((item) => toRow(accountId, jobId, item)),
    input.now,
  );
  // Another job stored some of them after our read: it may hold a pending copy that this booked one must merge with,
  // so the batch runs again on what is stored now (the caller's commit retries once).
  if (inserted.size < fresh.size) throw new StoredMeanwhileError(fresh.size - inserted.size);
  return counts;
}

/**
 * TrueLayer advises replacing the cached pending set on every sync: pending records that the bank no longer
 * lists (booked under a new identity, or dropped) are removed, so a payment never stays as both. Records a person
 * restored by undoing a match stay. Returns what was removed, for the ambiguous-pair check.
 */
export async function removeStalePending(
  tx: DbTx,
  accountId: string,
  currentPendingKeys: string[],
): Promise<TransactionSnapshot[]> {
  const where = {
    accountId,
    status: 'pending' as const,
    dedupRule: { not: 'undone' },
    dedupKey: { notIn: currentPendingKeys },
  };
  const stale = await tx.transaction.findMany({ where, select: snapshotSelect });
  if (stale.length > 0)
    await tx.transaction.deleteMany({ where: { id: { in: stale.map((row) => row.id) } } });
  return stale;
}
