import type { Db, Prisma } from '@app/db';
import { JobNotFoundError, snapshotJob, type AccountReceipt } from '@app/importer';
import { enrichmentJobSelect, jobSummarySelect, progressDetailSelect } from '../selects';
import { readStoredEstimate } from './job-estimate';
import { toJobSummary } from './job-summary';

const jobDetailSelect = {
  ...jobSummarySelect,
  estimate: true,
  requestedAction: true,
  lastEventSeq: true,
  progress: { select: progressDetailSelect, orderBy: { id: 'asc' } },
  enrichmentJobs: { select: enrichmentJobSelect, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ImportJobSelect;

/** One job as its page shows it: per-account progress with receipts, estimate against actual, enrichment. */
export async function loadJobDetail(db: Db, userId: string, jobId: string, now: Date) {
  const row = await db.importJob.findFirst({ where: { id: jobId, userId }, select: jobDetailSelect });
  if (!row) throw new JobNotFoundError(jobId);
  const { estimate: estimateJson, enrichmentJobs, requestedAction, lastEventSeq, ...summaryRow } = row;
  const stored = readStoredEstimate(estimateJson);
  const perAccount = new Map(stored.accounts.map((a) => [a.accountId, a]));
  const finished = row.finishedAt !== null;
  const enrichmentCostMicros = enrichmentJobs.reduce((sum, e) => sum + e.costMicros, 0);
  return {
    job: { ...toJobSummary(summaryRow), requestedAction, lastEventSeq },
    snapshot: snapshotJob(row, row.progress, now),
    accounts: row.progress.map((p) => ({
      ...p,
      // written by the importer as its AccountReceipt (receipt.ts)
      receipt: p.receipt as AccountReceipt | null,
      estimateBasis: perAccount.get(p.accountId)?.basis ?? null,
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
    enrichmentJobs,
  };
}
