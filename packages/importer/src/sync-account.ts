import { setImmediate } from 'node:timers/promises';
import type { Db, Prisma } from '@app/db';
import {
  splitDateRange,
  type AccountKind,
  type BankTransaction,
  type CallRecord,
  type DateRange,
  type TrueLayerDataClient,
} from '@app/truelayer';
import { assignDedupKeys, sortForIngest, type KeyedTransaction } from './dedup-key';
import { judgeFailure } from './account-failure';
import type { BudgetGate } from './budget-gate';
import { markNeedsReconsent } from './consent';
import { appendEvent } from './event-journal';
import type { ImportObserver } from './import-observer';
import { ingestBatch, removeStalePending, totalDuplicates, type IngestCounts } from './ingest-batch';
import { describeRefusal, isHistoryRefusal } from './locked-history';
import type { Logger } from './logger';
import { recordAmbiguousPairs } from './matches/record-ambiguous-pairs';
import type { ProgressEvent } from './progress-event';
import { archiveResponse, packRawItems } from './raw-archive';
import { addToReceipt, explainZero, readReceipt, type AccountReceipt } from './receipt';
import type { AccountOutcome, StopReason } from './account-outcome';

export type { AccountOutcome, StopReason } from './account-outcome';

export type AccountSyncContext = {
  db: Db;
  data: TrueLayerDataClient;
  jobId: string;
  connection: { id: string; providerName: string };
  /** Set when nobody attends the run: unattended calls must fit the bank's budget. */
  budget: BudgetGate | null;
  /** Whether to keep the bank's raw responses (a replay reads them and keeps none). */
  archive: boolean;
  batchSize: number;
  /** What this run fetches; null when every date asked for is locked (older than the bank serves now). */
  range: DateRange | null;
  /** Part of the job's range is locked: a zero is explained by that. */
  rangeLocked: boolean;
  /** The first day the consent reaches once its minutes after consent passed (a refusal before it locks history). */
  scaHorizon: string;
  windowDays: number;
  /** Whether the range reaches the last days, where pending items live. */
  includePending: boolean;
  now: () => Date;
  logger: Logger;
  observer?: ImportObserver;
  /** Runs a commit and its publish (when it appends an event) under the job's lock, so events reach subscribers in seq order. */
  commit(work: (tx: Prisma.TransactionClient) => Promise<ProgressEvent | null>): Promise<void>;
  /** Whether a batch that changes only counts should append an event (the job's last is old enough). */
  batchEventDue(): boolean;
  checkStop(): Promise<StopReason | null>;
  /** Bank calls made for this account since the last commit (written with the next commit). */
  takeCalls(providerAccountId: string): CallRecord[];
  /** Whether bank calls of this account wait for the next commit. */
  hasCalls(providerAccountId: string): boolean;
};

export type AccountToSync = {
  accountId: string;
  windowsDone: number;
  itemsDoneInWindow: number;
  receipt: unknown;
  account: { providerAccountId: string; kind: AccountKind };
};

