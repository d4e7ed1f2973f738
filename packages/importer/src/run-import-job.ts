import { isUniqueViolation, type Db, type JobStatus, type Prisma, type TokenCipher } from '@app/db';
import type { CallRecord } from '@app/truelayer';
import pLimit from 'p-limit';
import type { BankClient } from './bank-client';
import { todayIn } from '@app/domain';
import type { ImporterConfig } from './config';
import { createConnectionTokens } from './connection-tokens';
import { appendEvent } from './event-journal';
import type { ImportObserver } from './import-observer';
import { createKeyedMutex } from './keyed-mutex';
import type { Logger } from './logger';
import { isTerminal, type ProgressEvent } from './progress-event';
import type { ProgressPort } from './progress-port';
import { inProcessRequestLimiter, limitRequests, type RequestLimiter } from './request-limiter';
import { attributeEnrichment } from './attribute-enrichment';
import { reachesPending } from './pending-window';
import { describeLocked, lockedPartOf, runRangeOf, scaHorizon } from './locked-history';
import { earliestDeferral, isDueForRun, prepareRunSources } from './run-sources';
import { StoredMeanwhileError } from './ingest-batch';
import { syncAccount, type StopReason } from './sync-account';

export type EnrichmentHook = {
  /** Enriches the transactions an import brought in (auto-enrich). */
  enrichImport(input: { userId: string; importJobId: string }): Promise<void>;
  estimate(transactionCount: number): { costMicros: number; basis: string };
};

export type ImporterDeps = {
  db: Db;
  bank: BankClient;
  cipher: TokenCipher;
  progress: ProgressPort;
  config: ImporterConfig;
  logger: Logger;
  now: () => Date;
  enrichment?: EnrichmentHook;
  /** Metrics: told about bank calls, committed batches, accounts and runs. */
  observer?: ImportObserver;
  /** Caps bank requests per connection; by default within this process (config.maxRequestsPerConnection). */
  requestLimiter?: RequestLimiter;
};

const withJobLock = createKeyedMutex();

/**
 * Runs (or resumes) one import job to its end, a pause, a cancel or a shutdown. The same function is the
 * embedded runner's task and the BullMQ processor. Accounts run in parallel (config.workers); one failing
 * account never fails the others; every batch commits its data, checkpoint and event together.
 */
