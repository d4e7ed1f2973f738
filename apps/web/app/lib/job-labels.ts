import type { JobStatus, JobSummary } from './api-types';

export const jobStatuses: { value: JobStatus; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'queued', label: 'Queued' },
  { value: 'running', label: 'Running' },
  { value: 'paused', label: 'Paused' },
  { value: 'deferred', label: 'Waiting for the bank' },
  { value: 'completed', label: 'Completed' },
  { value: 'completed_with_errors', label: 'Completed with errors' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

export function isJobStatus(value: string | null): value is JobStatus {
  return jobStatuses.some((s) => s.value === value);
}

const jobTypes: Record<JobSummary['jobType'], string> = {
  date_range: 'Date range',
  incremental: 'Sync',
  scheduled: 'Scheduled',
  replay: 'Replay',
};

export function jobTypeLabel(type: JobSummary['jobType']): string {
  return jobTypes[type];
}

/** Which controls make sense for a job in this state (the importer refuses the rest anyway). */
export function jobControls(status: JobStatus) {
  return {
    start: status === 'planned',
    pause: status === 'queued' || status === 'running' || status === 'deferred',
    resume: status === 'paused',
    cancel:
      status === 'planned' ||
      status === 'queued' ||
      status === 'running' ||
      status === 'paused' ||
      status === 'deferred',
    remove: status !== 'running' && status !== 'queued',
  };
}
