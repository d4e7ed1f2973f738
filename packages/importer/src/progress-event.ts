import type { AccountProgressStatus as DbAccountStatus, JobStatus as DbJobStatus } from '@app/db';
import { finalJobStatuses, isFinalJobStatus, type AccountStatus, type JobStatus } from '@app/domain';

// The event shapes and the status meanings live in @app/domain (browser-safe, shared with web and CLI); these
// checks keep its status lists equal to the database's enums, so a new state cannot be added to one side only.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const jobStatusesMatch: Same<JobStatus, DbJobStatus> = true;
const accountStatusesMatch: Same<AccountStatus, DbAccountStatus> = true;
void jobStatusesMatch;
void accountStatusesMatch;

export type { AccountSnapshot, JobSnapshot, ProgressEvent } from '@app/domain';

export const terminalStatuses = finalJobStatuses;

/** The job is over: completed (with or without errors), failed or cancelled. */
export function isTerminal(status: JobStatus): boolean {
  return isFinalJobStatus(status);
}
