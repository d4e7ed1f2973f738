import type { JobSummaryRow } from '../selects';

/** A history row: the job with its account counts instead of the progress rows they come from. */
export function toJobSummary(row: JobSummaryRow) {
  const { progress, ...job } = row;
  return {
    ...job,
    accountsTotal: progress.length,
    accountsCompleted: progress.filter((p) => p.status === 'completed').length,
    accountsFailed: progress.filter((p) => p.status === 'failed').length,
  };
}
