import type { JobStatus } from '@app/db';
import type { CallRecord } from '@app/truelayer';
import type { AccountOutcome } from './account-outcome';

/**
 * What an import run does, reported as it happens so the app can keep metrics (the importer never imports a
 * metrics library). Every report follows a commit or a bank response, so counts match the stored counters.
 */
export type ImportObserver = {
  /** One HTTP attempt to the bank's Data API (retries are separate calls with `attempt` > 1). */
  bankCall(call: CallRecord): void;
  /** A committed batch: counted items only (a resumed batch does not count again what a crash left counted). */
  batchIngested(batch: {
    jobId: string;
    accountId: string;
    fetched: number;
    synced: number;
    duplicates: number;
  }): void;
  /** One account's part of one run, whatever ended it (a stop is an outcome too). */
  accountSynced(sync: {
    jobId: string;
    accountId: string;
    outcome: AccountOutcome;
    durationMs: number;
  }): void;
  /** A run's end, with the job's status afterwards (`queued` after a shutdown, `paused`, or a final one). */
  runEnded(run: { jobId: string; status: JobStatus }): void;
};
