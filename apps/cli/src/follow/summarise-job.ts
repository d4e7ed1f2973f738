import { formatDuration, plural } from '../format';
import type { JobDetail } from './status-event';

type JobStatus = JobDetail['job']['status'];

/** 0 when everything was imported, 2 when some accounts failed, 1 when the import as a whole did not finish. */
export function exitCodeFor(status: JobStatus): number {
  if (status === 'completed') return 0;
  if (status === 'completed_with_errors') return 2;
  return 1;
}

function headlineOf({ job, actual }: JobDetail): string {
  const counts = `${plural(job.totalSynced, 'new transaction')}, ${plural(job.totalDuplicates, 'duplicate')}, ${plural(job.totalErrors, 'error')}`;
  const took = typeof actual?.durationMs === 'number' ? ` in ${formatDuration(actual.durationMs)}` : '';
  switch (job.status) {
    case 'completed':
      return `Import completed: ${plural(job.accountsTotal, 'account')}, ${counts}${took}.`;
    case 'completed_with_errors':
      return `Import completed with errors: ${job.accountsFailed} of ${plural(job.accountsTotal, 'account')} failed; ${counts}${took}.`;
    case 'failed':
      return `Import failed: ${job.errorMessage ?? 'no account could be imported.'} (${counts})`;
    case 'cancelled':
      return `Import cancelled: ${counts} kept.`;
    case 'deferred':
      return `Import waiting for the bank’s daily limit on background requests: it continues by itself at ${job.deferredUntil?.toISOString() ?? 'the next free slot'} (${counts} so far).`;
    default:
      return `The server stopped sending progress while the import was ${job.status}: follow it again with \`spending follow ${job.id}\`.`;
  }
}

/** The lines after the progress: why each failed account failed, then the outcome, last so it stays in view. */
export function summariseJob(detail: JobDetail): string[] {
  const failed = detail.accounts
    .filter((a) => a.status === 'failed')
    .map((a) => `  ✗ ${a.account.displayName}: ${a.lastError ?? a.errorCode ?? 'failed without a reason'}`);
  const headline = headlineOf(detail);
  return failed.length > 0 ? ['Failed accounts:', ...failed, headline] : [headline];
}
