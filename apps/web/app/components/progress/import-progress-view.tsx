import { isFinalAccountStatus, isFinalJobStatus, jobStatusTone } from '@app/domain';
import { ProgressBar } from '~/components/ui/progress-bar';
import { StatusBadge } from '~/components/ui/status-badge';
import type { AccountSnapshot, JobSnapshot, JobStatus } from '~/lib/api-types';
import { formatCount, formatTimeLeft, plural } from '~/lib/format';
import type { ProgressState } from '~/lib/progress-state';
import { progressMessage } from './progress-message';

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export type ImportProgressViewProps = {
  state: ProgressState;
  link?: LinkState;
  /** A failure of the subscription itself (not of the import), e.g. the job was deleted. */
  linkError?: string | null;
  autoEnrich?: boolean;
  /** Drawn on the job page itself: the text does not send the person "to the job page". */
  onJobPage?: boolean;
};

/** Draws a job's progress from the events received so far: no state of its own, so any event sequence can be tested. */
export function ImportProgressView({
  state,
  link = 'live',
  linkError = null,
  autoEnrich = false,
  onJobPage = false,
}: ImportProgressViewProps) {
  const { job, accounts } = state;
  const done = state.finished || (job ? isFinalJobStatus(job.status) : false);
  const percent = job?.percent ?? 0;
  const tone = job ? jobStatusTone(job.status) : 'info';

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
          <ProgressBar value={percent} label="Overall progress" tone={tone} />
          <p className="muted small">
            {job ? accountsLine(job, accounts) : 'Waiting for the first update'}
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
          <AccountProgressCard key={account.accountId} account={account} jobStatus={job?.status ?? null} />
        ))}
      </ul>

      <p className="enrichment-line muted small">
        <span className="dot" aria-hidden="true" />
        {enrichmentText(autoEnrich, done, job?.status, onJobPage)}
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

/** The account as it stands now: events name an account's own changes, a job event can stop them all at once. */
export function shownAccountStatus(
  account: AccountSnapshot,
  jobStatus: JobStatus | null,
): AccountSnapshot['status'] | 'paused' {
  if (isFinalAccountStatus(account.status) || jobStatus === null) return account.status;
  if (jobStatus === 'paused') return 'paused';
  if (jobStatus === 'cancelled' || jobStatus === 'failed') return 'cancelled';
  return account.status;
}

/** Where a stopped account stopped, in parts of its date range; null when it did not stop part-way. */
function stoppedAt(account: AccountSnapshot, shown: ReturnType<typeof shownAccountStatus>): string | null {
  if (shown !== 'paused' && shown !== 'cancelled' && shown !== 'failed') return null;
  if (account.windowsTotal === 0) return null;
  const verb = shown === 'paused' ? 'Paused' : 'Stopped';
  return `${verb} after ${account.windowsDone} of ${plural(account.windowsTotal, 'part')} of its dates`;
}

function accountsLine(job: JobSnapshot, accounts: readonly AccountSnapshot[]): string {
  if (!isFinalJobStatus(job.status) || job.status === 'completed')
    return `${formatCount(job.accountsDone)} of ${plural(job.accountsTotal, 'account')} finished`;
  const shown = accounts.map((a) => shownAccountStatus(a, job.status));
  const completed = shown.filter((s) => s === 'completed').length;
  const failed = shown.filter((s) => s === 'failed').length;
  const cancelled = shown.filter((s) => s === 'cancelled').length;
  const stopped = [
    failed > 0 ? `${formatCount(failed)} failed` : '',
    cancelled > 0 ? `${formatCount(cancelled)} cancelled` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${formatCount(completed)} of ${plural(job.accountsTotal, 'account')} completed${stopped ? `; ${stopped}` : ''}`;
}

function AccountProgressCard({
  account,
  jobStatus,
}: {
  account: AccountSnapshot;
  jobStatus: JobStatus | null;
}) {
  const shown = shownAccountStatus(account, jobStatus);
  const windows =
    account.windowsTotal > 0
      ? ` · part ${Math.min(account.windowsDone + 1, account.windowsTotal)} of ${account.windowsTotal}`
      : '';
  const stop = stoppedAt(account, shown);
  const barTone =
    shown === 'completed'
      ? 'success'
      : shown === 'failed'
        ? 'danger'
        : shown === 'cancelled'
          ? 'neutral'
          : shown === 'paused' || shown === 'deferred'
            ? 'warning'
            : 'progress';
  return (
    <li className={`account-progress status-${shown}`} data-account-id={account.accountId}>
      <div className="account-progress-head">
        <span className={`kind-icon kind-${account.kind}`} aria-hidden="true">
          {account.kind === 'card' ? '▭' : '£'}
        </span>
        <div className="account-progress-name">
          <strong>{account.displayName}</strong>
          <span className="muted small">
            {account.kind === 'card' ? 'Card' : 'Account'}
            {shown === 'syncing' ? windows : ''}
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
        <StatusBadge status={shown} />
      </div>
      <ProgressBar
        value={account.percent}
        label={`${account.displayName} progress`}
        size="sm"
        tone={barTone}
      />
      {stop ? <p className="account-note muted small">{stop}</p> : null}
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
  if (job.status === 'failed' || job.status === 'cancelled') return 'Stopped';
  if (done) return 'Finished';
  if (job.status === 'planned') return 'Not started';
  if (job.status === 'queued') return 'Queued';
  if (job.status === 'paused') return 'Paused';
  if (job.status === 'deferred') return 'Waiting for the bank';
  if (state.etaMs === null) return 'Estimating time left…';
  const left = formatTimeLeft(state.etaMs);
  return `${left.charAt(0).toUpperCase()}${left.slice(1)} left`;
}

function enrichmentText(
  autoEnrich: boolean,
  done: boolean,
  status: string | undefined,
  onJobPage: boolean,
): string {
  if (!autoEnrich) return 'Auto-enrichment is off for this import: transactions keep the bank’s categories.';
  if (!done) return 'Auto-enrichment is on: new transactions are categorised once the import finishes.';
  if (status === 'completed' || status === 'completed_with_errors')
    return `Enrichment started for the new transactions when the import finished; its tokens and cost are ${onJobPage ? 'in each account’s receipt below' : 'on the job page'}.`;
  return 'Enrichment did not run because the import did not complete.';
}