export async function runImportJob(
  deps: ImporterDeps,
  jobId: string,
  options: { signal?: AbortSignal } = {},
): Promise<JobStatus> {
  const { db, config, logger, now } = deps;
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    include: {
      progress: {
        include: { account: { select: { providerAccountId: true, kind: true } } },
        orderBy: { id: 'asc' },
      },
    },
  });
  if (
    isTerminal(job.status) ||
    job.status === 'planned' ||
    job.status === 'paused' ||
    job.status === 'deferred'
  )
    return job.status;

  let lastEventAt = Number.NEGATIVE_INFINITY;
  const commit = async (work: (tx: Prisma.TransactionClient) => Promise<ProgressEvent | null>) => {
    await withJobLock(jobId, async () => {
      const event = await commitWithRetry(db, work);
      if (!event) return;
      lastEventAt = performance.now();
      deps.progress.publish(event);
    });
  };
  // The first run decides which dates the consent no longer reaches; resumed runs keep that (their checkpoints
  // count windows of the same range).
  const locked =
    job.startedAt === null && job.replayOfJobId === null && job.lockedFromDate === null
      ? lockedPartOf(
          { from: job.fromDate, to: job.toDate },
          await db.bankConnection
            .findUniqueOrThrow({
              where: { id: job.connectionId },
              select: { consentGrantedAt: true },
            })
            .then((c) => ({ grantedAt: c.consentGrantedAt })),
          config,
          now(),
        )
      : null;
  if (locked) {
    job.lockedFromDate = locked.from;
    job.lockedToDate = locked.to;
  }
  await commit(async (tx) => {
    await tx.importJob.update({
      where: { id: jobId },
      data: {
        status: 'running',
        startedAt: job.startedAt ?? now(),
        ...(locked ? { lockedFromDate: locked.from, lockedToDate: locked.to } : {}),
      },
    });
    return appendEvent(tx, { jobId, kind: 'job', now: now() });
  });
  logger.info(
    { jobId, userId: job.userId, connectionId: job.connectionId, accounts: job.progress.length },
    'import job running',
  );

  const checkStop = async (): Promise<StopReason | null> => {
    // Read the signal first: a pause commits its flag and then aborts, so an abort seen before the read is
    // always explained by the read (or is a real shutdown), never a pause mistaken for a shutdown.
    const aborted = options.signal?.aborted ?? false;
    const { requestedAction } = await db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { requestedAction: true },
    });
    if (requestedAction === 'cancel' || requestedAction === 'pause') return requestedAction;
    return aborted ? 'shutdown' : null;
  };

  const calls = new Map<string, CallRecord[]>();
  const tokens = createConnectionTokens({
    db,
    cipher: deps.cipher,
    bank: deps.bank,
    connectionId: job.connectionId,
    now,
    logger,
  });
  const sources = await prepareRunSources(deps, job);
  const data =
    sources.replay?.data ??
    limitRequests(
      job.connectionId,
      deps.requestLimiter ?? inProcessRequestLimiter(config.maxRequestsPerConnection),
      deps.bank.data({
        tokens,
        psuIp: job.psuIp ?? undefined,
        signal: options.signal,
        onCall: (call) => {
          calls.set(call.accountId ?? '', [...(calls.get(call.accountId ?? '') ?? []), call]);
          deps.observer?.bankCall(call);
        },
      }),
      options.signal,
    );
  const today = todayIn(config.timeZone, now());
  const range = runRangeOf(job);
  const context = {
    db,
    data,
    jobId,
    batchSize: job.batchSize,
    range,
    rangeLocked: job.lockedFromDate !== null && !job.continuingLocked,
    scaHorizon: scaHorizon(config, now()),
    windowDays: config.windowDays,
    includePending: sources.replay?.includePending ?? (range !== null && reachesPending(range.to, today)),
    connection: sources.connection,
    budget: sources.budget,
    archive: sources.archive,
    now,
    logger,
    observer: deps.observer,
    commit,
    batchEventDue: () => performance.now() - lastEventAt >= config.batchEventIntervalMs,
    checkStop,
    takeCalls(providerAccountId: string) {
      const taken = calls.get(providerAccountId) ?? [];
      calls.delete(providerAccountId);
      return taken;
    },
    hasCalls: (providerAccountId: string) => calls.has(providerAccountId),
  };

  const limit = pLimit(config.workers);
  const unfinished = job.progress.filter((row) => isDueForRun(row, now()));
  const syncTimed = async (row: (typeof unfinished)[number]) => {
    const started = performance.now();
    const outcome = await syncAccount(context, row);
    const durationMs = Math.round(performance.now() - started);
    logger.info(
      { jobId, userId: job.userId, accountId: row.accountId, outcome, durationMs },
      'account sync ended',
    );
    deps.observer?.accountSynced({ jobId, accountId: row.accountId, outcome, durationMs });
    return outcome;
  };
  const outcomes = await Promise.all(unfinished.map((row) => limit(() => syncTimed(row))));
  const stop =
    outcomes.find((o): o is StopReason => o === 'cancel' || o === 'pause' || o === 'shutdown') ??
    (await checkStop());

  const finalStatus = await finishJob(deps, jobId, stop, commit);
  logger.info({ jobId, userId: job.userId, status: finalStatus }, 'import job stopped');
  deps.observer?.runEnded({ jobId, status: finalStatus });
  if (
    (finalStatus === 'completed' || finalStatus === 'completed_with_errors') &&
    job.autoEnrich &&
    deps.enrichment
  ) {
    await deps.enrichment.enrichImport({ userId: job.userId, importJobId: jobId });
    await attributeEnrichment(db, jobId);
  }
  return finalStatus;
}

