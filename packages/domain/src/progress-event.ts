import { z } from 'zod';
import { accountStatuses, jobStatuses } from './job-status';

// The shape of one progress event as the importer writes it, the journal stores it and every subscriber reads it.
// Stored events are parsed with these schemas when read back, so an old or damaged row is an error, not a lie.

export const AccountKindSchema = z.enum(['account', 'card']);

export const AccountSnapshotSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  kind: AccountKindSchema,
  status: z.enum(accountStatuses),
  fetched: z.number().int(),
  synced: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
  errors: z.number().int(),
  windowsDone: z.number().int(),
  windowsTotal: z.number().int(),
  percent: z.number().int().min(0).max(100),
  errorCode: z.string().nullable(),
  lastError: z.string().nullable(),
  /** A `deferred` account runs again at this time (ISO), when the bank's call budget has room. */
  deferredUntil: z.string().nullable(),
});
export type AccountSnapshot = z.infer<typeof AccountSnapshotSchema>;

export const JobSnapshotSchema = z.object({
  jobId: z.string(),
  status: z.enum(jobStatuses),
  percent: z.number().int().min(0).max(100),
  accountsTotal: z.number().int(),
  accountsDone: z.number().int(),
  totals: z.object({
    fetched: z.number().int(),
    synced: z.number().int(),
    duplicates: z.number().int(),
    errors: z.number().int(),
  }),
  /** From the observed rate of windows done; null until there is a rate. */
  etaMs: z.number().nullable(),
  errorMessage: z.string().nullable(),
  /** A `deferred` job is queued again at this time (ISO). */
  deferredUntil: z.string().nullable(),
});
export type JobSnapshot = z.infer<typeof JobSnapshotSchema>;

/**
 * One state change of a job. `seq` is the job's monotonic event number (stored with the event), so a subscriber
 * resumes after a reconnect, a restart or on another replica from its last seq without gaps.
 * Every event carries the whole job snapshot, so any single event is enough to draw the page.
 */
export const ProgressEventSchema = z.object({
  jobId: z.string(),
  seq: z.number().int().positive(),
  at: z.string(),
  kind: z.enum(['job', 'account', 'finished']),
  job: JobSnapshotSchema,
  account: AccountSnapshotSchema.nullable(),
});
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;
