import { formatDateTime, plural } from '~/lib/format';
import type { ProgressState } from '~/lib/progress-state';

/** The one sentence that sums the job up; announced politely when it changes. */
export function progressMessage({ job, accounts, finished }: ProgressState): string {
  if (!job) return 'Connecting to the import…';
  const { totals } = job;
  const dupes = totals.duplicates > 0 ? `, ${plural(totals.duplicates, 'duplicate')} skipped` : '';
  switch (job.status) {
    case 'planned':
      return 'This import is planned but not started yet.';
    case 'queued':
      return 'Waiting for a free worker to start the import…';
    case 'running':
      return `Importing from ${plural(job.accountsTotal, 'account')}: ${plural(totals.synced, 'new transaction')} so far.`;
    case 'paused':
      return 'Paused. Resume it to continue from where it stopped; nothing is lost.';
    case 'deferred': {
      const waiting = accounts.filter((a) => a.status === 'deferred').length;
      return `Waiting for the bank’s daily limit: ${plural(waiting, 'account')} continue${waiting === 1 ? 's' : ''} when it frees up${job.deferredUntil ? ` (${formatDateTime(job.deferredUntil)})` : ''}; ${plural(totals.synced, 'new transaction')} so far.`;
    }
    case 'completed':
      return `Import complete: ${plural(totals.synced, 'new transaction')} from ${plural(job.accountsTotal, 'account')}${dupes}.`;
    case 'completed_with_errors': {
      const failed = accounts.filter((a) => a.status === 'failed').length;
      const which =
        failed > 0
          ? `${plural(failed, 'account')} failed (details below); the others are complete.`
          : 'Details are below each account.';
      return `Import finished with errors: ${plural(totals.synced, 'new transaction')}${dupes}. ${which}`;
    }
    case 'failed':
      return job.errorMessage ?? 'The import failed. Transactions already imported are kept.';
    case 'cancelled':
      return finished ? 'Import cancelled. Transactions imported before the cancel are kept.' : 'Cancelling…';
  }
}
