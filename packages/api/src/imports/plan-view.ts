import { daysInRange, type planImport } from '@app/importer';
import { readStoredEstimate } from './job-estimate';

type PlanResult = Awaited<ReturnType<typeof planImport>>;

/** The answer to importPlan: the job id and the estimate the person confirms before starting. */
export function toPlanView({ job, accounts, estimate, costMicros, warnings }: PlanResult) {
  const perAccount = new Map(estimate.accounts.map((a) => [a.accountId, a]));
  return {
    jobId: job.id,
    status: job.status,
    dateRange: { from: job.fromDate, to: job.toDate, days: daysInRange(job.fromDate, job.toDate) },
    autoEnrich: job.autoEnrich,
    batchSize: job.batchSize,
    estimate: {
      accounts: accounts.length,
      transactions: estimate.transactions,
      durationMs: estimate.durationMs,
      costMicros,
      basis: estimate.basis,
      costBasis: readStoredEstimate(job.estimate).costBasis,
      warnings,
    },
    accounts: accounts.map((a) => ({
      id: a.id,
      kind: a.kind,
      accountType: a.accountType,
      displayName: a.displayName,
      currency: a.currency,
      maskedNumber: a.maskedNumber,
      estimatedTransactions: perAccount.get(a.id)?.transactions ?? 0,
      estimateBasis: perAccount.get(a.id)?.basis ?? null,
    })),
  };
}
