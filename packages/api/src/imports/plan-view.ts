import { daysInRange } from '@app/domain';
import type { MonthlyBudget } from '@app/enrichment';
import { type planImport, type PlanWarning } from '@app/importer';
import { readStoredEstimate } from './job-estimate';

type PlanResult = Awaited<ReturnType<typeof planImport>>;
type ViewWarning = { code: PlanWarning['code'] | 'ENRICHMENT_CAP'; message: string };

function formatDollars(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(2)}`;
}

/** When enrichment would go past the month's cap, the person hears it before starting. */
function capWarning(costMicros: number, month: MonthlyBudget | null): ViewWarning | null {
  if (!month || month.remainingMicros === null || costMicros <= month.remainingMicros) return null;
  return {
    code: 'ENRICHMENT_CAP',
    message: `Enrichment would cost about ${formatDollars(costMicros)}, and ${formatDollars(month.remainingMicros)} of your monthly cap is left: it stops at the cap and resumes when you raise it.`,
  };
}

/**
 * The answer to importPlan: the job id and the estimate the person confirms before starting, with each account's
 * bank calls against its budget and the enrichment cost against the month's cap.
 */
export function toPlanView(
  { job, accounts, estimate, costMicros, warnings, calls }: PlanResult,
  month: MonthlyBudget | null,
) {
  const perAccount = new Map(estimate.accounts.map((a) => [a.accountId, a]));
  const callsOf = new Map(calls.map((c) => [c.accountId, c]));
  const cap = capWarning(costMicros, month);
  const allWarnings: ViewWarning[] = cap ? [...warnings, cap] : warnings;
  return {
    jobId: job.id,
    status: job.status,
    jobType: job.jobType,
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
      warnings: allWarnings,
      enrichmentMonth: month,
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
      calls: callsOf.get(a.id) ?? null,
    })),
  };
}
