import { ProgressBar } from '~/components/ui/progress-bar';
import { StatusBadge } from '~/components/ui/status-badge';
import type { AccountSnapshot } from '~/lib/api-types';
import { formatCount, formatDuration, plural } from '~/lib/format';
import type { ProgressState } from '~/lib/progress-state';
import { progressMessage } from './progress-message';

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export type ImportProgressViewProps = {
  state: ProgressState;
  link?: LinkState;
  /** A failure of the subscription itself (not of the import), e.g. the job was deleted. */
  linkError?: string | null;
  autoEnrich?: boolean;
};

const finishedStatuses = new Set(['completed', 'completed_with_errors', 'failed', 'cancelled']);

/** Draws a job's progress from the events received so far: no state of its own, so any event sequence can be tested. */
export function ImportProgressView({
  state,
  link = 'live',
  linkError = null,
  autoEnrich = false,
}: ImportProgressViewProps) {
  const { job, accounts } = state;
  const done = state.finished || (job ? finishedStatuses.has(job.status) : false);
  const percent = job?.percent ?? 0;
  const tone =
    job?.status === 'failed'
      ? 'danger'
      : job?.status === 'completed_with_errors'
        ? 'warning'
        : done
          ? 'success'
          : 'info';

  return (
    <section className="import-progress" aria-label="Import progress">
      <div className="progress-head">
        <div className="progress-percent" aria-hidden="true">
          {percent}
          <span>%</span>
        </div>
        <div className="progress-head-text">
          <div className="progress-head-row">
            {job ? <StatusBadge status={job.status} /> : null}
            <span className="muted">{etaText(state, done)}</span>
          </div>
          <ProgressBar value={percent} label="Overall progress" />
          <p className="muted small">
            {job
              ? `${formatCount(job.accountsDone)} of ${plural(job.accountsTotal, 'account')} finished`
              : 'Waiting for the first update'}
            {link === 'reconnecting' ? ' · reconnecting to live updates…' : ''}
          </p>
        </div>
      </div>

      <p className={`progress-message tone-${tone}`} role="status" aria-live="polite">
        {progressMessage(state)}
      </p>
      {linkError ? (
        <p className="notice notice-danger" role="alert">
          {linkError}
        </p>
      ) : null}

      <dl className="totals" aria-label="Totals">
        <Total label="Fetched" value={job?.totals.fetched ?? 0} />
        <Total label="New" value={job?.totals.synced ?? 0} />
        <Total label="Duplicates" value={job?.totals.duplicates ?? 0} />
        <Total
          label="Errors"
          value={job?.totals.errors ?? 0}
          tone={(job?.totals.errors ?? 0) > 0 ? 'danger' : undefined}
        />
      </dl>

      <ul className="account-progress-list" aria-label="Accounts">
        {accounts.map((account) => (
          <AccountProgressCard key={account.accountId} account={account} />
        ))}
      </ul>

      <p className="enrichment-line muted small">
        <span className="dot" aria-hidden="true" />
        {enrichmentText(autoEnrich, done, job?.status)}
      </p>
    </section>
  );
}

function Total({ label, value, tone }: { label: string; value: number; tone?: 'danger' }) {
  return (
    <div className={`total${tone ? ` tone-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}

function AccountProgressCard({ account }: { account: AccountSnapshot }) {
  const windows =
    account.windowsTotal > 0
      ? ` · part ${Math.min(account.windowsDone + 1, account.windowsTotal)} of ${account.windowsTotal}`
      : '';
  return (
    <li className={`account-progress status-${account.status}`} data-account-id={account.accountId}>
      <div className="account-progress-head">
        <span className={`kind-icon kind-${account.kind}`} aria-hidden="true">
          {account.kind === 'card' ? '▭' : '£'}
        </span>
        <div className="account-progress-name">
          <strong>{account.displayName}</strong>
          <span className="muted small">
            {account.kind === 'card' ? 'Card' : 'Account'}
            {account.status === 'syncing' ? windows : ''}
          </span>
        </div>
        <dl className="account-counts">
          <div>
            <dt>Synced</dt>
            <dd>{formatCount(account.synced)}</dd>
          </div>
          <div>
            <dt>Duplicates</dt>
            <dd>{formatCount(account.duplicates)}</dd>
          </div>
          <div className={account.errors > 0 ? 'tone-danger' : undefined}>
            <dt>Errors</dt>
            <dd>{formatCount(account.errors)}</dd>
          </div>
        </dl>
        <StatusBadge status={account.status} />
      </div>
      <ProgressBar value={account.percent} label={`${account.displayName} progress`} size="sm" />
      {account.lastError ? <p className="account-error">{account.lastError}</p> : null}
      {account.status === 'deferred' && !account.lastError ? (
        <p className="account-note muted small">
          Deferred: the bank asked us to slow down; this account continues in a later run.
        </p>
      ) : null}
    </li>
  );
}

function etaText(state: ProgressState, done: boolean): string {
  const job = state.job;
  if (!job) return 'Starting…';
  if (done) return 'Finished';
  if (job.status === 'queued') return 'Queued';
  if (job.status === 'paused') return 'Paused';
  if (job.etaMs === null) return job.status === 'running' ? 'Estimating time left…' : '';
  return `About ${formatDuration(job.etaMs)} left`;
}

function enrichmentText(autoEnrich: boolean, done: boolean, status: string | undefined): string {
  if (!autoEnrich) return 'Auto-enrichment is off for this import: transactions keep the bank’s categories.';
  if (!done) return 'Auto-enrichment is on: new transactions are categorised once the import finishes.';
  if (status === 'completed' || status === 'completed_with_errors')
    return 'Enrichment started for the new transactions when the import finished; its tokens and cost are on the job page.';
  return 'Enrichment did not run because the import did not complete.';
}
