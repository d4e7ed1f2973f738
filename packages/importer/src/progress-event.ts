import type { AccountKind, AccountProgressStatus, JobStatus } from '@app/db';

export type AccountSnapshot = {
  accountId: string;
  displayName: string;
  kind: AccountKind;
  status: AccountProgressStatus;
  fetched: number;
  synced: number;
  updated: number;
  duplicates: number;
  errors: number;
  windowsDone: number;
  windowsTotal: number;
  percent: number;
  errorCode: string | null;
  lastError: string | null;
  /** A `deferred` account runs again at this time (ISO), when the bank's call budget has room. */
  deferredUntil: string | null;
};

export type JobSnapshot = {
  jobId: string;
  status: JobStatus;
  percent: number;
  accountsTotal: number;
  accountsDone: number;
  totals: { fetched: number; synced: number; duplicates: number; errors: number };
  /** From the observed rate of windows done; null until there is a rate. */
  etaMs: number | null;
  errorMessage: string | null;
  /** A `deferred` job is queued again at this time (ISO). */
  deferredUntil: string | null;
};

/**
 * One state change of a job. `seq` is the job's monotonic event number (stored with the event), so a subscriber
 * resumes after a reconnect, a restart or on another replica from its last seq without gaps.
 * Every event carries the whole job snapshot, so any single event is enough to draw the page.
 */
export type ProgressEvent = {
  jobId: string;
  seq: number;
  at: string;
  kind: 'job' | 'account' | 'finished';
  job: JobSnapshot;
  account: AccountSnapshot | null;
};

export const terminalStatuses = [
  'completed',
  'completed_with_errors',
  'failed',
  'cancelled',
] as const satisfies JobStatus[];

export function isTerminal(status: JobStatus): boolean {
  return (terminalStatuses as readonly JobStatus[]).includes(status);
}
