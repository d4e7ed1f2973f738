import type { Db, Prisma } from '@app/db';
import { JobNotFoundError, listJobMatches, readReceipt, snapshotJob, type Importer } from '@app/importer';
import {
  connectionNameSelect,
  enrichmentJobSelect,
  jobSummarySelect,
  progressDetailSelect,
} from '../selects';
import { readStoredEstimate } from './job-estimate';
import { toJobSummary } from './job-summary';

const jobDetailSelect = {
  ...jobSummarySelect,
  estimate: true,
  requestedAction: true,
  lastEventSeq: true,
  psuIp: true,
  lockedFromDate: true,
  lockedToDate: true,
  continuingLocked: true,
  connection: { select: { id: true, providerId: true, ...connectionNameSelect } },
  progress: { select: progressDetailSelect, orderBy: { id: 'asc' } },
  enrichmentJobs: { select: enrichmentJobSelect, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ImportJobSelect;

/**
 * One job as its page shows it: per-account progress with receipts and the bank-call budget as it stands now,
 * estimate against actual, the matches it made (undoable) or left for review, enrichment.
 */
export async function loadJobDetail(
  deps: { db: Db; importer: Pick<Importer, 'callBudgets'>; now: Date },
  userId: string,
  jobId: string,
) {
  const { db, now } = deps;
  const row = await db.importJob.findFirst({ where: { id: jobId, userId }, select: jobDetailSelect });
  if (!row) throw new JobNotFoundError(jobId);
  const {
    estimate: estimateJson,
    enrichmentJobs,
    requestedAction,
    lastEventSeq,
    psuIp,
    lockedFromDate,
    lockedToDate,
    continuingLocked,
    ...summaryRow
  } = row;
  const stored = readStoredEstimate(estimateJson);
  const perAccount = new Map(stored.accounts.map((a) => [a.accountId, a]));
  const plannedCalls = new Map(stored.calls.map((c) => [c.accountId, c]));
  const budgets = await deps.importer.callBudgets({
    providerId: row.connection.providerId,
    accountIds: row.progress.map((p) => p.accountId),
    now,
  });
  const finished = row.finishedAt !== null;
  const enrichmentCostMicros = enrichmentJobs.reduce((sum, e) => sum + e.costMicros, 0);
  return {
    // whether the person was present (their calls did not count against the bank's budget); never the IP itself
    job: { ...toJobSummary(summaryRow), requestedAction, lastEventSeq, attended: psuIp !== null },
    /**
     * Dates the bank would not serve on the consent the job ran with (older than its 90 days): reconnecting and
     * continuing (importContinueLocked) fetches exactly these into this job. `unlocked`: a continuation did.
     */
    lockedHistory: {
      locked:
        lockedFromDate !== null && lockedToDate !== null ? { from: lockedFromDate, to: lockedToDate } : null,
      continuing: continuingLocked,
      unlocked: stored.unlocked ?? null,
    },
    snapshot: snapshotJob(row, row.progress, now),
    accounts: row.progress.map((p) => ({
      ...p,
      receipt: p.receipt === null ? null : readReceipt(p.receipt),
      estimateBasis: perAccount.get(p.accountId)?.basis ?? null,
      callsPlanned: plannedCalls.get(p.accountId) ?? null,
      budget: budgets.get(p.accountId) ?? null,
    })),
    estimate: {
      accounts: row.estimatedAccounts,
      transactions: row.estimatedTransactions,
      durationMs: row.estimatedDurationMs,
      costMicros: row.estimatedCostMicros,
      basis: stored.basis,
      costBasis: stored.costBasis,
      warnings: stored.warnings,
    },
    actual: finished
      ? {
          transactions: row.totalFetched,
          synced: row.totalSynced,
          durationMs:
            stored.actual?.durationMs ??
            (row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null),
          costMicros: enrichmentCostMicros,
        }
      : null,
    matches: await listJobMatches(db, row.id),
    enrichmentJobs,
  };
}
