import type { Db, Prisma } from '@app/db';
import { splitDateRange, TrueLayerError, type AccountKind, type CallRecord, type DateRange, type TrueLayerDataClient } from '@app/truelayer';
import { assignDedupKeys, sortForIngest, type KeyedTransaction } from './dedup-key';
import { ConsentExpiredError } from './errors';
import { appendEvent } from './event-journal';
import { ingestBatch, removeStalePending, totalDuplicates, type IngestCounts } from './ingest-batch';
import type { Logger } from './logger';
import type { ProgressEvent } from './progress-event';
import { addToReceipt, emptyReceipt, explainZero, type AccountReceipt } from './receipt';

export type StopReason = 'cancel' | 'pause' | 'shutdown';

export type AccountSyncContext = {
  db: Db;
  data: TrueLayerDataClient;
  jobId: string;
  batchSize: number;
  range: DateRange;
  windowDays: number;
  /** Whether the range reaches the last days, where pending items live. */
  includePending: boolean;
  now: () => Date;
  logger: Logger;
  /** Runs a commit and its publish under the job's lock, so events reach subscribers in seq order. */
  commit(work: (tx: Prisma.TransactionClient) => Promise<ProgressEvent>): Promise<void>;
  checkStop(): Promise<StopReason | null>;
  /** Bank calls made for this account since the last commit (written with the next commit). */
  takeCalls(providerAccountId: string): CallRecord[];
};

export type AccountToSync = {
  accountId: string;
  windowsDone: number;
  itemsDoneInWindow: number;
  receipt: unknown;
  account: { providerAccountId: string; kind: AccountKind };
};

export type AccountOutcome = 'completed' | 'failed' | StopReason;

/** Syncs one account or card: its windows in order, in batches, each batch committed with its checkpoint. */
export async function syncAccount(ctx: AccountSyncContext, row: AccountToSync): Promise<AccountOutcome> {
  const { accountId } = row;
  const { kind, providerAccountId } = row.account;
  const windows = splitDateRange(ctx.range, ctx.windowDays);
  const windowsTotal = windows.length + (ctx.includePending ? 1 : 0);
  let receipt: AccountReceipt = { ...emptyReceipt(), ...(row.receipt as Partial<AccountReceipt> | null) };

  const progressWhere = { jobId_accountId: { jobId: ctx.jobId, accountId } };
  const commitProgress = (data: Prisma.ImportProgressUpdateInput, extra?: (tx: Prisma.TransactionClient) => Promise<void>) => {
    const before = receipt;
    return ctx.commit(async (tx) => {
      receipt = before; // the commit may run again after a conflict: start from the committed receipt
      if (extra) await extra(tx);
      const calls = ctx.takeCalls(providerAccountId);
      receipt = { ...receipt, callsUsed: receipt.callsUsed + calls.length, callsRetried: receipt.callsRetried + calls.filter((c) => c.attempt > 1).length };
      if (calls.length > 0) {
        await tx.bankCall.createMany({
          data: calls.map((c) => ({ accountId, jobId: ctx.jobId, endpoint: c.endpoint, attended: c.attended, status: c.status, rateLimited: c.rateLimited })),
        });
      }
      await tx.importProgress.update({ where: progressWhere, data: { ...data, receipt } });
      return appendEvent(tx, { jobId: ctx.jobId, kind: 'account', accountId, now: ctx.now() });
    });
  };

  const counters = (counts: IngestCounts) => ({
    fetched: { increment: counts.fetched },
    synced: { increment: counts.synced },
    updated: { increment: counts.pendingReconciled },
    pendingReconciled: { increment: counts.pendingReconciled },
    duplicates: { increment: totalDuplicates(counts) },
  });

  try {
    await commitProgress({ status: 'syncing', windowsTotal, startedAt: ctx.now() });

    for (let w = row.windowsDone; w < windows.length; w += 1) {
      const window = windows[w];
      if (!window) break;
      const stop = await ctx.checkStop();
      if (stop) return stop;
      const items = sortForIngest(assignDedupKeys(await ctx.data.transactions(kind, providerAccountId, window)));
      const alreadyCounted = w === row.windowsDone ? row.itemsDoneInWindow : 0;
      const batchCount = Math.max(1, Math.ceil(items.length / ctx.batchSize));
      for (let b = 0; b < batchCount; b += 1) {
        if (b > 0) {
          const stopMidWindow = await ctx.checkStop();
          if (stopMidWindow) return stopMidWindow;
        }
        const start = b * ctx.batchSize;
        const batch = items.slice(start, start + ctx.batchSize);
        const last = b === batchCount - 1;
        let counts: IngestCounts | undefined;
        await commitProgress(
          last ? { windowsDone: w + 1, itemsDoneInWindow: 0 } : { itemsDoneInWindow: start + batch.length },
          async (tx) => {
            counts = await ingestBatch(tx, { accountId, jobId: ctx.jobId, items: batch, countFrom: Math.max(0, alreadyCounted - start) });
            receipt = addToReceipt(receipt, counts);
            await tx.importProgress.update({ where: progressWhere, data: counters(counts) });
          },
        );
      }
    }

    if (ctx.includePending && row.windowsDone <= windows.length) {
      const stop = await ctx.checkStop();
      if (stop) return stop;
      const pending = sortForIngest(assignDedupKeys(await ctx.data.pendingTransactions(kind, providerAccountId)));
      await commitProgress({ windowsDone: windows.length + 1, itemsDoneInWindow: 0 }, async (tx) => {
        const counts = await ingestBatch(tx, { accountId, jobId: ctx.jobId, items: pending, countFrom: 0 });
        const removed = await removeStalePending(tx, accountId, pending.map((item: KeyedTransaction) => item.dedupKey));
        receipt = addToReceipt(receipt, counts);
        receipt = { ...receipt, pendingRemoved: receipt.pendingRemoved + removed, pendingAwaitingBooking: pending.length };
        await tx.importProgress.update({ where: progressWhere, data: counters(counts) });
      });
    }

    receipt = { ...receipt, zeroReason: explainZero(receipt) };
    await commitProgress({ status: 'completed', finishedAt: ctx.now() }, async (tx) => {
      await tx.bankAccount.update({ where: { id: accountId }, data: { lastSyncedAt: ctx.now() } });
    });
    return 'completed';
  } catch (error) {
    // A pause/cancel/shutdown aborts requests in flight: that failure is the stop, and resuming retries the account.
    const stop = await ctx.checkStop();
    if (stop) return stop;
    const { code, message } = describeFailure(error);
    if (code === 'INTERNAL') ctx.logger.error({ jobId: ctx.jobId, accountId, err: error }, 'account sync failed unexpectedly');
    else ctx.logger.warn({ jobId: ctx.jobId, accountId, code }, 'account sync failed');
    await commitProgress({ status: 'failed', errorCode: code, lastError: message, errors: { increment: 1 }, finishedAt: ctx.now() });
    return 'failed';
  }
}

/** A failed account is an event with a reason a person can act on, not an exception. */
function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof TrueLayerError) return { code: error.code, message: error.message };
  if (error instanceof ConsentExpiredError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'An unexpected error stopped this account; it was logged. Retrying the import is safe.' };
}