/** Syncs one account or card: its windows in order, in batches, each batch committed with its checkpoint. */
export async function syncAccount(ctx: AccountSyncContext, row: AccountToSync): Promise<AccountOutcome> {
  const { accountId } = row;
  const { kind, providerAccountId } = row.account;
  const windows = ctx.range ? splitDateRange(ctx.range, ctx.windowDays) : [];
  const windowsTotal = windows.length + (ctx.includePending ? 1 : 0);
  let receipt: AccountReceipt = readReceipt(row.receipt);

  const progressWhere = { jobId_accountId: { jobId: ctx.jobId, accountId } };
  let unrecordedCalls: CallRecord[] = [];
  /**
   * Commits the account's progress `data`, plus what `extra` stores and adds to it (a batch and its counters), with
   * an event unless `announce` is false (a batch that changes only counts, soon after the job's last event).
   */
  const commitProgress = async (
    data: Prisma.ImportProgressUpdateInput,
    extra?: (tx: Prisma.TransactionClient) => Promise<Prisma.ImportProgressUpdateInput | void>,
    announce = true,
  ) => {
    const before = receipt;
    const calls = [...unrecordedCalls, ...ctx.takeCalls(providerAccountId)];
    try {
      await ctx.commit(async (tx) => {
        receipt = before; // the commit may run again after a conflict: start from the committed receipt
        const added = extra ? await extra(tx) : undefined;
        receipt = {
          ...receipt,
          callsUsed: receipt.callsUsed + calls.length,
          callsRetried: receipt.callsRetried + calls.filter((c) => c.attempt > 1).length,
          callsRateLimited: receipt.callsRateLimited + calls.filter((c) => c.rateLimited).length,
        };
        if (calls.length > 0) {
          // `at` on our clock, after the bank counted the call: the budget's window starts no earlier than the bank's
          const at = ctx.now();
          await tx.bankCall.createMany({
            data: calls.map((c) => ({
              accountId,
              jobId: ctx.jobId,
              endpoint: c.endpoint,
              attended: c.attended,
              status: c.status,
              rateLimited: c.rateLimited,
              at,
            })),
          });
        }
        await tx.importProgress.update({ where: progressWhere, data: { ...data, ...added, receipt } });
        return announce
          ? appendEvent(tx, { jobId: ctx.jobId, kind: 'account', accountId, now: ctx.now() })
          : null;
      });
      unrecordedCalls = [];
    } catch (error) {
      // Nothing of a failed commit was stored: its counts leave the receipt, its bank calls go with the next commit.
      receipt = before;
      unrecordedCalls = calls;
      throw error;
    }
  };

  const counters = (counts: IngestCounts) => ({
    fetched: { increment: counts.fetched },
    synced: { increment: counts.synced },
    updated: { increment: counts.updated },
    pendingReconciled: { increment: counts.pendingReconciled },
    duplicates: { increment: totalDuplicates(counts) },
  });
  // After the commit: a commit retried after a conflict must not report its batch twice.
  const reportBatch = (counts: IngestCounts | undefined) => {
    if (!counts) return;
    ctx.observer?.batchIngested({
      jobId: ctx.jobId,
      accountId,
      fetched: counts.fetched,
      synced: counts.synced,
      duplicates: totalDuplicates(counts),
    });
  };

  const defer = async (until: Date): Promise<'deferred'> => {
    if (receipt.fetched === 0) receipt = { ...receipt, zeroReason: 'deferred_by_call_budget' };
    await commitProgress({ status: 'deferred', deferredUntil: until });
    ctx.logger.info(
      { jobId: ctx.jobId, accountId, deferredUntil: until.toISOString() },
      'account deferred: the bank call budget is used up',
    );
    return 'deferred';
  };
  const callsAhead =
    windows.length - row.windowsDone + (ctx.includePending && row.windowsDone <= windows.length ? 1 : 0);

  /** Window `w`'s request; `windows.length` stands for the pending transactions. */
  const request = (w: number): Promise<BankTransaction[]> => {
    const window = windows[w];
    return window
      ? ctx.data.transactions(kind, providerAccountId, window)
      : ctx.data.pendingTransactions(kind, providerAccountId);
  };
  const lastRequest = ctx.includePending ? windows.length : windows.length - 1;
  let prefetched: { w: number; response: Promise<BankTransaction[]> } | null = null;
  /** The window whose answer is awaited (null: the pending list), to tell a refused old window from a lapsed consent. */
  let currentWindow: DateRange | null = null;
  /**
   * Asks for window `w` while the window before it is being stored: a bank request takes far longer than storing a
   * batch, so an account's requests run back to back (bench: parallel speed-up). Called after the earlier window's
   * first commit, so its call is in the ledger the budget reads; without room in the budget now, the window's own
   * turn decides (and defers).
   */
  const prefetch = async (w: number) => {
    if (w > lastRequest || prefetched) return;
    if (await ctx.budget?.beforeCall(accountId)) return;
    const response = request(w);
    response.catch(() => {}); // read in the window's turn; a stop or a failure may leave it unread
    prefetched = { w, response };
  };
  /** Window `w`'s transactions, or the time the budget has room for its request. */
  const fetchWindow = async (w: number): Promise<BankTransaction[] | Date> => {
    if (prefetched?.w === w) {
      const { response } = prefetched;
      prefetched = null;
      return response;
    }
    const waitForCall = await ctx.budget?.beforeCall(accountId);
    return waitForCall ?? request(w);
  };
  /** Waits for a request read ahead, so its call is known when the account ends early. */
  const settlePrefetch = async () => {
    await prefetched?.response.catch(() => {});
  };
  /** A stop ends the account at its last checkpoint; calls made since (a request read ahead) still go into the ledger. */
  const stopAt = async (reason: StopReason): Promise<StopReason> => {
    await settlePrefetch(); // aborted by the stop's interrupt, or (when the flag came first) answered by the bank
    if (unrecordedCalls.length > 0 || ctx.hasCalls(providerAccountId)) await commitProgress({});
    return reason;
  };

  try {
    const wait = await ctx.budget?.beforeAccount(accountId, callsAhead);
    if (wait) return await defer(wait);
    await commitProgress({ status: 'syncing', deferredUntil: null, windowsTotal, startedAt: ctx.now() });

    for (let w = row.windowsDone; w < windows.length; w += 1) {
      const window = windows[w];
      if (!window) break;
      currentWindow = window;
      const stop = await ctx.checkStop();
      if (stop) return await stopAt(stop);
      const fetched = await fetchWindow(w);
      if (fetched instanceof Date) return await defer(fetched);
      const archived = ctx.archive ? await packRawItems(fetched) : null;
      const items = sortForIngest(assignDedupKeys(fetched));
      const alreadyCounted = w === row.windowsDone ? row.itemsDoneInWindow : 0;
      const batchCount = Math.max(1, Math.ceil(items.length / ctx.batchSize));
      for (let b = 0; b < batchCount; b += 1) {
        if (b > 0) {
          const stopMidWindow = await ctx.checkStop();
          if (stopMidWindow) return await stopAt(stopMidWindow);
        }
        // Commits resolve synchronously on SQLite: without a turn of the event loop, one window's batches block
        // HTTP, WebSocket pings and progress fan-out for seconds (bench: longest stall 7.6 s -> 0.2 s).
        await setImmediate();
        const start = b * ctx.batchSize;
        const batch = items.slice(start, start + ctx.batchSize);
        const last = b === batchCount - 1;
        let counts: IngestCounts | undefined;
        await commitProgress(
          last ? { windowsDone: w + 1, itemsDoneInWindow: 0 } : { itemsDoneInWindow: start + batch.length },
          async (tx) => {
            if (b === 0 && archived !== null)
              await archiveResponse(tx, {
                jobId: ctx.jobId,
                accountId,
                endpoint: 'transactions',
                window: w,
                range: window,
                body: archived,
              });
            counts = await ingestBatch(tx, {
              accountId,
              jobId: ctx.jobId,
              items: batch,
              countFrom: Math.max(0, alreadyCounted - start),
              now: ctx.now(),
            });
            receipt = addToReceipt(receipt, counts);
            return counters(counts);
          },
          // Events carry the whole job, so a few a second keep a screen live; the end of a window always tells.
          last || ctx.batchEventDue(),
        );
        reportBatch(counts);
        if (b === 0) await prefetch(w + 1);
      }
    }

    if (ctx.includePending && row.windowsDone <= windows.length) {
      currentWindow = null;
      const stop = await ctx.checkStop();
      if (stop) return await stopAt(stop);
      const fetched = await fetchWindow(windows.length);
      if (fetched instanceof Date) return await defer(fetched);
      const archived = ctx.archive ? await packRawItems(fetched) : null;
      const pending = sortForIngest(assignDedupKeys(fetched));
      let counts: IngestCounts | undefined;
      await commitProgress({ windowsDone: windows.length + 1, itemsDoneInWindow: 0 }, async (tx) => {
        if (archived !== null)
          await archiveResponse(tx, {
            jobId: ctx.jobId,
            accountId,
            endpoint: 'pending',
            window: windows.length,
            range: null,
            body: archived,
          });
        counts = await ingestBatch(tx, {
          accountId,
          jobId: ctx.jobId,
          items: pending,
          countFrom: 0,
          now: ctx.now(),
        });
        const removed = await removeStalePending(
          tx,
          accountId,
          pending.map((item: KeyedTransaction) => item.dedupKey),
        );
        const review = await recordAmbiguousPairs(tx, { jobId: ctx.jobId, accountId, removed });
        receipt = addToReceipt(receipt, counts);
        receipt = {
          ...receipt,
          pendingRemoved: receipt.pendingRemoved + removed.length,
          pendingAwaitingBooking: pending.length,
          matchesToReview: receipt.matchesToReview + review,
        };
        return counters(counts);
      });
      reportBatch(counts);
    }

    const zeroReason = explainZero(receipt);
    receipt = {
      ...receipt,
      zeroReason: zeroReason === 'bank_returned_nothing' && ctx.rangeLocked ? 'history_locked' : zeroReason,
    };
    await commitProgress({ status: 'completed', finishedAt: ctx.now() }, async (tx) => {
      await tx.bankAccount.update({ where: { id: accountId }, data: { lastSyncedAt: ctx.now() } });
    });
    return 'completed';
  } catch (error) {
    await settlePrefetch(); // its call is recorded with the commit below
    // A pause/cancel/shutdown aborts requests in flight: that failure is the stop, and resuming retries the account.
    const stop = await ctx.checkStop();
    if (stop) return await stopAt(stop);
    const verdict = isHistoryRefusal(error, currentWindow, ctx.scaHorizon)
      ? {
          kind: 'fail' as const,
          code: 'HISTORY_LOCKED',
          message: describeRefusal(currentWindow, ctx.scaHorizon, ctx.connection.providerName),
        }
      : judgeFailure(error, ctx.connection.providerName);
    if (verdict.kind === 'defer') return await defer(new Date(ctx.now().getTime() + verdict.waitMs));
    if (verdict.code === 'HISTORY_LOCKED' && receipt.fetched === 0)
      receipt = { ...receipt, zeroReason: 'history_locked' };
    if (verdict.kind === 'consent') {
      await markNeedsReconsent(ctx.db, ctx.connection.id);
      if (receipt.fetched === 0) receipt = { ...receipt, zeroReason: 'consent_expired' };
    }
    if (verdict.code === 'INTERNAL')
      ctx.logger.error({ jobId: ctx.jobId, accountId, err: error }, 'account sync failed unexpectedly');
    else ctx.logger.warn({ jobId: ctx.jobId, accountId, code: verdict.code }, 'account sync failed');
    await commitProgress({
      status: 'failed',
      errorCode: verdict.code,
      lastError: verdict.message,
      errors: { increment: 1 },
      finishedAt: ctx.now(),
    });
    return 'failed';
  }
}
