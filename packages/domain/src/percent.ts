import type { AccountStatus, JobStatus } from './job-status';

/**
 * How far an account got, in whole percent of its date windows. Only a completed account is 100: a failed or
 * cancelled one shows the windows it committed before it stopped, never a full bar it did not earn.
 */
export function accountPercent(status: AccountStatus, windowsDone: number, windowsTotal: number): number {
  if (status === 'completed') return 100;
  if (windowsTotal <= 0) return 0;
  return Math.min(100, Math.floor((100 * windowsDone) / windowsTotal));
}

/** The job's figure: the mean of its accounts' (rounded down, so 100 means every account completed). */
export function jobPercent(status: JobStatus, accountPercents: readonly number[]): number {
  if (status === 'completed') return 100;
  if (accountPercents.length === 0) return 0;
  return Math.floor(accountPercents.reduce((sum, p) => sum + p, 0) / accountPercents.length);
}
