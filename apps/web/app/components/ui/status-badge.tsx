import {
  accountStatusLabel,
  accountStatusTone,
  isJobStatus,
  jobStatusLabel,
  jobStatusTone,
  type AccountStatus,
  type JobStatus,
} from '@app/domain';

export function StatusBadge({ status }: { status: JobStatus | AccountStatus }) {
  const [label, tone] = isJobStatus(status)
    ? [jobStatusLabel(status), jobStatusTone(status)]
    : [accountStatusLabel(status), accountStatusTone(status)];
  return (
    <span className={`badge badge-${tone}`} data-status={status}>
      <span className="badge-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