async function finishJob(
  deps: ImporterDeps,
  jobId: string,
  stop: StopReason | null,
  commit: (work: (tx: Prisma.TransactionClient) => Promise<ProgressEvent | null>) => Promise<void>,
): Promise<JobStatus> {
  const { now } = deps;
  let status: JobStatus = 'running';
  await commit(async (tx) => {
    const rows = await tx.importProgress.findMany({ where: { jobId } });
    const job = await tx.importJob.findUniqueOrThrow({ where: { id: jobId } });
    const connection = await tx.bankConnection.findUniqueOrThrow({
      where: { id: job.connectionId },
      select: { providerName: true },
    });
    const failed = rows.filter((r) => r.status === 'failed');
    const locked =
      job.lockedFromDate !== null && job.lockedToDate !== null
        ? { from: job.lockedFromDate, to: job.lockedToDate }
        : null;
    // A continuation whose every account completed fetched the whole locked range.
    const unlocked =
      locked !== null &&
      job.continuingLocked &&
      stop === null &&
      failed.length === 0 &&
      rows.every((r) => r.status === 'completed');
    const unfinished = {
      jobId,
      status: { in: ['pending' as const, 'syncing' as const, 'deferred' as const] },
    };
    if (stop === 'cancel') {
      status = 'cancelled';
      await tx.importProgress.updateMany({ where: unfinished, data: { status: 'cancelled' } });
    } else if (stop === 'pause') {
      status = 'paused';
      await tx.importProgress.updateMany({
        where: { jobId, status: 'syncing' },
        data: { status: 'pending' },
      });
    } else if (stop === 'shutdown') {
      status = 'queued'; // picked up again by the next runner, from its checkpoints
    } else if (rows.some((r) => r.status === 'deferred')) {
      status = 'deferred'; // the scheduler queues it again when the bank's budget has room
    } else {
      status =
        failed.length === rows.length && !job.continuingLocked
          ? 'failed' // a continuation keeps what the first run brought: never "failed" as a whole
          : failed.length > 0 || (locked !== null && !unlocked)
            ? 'completed_with_errors'
            : 'completed';
    }
    const terminal = status !== 'paused' && status !== 'queued' && status !== 'deferred';
    const failures =
      failed.length > 0
        ? `${failed.length} of ${rows.length} accounts failed: ${[...new Set(failed.map((r) => r.lastError ?? r.errorCode))].join('; ')}`
        : null;
    const stillLocked =
      locked !== null && !unlocked ? describeLocked(locked, connection.providerName, deps.config) : null;
    const errorMessage = [failures, terminal ? stillLocked : null].filter(Boolean).join(' ') || null;
    const estimate = (job.estimate ?? {}) as Record<string, unknown>;
    await tx.importJob.update({
      where: { id: jobId },
      data: {
        status,
        requestedAction: null,
        deferredUntil: status === 'deferred' ? earliestDeferral(rows) : null,
        errorMessage,
        ...(terminal && job.continuingLocked ? { continuingLocked: false } : {}),
        ...(terminal && unlocked ? { lockedFromDate: null, lockedToDate: null } : {}),
        totalFetched: rows.reduce((s, r) => s + r.fetched, 0),
        totalSynced: rows.reduce((s, r) => s + r.synced, 0),
        totalDuplicates: rows.reduce((s, r) => s + r.duplicates, 0),
        totalErrors: rows.reduce((s, r) => s + r.errors, 0),
        ...(terminal
          ? {
              finishedAt: now(),
              // estimate vs actual, so the planner's accuracy can be measured
              estimate: {
                ...estimate,
                ...(unlocked ? { unlocked: locked } : {}),
                actual: {
                  transactions: rows.reduce((s, r) => s + r.fetched, 0),
                  durationMs: job.startedAt ? now().getTime() - job.startedAt.getTime() : null,
                },
              },
            }
          : {}),
      },
    });
    return appendEvent(tx, { jobId, kind: terminal ? 'finished' : 'job', now: now() });
  });
  return status;
}

/** Two jobs on one account may insert the same new transaction at once; the loser re-reads and retries once. */
async function commitWithRetry<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work, { timeout: 60_000, maxWait: 60_000 });
  } catch (error) {
    if (!isUniqueViolation(error) && !(error instanceof StoredMeanwhileError)) throw error;
    return db.$transaction(work, { timeout: 60_000, maxWait: 60_000 });
  }
}
