import { formatCount, formatDuration } from '../format';
import type { AccountSnapshot, JobSnapshot } from './status-event';

type AccountCounts = Pick<AccountSnapshot, 'status' | 'synced' | 'duplicates' | 'errors'>;

export function describeAccountCounts(account: AccountCounts): string {
  return `${account.status}, ${formatCount(account.synced)} new, ${formatCount(account.duplicates)} duplicates, ${formatCount(account.errors)} errors`;
}

export function describeJobProgress(job: JobSnapshot): string {
  const eta = job.etaMs === null ? '' : `, ETA ${formatDuration(job.etaMs)}`;
  return `${job.status}, ${job.accountsDone}/${job.accountsTotal} accounts done, ${formatCount(job.totals.synced)} new${eta}`;
}
