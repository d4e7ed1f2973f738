import type { AccountStatus, JobStatus } from '~/lib/api-types';

type Tone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

const labels: Record<JobStatus | AccountStatus, { label: string; tone: Tone }> = {
  planned: { label: 'Planned', tone: 'neutral' },
  queued: { label: 'Queued', tone: 'info' },
  running: { label: 'Running', tone: 'progress' },
  paused: { label: 'Paused', tone: 'warning' },
  completed: { label: 'Completed', tone: 'success' },
  completed_with_errors: { label: 'Completed with errors', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  pending: { label: 'Pending', tone: 'neutral' },
  syncing: { label: 'Syncing', tone: 'progress' },
  deferred: { label: 'Waiting for the bank', tone: 'warning' },
};

export function StatusBadge({ status }: { status: JobStatus | AccountStatus }) {
  const { label, tone } = labels[status];
  return (
    <span className={`badge badge-${tone}`} data-status={status}>
      <span className="badge-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
