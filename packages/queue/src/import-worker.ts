import { runImportJob, type ImporterDeps } from '@app/importer';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { createBullTransport } from './bull-transport';
import { defaultQueueName, ImportRunSchema, interruptChannelOf, type ImportRun } from './import-queue';
import { listenForInterrupts, runSignal } from './job-signals';

export type ImportWorkerOptions = {
  connection: string;
  queueName?: string;
  /** Import jobs this process runs at once (each still runs its accounts in parallel, `config.workers`). */
  concurrency: number;
  /** How long a run's lock lives without renewal; a crashed worker's job is re-delivered after about this. */
  lockDurationMs?: number;
  /** How often every worker looks for runs whose lock expired (crashed workers). */
  stalledIntervalMs?: number;
};

export type ImportWorker = {
  /** Resolves once the worker takes jobs and hears interrupts. */
  ready(): Promise<void>;
  /** Stops taking jobs, checkpoints the running ones (they stay queued and move to another worker) and waits. */
  close(): Promise<void>;
};

/**
 * A BullMQ worker running `runImportJob`, the embedded runner's task, on the scaled mode's queue. Runs are
 * idempotent and checkpointed, so every way BullMQ re-delivers one (a crash, a retry) resumes it.
 */
export function createImportWorker(deps: ImporterDeps, options: ImportWorkerOptions): ImportWorker {
  const queueName = options.queueName ?? defaultQueueName;
  const transport = createBullTransport({ connection: options.connection, queueName });
  /** The BullMQ run each running import is processed in, so an interrupt can cancel that run. */
  const runsByJob = new Map<string, string>();
  // Aborts every run, and every run that starts from now on (one fetched just as the worker began closing).
  const stopping = new AbortController();
  const interrupts = listenForInterrupts({
    connection: options.connection,
    channel: interruptChannelOf(queueName),
    logger: deps.logger,
    onInterrupt(jobId) {
      const runId = runsByJob.get(jobId);
      if (runId) worker.cancelJob(runId, 'interrupted');
    },
  });

  // Three parameters: BullMQ hands a processor that takes them its own cancellation signal for the run.
  async function processRun(
    run: Job<ImportRun>,
    _token: string | undefined,
    signal: AbortSignal | undefined,
  ) {
    const { jobId } = ImportRunSchema.parse(run.data);
    const runId = run.id ?? jobId;
    runsByJob.set(jobId, runId);
    const cancel = runSignal(signal ? [signal, stopping.signal] : [stopping.signal]);
    try {
      const status = await runImportJob(deps, jobId, { signal: cancel.signal });
      // A shutdown checkpointed the job and left it queued: hand it on. The run is still active, so BullMQ
      // creates the new run as this one completes, and this closing worker does not take it.
      if (status === 'queued') {
        await transport.enqueue(jobId);
        deps.logger.info({ jobId }, 'import job handed back to the queue');
      }
      return status;
    } catch (error) {
      if ((await deps.db.importJob.count({ where: { id: jobId } })) === 0) {
        throw new UnrecoverableError(`import job ${jobId} no longer exists`);
      }
      throw error;
    } finally {
      cancel.release();
      if (runsByJob.get(jobId) === runId) runsByJob.delete(jobId);
    }
  }

  const worker = new Worker<ImportRun>(queueName, processRun, {
    connection: { url: options.connection },
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    // Re-delivery is safe (runs resume from checkpoints), but a job that kills every worker must stop somewhere;
    // it then fails in BullMQ, stays running in the database and the next recoverQueuedJobs retries it.
    maxStalledCount: 3,
  });
  worker.on('error', (err) => deps.logger.error({ err: err.message }, 'import worker error'));
  worker.on('failed', (run, err) =>
    deps.logger.error(
      { jobId: run?.data.jobId, attemptsMade: run?.attemptsMade, err: err.message },
      'import run failed',
    ),
  );

  async function shutDown() {
    const closed = worker.close(); // stops fetching first, so no run starts after the aborts below
    stopping.abort(new Error('shutdown'));
    await closed;
    await Promise.all([interrupts.close(), transport.close()]);
  }
  let closing: Promise<void> | undefined;

  return {
    async ready() {
      await Promise.all([worker.waitUntilReady(), interrupts.ready]);
    },
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}
