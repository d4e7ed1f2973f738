import { isFinalJobStatus, type JobStatus } from '@app/domain';
import type { JobSummary } from './api-types';

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
    // A plan never ran: it is discarded, not cancelled, and nothing of it stays in history.
    cancel: status !== 'planned' && !isFinalJobStatus(status),
    discard: status === 'planned',
    remove: status !== 'running' && status !== 'queued' && status !== 'planned',
  };
}
