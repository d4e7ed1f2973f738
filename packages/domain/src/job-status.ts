// The one list of job and account states, with what each means to a person and to the code: whether it can still
// change (live) or is over (final). Web, CLI and API read these instead of keeping their own lists.

export const jobStatuses = [
  'planned',
  'queued',
  'running',
  'paused',
  'deferred',
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const accountStatuses = [
  'pending',
  'syncing',
  'completed',
  'failed',
  'deferred',
  'cancelled',
] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** How a status is drawn: one tone per meaning, so a colour always says the same thing. */
export type StatusTone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

type Meaning = { label: string; tone: StatusTone; final: boolean };

const jobMeanings: Record<JobStatus, Meaning> = {
  planned: { label: 'Planned', tone: 'neutral', final: false },
  queued: { label: 'Queued', tone: 'info', final: false },
  running: { label: 'Running', tone: 'progress', final: false },
  paused: { label: 'Paused', tone: 'warning', final: false },
  deferred: { label: 'Waiting for the bank', tone: 'warning', final: false },
  completed: { label: 'Completed', tone: 'success', final: true },
  completed_with_errors: { label: 'Completed with errors', tone: 'warning', final: true },
  failed: { label: 'Failed', tone: 'danger', final: true },
  cancelled: { label: 'Cancelled', tone: 'neutral', final: true },
};

const accountMeanings: Record<AccountStatus, Meaning> = {
  pending: { label: 'Pending', tone: 'neutral', final: false },
  syncing: { label: 'Syncing', tone: 'progress', final: false },
  deferred: { label: 'Waiting for the bank', tone: 'warning', final: false },
  completed: { label: 'Completed', tone: 'success', final: true },
  failed: { label: 'Failed', tone: 'danger', final: true },
  cancelled: { label: 'Cancelled', tone: 'neutral', final: true },
};

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && (jobStatuses as readonly string[]).includes(value);
}

export function jobStatusLabel(status: JobStatus): string {
  return jobMeanings[status].label;
}

export function jobStatusTone(status: JobStatus): StatusTone {
  return jobMeanings[status].tone;
}

/** Over for good: nothing will change it again (a paused or deferred job is not final; it will go on). */
export function isFinalJobStatus(status: JobStatus): boolean {
  return jobMeanings[status].final;
}

/** Can still change: planned, queued, running, paused or waiting for the bank. */
export function isLiveJobStatus(status: JobStatus): boolean {
  return !jobMeanings[status].final;
}

export const finalJobStatuses = jobStatuses.filter((s) => jobMeanings[s].final);
export const liveJobStatuses = jobStatuses.filter((s) => !jobMeanings[s].final);

export function accountStatusLabel(status: AccountStatus): string {
  return accountMeanings[status].label;
}

export function accountStatusTone(status: AccountStatus): StatusTone {
  return accountMeanings[status].tone;
}

export function isFinalAccountStatus(status: AccountStatus): boolean {
  return accountMeanings[status].final;
}
