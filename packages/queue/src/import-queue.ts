import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** The BullMQ queue import jobs travel on, unless a deployment (or a test file) names its own. */
export const defaultQueueName = 'imports';

/** What a BullMQ job carries: only the import job's id; everything else is in the database. */
export const ImportRunSchema = z.object({ jobId: z.string().min(1) });
export type ImportRun = z.infer<typeof ImportRunSchema>;

/** The pub/sub channel on which pause and cancel requests reach the worker running a job. */
export function interruptChannelOf(queueName: string): string {
  return `import-interrupt:${queueName}`;
}

/**
 * Each run of an import job gets its own BullMQ id (the import's id is the deduplication id): a finished run can
 * then never shadow the next one, and BullMQ may create the next run while the current one is still finishing.
 * BullMQ refuses ids with ':' and all-digit ids; a cuid plus '.' and a uuid is neither.
 */
export function runIdFor(jobId: string): string {
  return `${jobId}.${randomUUID()}`;
}
