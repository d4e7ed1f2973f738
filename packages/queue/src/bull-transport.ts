import type { JobTransport } from '@app/importer';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { defaultQueueName, interruptChannelOf, runIdFor, type ImportRun } from './import-queue';

export type BullTransport = JobTransport & {
  /** Whether BullMQ holds a run of this import that is waiting, delayed or being processed. */
  isScheduled(jobId: string): Promise<boolean>;
  close(): Promise<void>;
};

export type BullTransportOptions = { connection: string; queueName?: string };

const liveStates = new Set(['waiting', 'prioritized', 'delayed', 'active', 'waiting-children']);

/**
 * The scaled mode's `JobTransport`: `enqueue` adds a run of the job to BullMQ (deduplicated by the import's id),
 * `interrupt` tells the worker running it to abort at once. The database flag set by control-job says whether
 * that is a pause or a cancel.
 */
export function createBullTransport(options: BullTransportOptions): BullTransport {
  const queueName = options.queueName ?? defaultQueueName;
  const queue = new Queue<ImportRun>(queueName, { connection: { url: options.connection } });
  let publisher: Redis | undefined;

  return {
    async enqueue(jobId) {
      await queue.add(
        'import',
        { jobId },
        {
          jobId: runIdFor(jobId),
          // While a run waits, enqueuing again is a no-op. While a run is active (a resume right after a pause, a
          // shutdown handing the job over), BullMQ keeps one next run and creates it when the active one finishes.
          deduplication: { id: jobId, keepLastIfActive: true },
          // A thrown run (database or Redis unreachable) is retried; the job resumes from its checkpoints.
          attempts: 5,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: true,
          // Failed runs stay a week for inspection; they never block a new run (the dedup key is freed on failure).
          removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
        },
      );
    },
    async interrupt(jobId) {
      publisher ??= new Redis(options.connection);
      await publisher.publish(interruptChannelOf(queueName), jobId);
    },
    async isScheduled(jobId) {
      const runId = await queue.getDeduplicationJobId(jobId);
      if (!runId) return false;
      return liveStates.has(await queue.getJobState(runId));
    },
    async close() {
      await Promise.all([queue.close(), publisher?.quit()]);
    },
  };
}
