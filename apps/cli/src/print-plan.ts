import type { RouterOutputs } from '@app/api/client';
import { formatCostMicros, formatCount, formatDateRange, formatDuration, plural } from './format';
import { formatTable } from './format-table';

type Plan = RouterOutputs['importPlan'];

/** The estimate a person checks before starting, then the job id to start it with. */
export function printPlan(plan: Plan, print: (line?: string) => void) {
  const { estimate, dateRange } = plan;
  print(`Planned import ${plan.jobId}`);
  print(
    `  Dates         ${formatDateRange(dateRange.from, dateRange.to)} (${plural(dateRange.days, 'day')})`,
  );
  print(`  Accounts      ${formatCount(estimate.accounts)}`);
  const rows = plan.accounts.map((a) => [
    a.displayName,
    a.kind,
    a.currency,
    a.maskedNumber ?? '',
    `~${formatCount(a.estimatedTransactions)}`,
    a.estimateBasis === 'history' ? 'from past imports' : 'typical account',
  ]);
  for (const line of formatTable(
    ['Name', 'Kind', 'Currency', 'Number', 'Transactions', 'Estimated from'],
    rows,
    [4],
  ))
    print(`    ${line}`);
  print(`  Transactions  ~${formatCount(estimate.transactions)}`);
  print(`  Duration      ~${formatDuration(estimate.durationMs)}`);
  print(
    `  Cost          ${plan.autoEnrich ? formatCostMicros(estimate.costMicros) : 'none (no enrichment)'}`,
  );
  print(`  Basis         ${estimate.basis}`);
  if (plan.autoEnrich) print(`  Cost basis    ${estimate.costBasis}`);
  for (const warning of estimate.warnings) print(`  ! ${warning.message}`);
}
