import type { JobStatus } from '@app/db';
import pLimit from 'p-limit';
import { runImportJob, type ImporterDeps } from './run-import-job';

export type JobRunner = {
  /** Runs the job in the background (no-op if it is already running here). */
  enqueue(jobId: string): void;
  /** Asks a running job to stop at the next batch boundary (the DB flag says whether to pause or cancel). */
  interrupt(jobId: string): void;
  /** Picks up every job a previous process left queued or running (they resume from their checkpoints). */
  recover(): Promise<number>;
  /** Resolves when every job enqueued so far has stopped. */
  idle(): Promise<void>;
  /** Stops taking work, checkpoints running jobs (they stay queued) and waits for them. */
  close(): Promise<void>;
};

/**
 * The embedded mode's runner: jobs run in this process, durably backed by the job table (a restart recovers
 * them). The scaled mode replaces it with BullMQ workers calling the same `runImportJob`.
 */
export function createJobRunner(
  deps: ImporterDeps,
  hooks: { onFinished?(jobId: string, status: JobStatus): void } = {},
): JobRunner {
  const limit = pLimit(deps.config.jobConcurrency);
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  // A resume that arrives while the paused run is still unwinding runs the job again once that run ends.
  const runAgain = new Set<string>();
  let closed = false;

  function enqueue(jobId: string) {
    if (closed) return;
    if (running.has(jobId)) {
      runAgain.add(jobId);
      return;
    }
    const controller = new AbortController();
    const done = limit(async () => {
      if (controller.signal.aborted) return;
      try {
        const status = await runImportJob(deps, jobId, { signal: controller.signal });
        hooks.onFinished?.(jobId, status);
      } catch (error) {
        // The job's state is durable: it stays running/queued and resumes on the next recover().
        deps.logger.error({ jobId, err: error }, 'import job crashed; it will resume from its checkpoints');
      } finally {
        running.delete(jobId);
        if (runAgain.delete(jobId)) enqueue(jobId);
      }
    });
    running.set(jobId, { controller, done });
  }

  return {
    enqueue,
    interrupt(jobId) {
      running.get(jobId)?.controller.abort(new Error('interrupted'));
    },
    async recover() {
      const jobs = await deps.db.importJob.findMany({
        where: { status: { in: ['queued', 'running'] } },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      });
      for (const job of jobs) enqueue(job.id);
      return jobs.length;
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()].map((r) => r.done));
    },
    async close() {
      closed = true;
      for (const { controller } of running.values()) controller.abort(new Error('shutdown'));
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
