import { accountPercent, jobPercent } from '@app/domain';
import type { JobSummaryRow } from '../selects';

/** A history row: the job with its account counts and percent instead of the progress rows they come from. */
export function toJobSummary(row: JobSummaryRow) {
  const { progress, ...job } = row;
  return {
    ...job,
    accountsTotal: progress.length,
    accountsCompleted: progress.filter((p) => p.status === 'completed').length,
    accountsFailed: progress.filter((p) => p.status === 'failed').length,
    // The same rule as the live snapshot's, so a list row and the job page never disagree.
    percent: jobPercent(
      job.status,
      progress.map((p) => accountPercent(p.status, p.windowsDone, p.windowsTotal)),
    ),
  };
}
