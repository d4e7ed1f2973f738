import type { Db, JobStatus } from '@app/db';
import { JobNotFoundError, JobStateError } from './errors';
import { appendEvent } from './event-journal';
import type { ProgressPort } from './progress-port';

export type JobTransport = {
  enqueue(jobId: string): void | Promise<void>;
  interrupt(jobId: string): void | Promise<void>;
};
type ControlDeps = { db: Db; progress: ProgressPort; transport: JobTransport; now: () => Date };

async function requireJob(db: Db, userId: string, jobId: string) {
  const job = await db.importJob.findFirst({ where: { id: jobId, userId } });
  if (!job) throw new JobNotFoundError(jobId); // another user's job is "not found", never "forbidden"
  return job;
}

async function setStatus(
  deps: ControlDeps,
  jobId: string,
  data: { status?: JobStatus; requestedAction?: string | null; queuedAt?: Date; finishedAt?: Date },
) {
  const event = await deps.db.$transaction(async (tx) => {
    await tx.importJob.update({ where: { id: jobId }, data });
    const terminal = data.status === 'cancelled';
    return appendEvent(tx, { jobId, kind: terminal ? 'finished' : 'job', now: deps.now() });
  });
  deps.progress.publish(event);
}

/** planned -> queued, and hands the job to the transport (in-process runner or BullMQ). Returns at once. */
export async function startImport(deps: ControlDeps, userId: string, jobId: string) {
  const job = await requireJob(deps.db, userId, jobId);
  if (job.status !== 'planned')
    throw new JobStateError(`This import is ${job.status}; only a planned import can be started.`);
  await setStatus(deps, jobId, { status: 'queued', queuedAt: deps.now() });
  await deps.transport.enqueue(jobId);
}

export async function pauseImport(deps: ControlDeps, userId: string, jobId: string) {
  const job = await requireJob(deps.db, userId, jobId);
  if (job.status === 'queued' || job.status === 'deferred')
    return setStatus(deps, jobId, { status: 'paused' });
  if (job.status !== 'running')
    throw new JobStateError(
      `This import is ${job.status}; only a queued, waiting or running import can be paused.`,
    );
  await deps.db.importJob.update({ where: { id: jobId }, data: { requestedAction: 'pause' } });
  await deps.transport.interrupt(jobId);
}

export async function resumeImport(deps: ControlDeps, userId: string, jobId: string) {
  const job = await requireJob(deps.db, userId, jobId);
  if (job.status !== 'paused')
    throw new JobStateError(`This import is ${job.status}; only a paused import can be resumed.`);
  await setStatus(deps, jobId, { status: 'queued', requestedAction: null, queuedAt: deps.now() });
  await deps.transport.enqueue(jobId);
}

/** Cancels within one batch: a running job stops at its next checkpoint; others stop at once. */
export async function cancelImport(deps: ControlDeps, userId: string, jobId: string) {
  const job = await requireJob(deps.db, userId, jobId);
  if (job.status === 'running') {
    await deps.db.importJob.update({ where: { id: jobId }, data: { requestedAction: 'cancel' } });
    await deps.transport.interrupt(jobId);
    return;
  }
  if (
    job.status !== 'planned' &&
    job.status !== 'queued' &&
    job.status !== 'paused' &&
    job.status !== 'deferred'
  ) {
    throw new JobStateError(`This import is already ${job.status}.`);
  }
  await deps.db.importProgress.updateMany({
    where: { jobId, status: { in: ['pending', 'syncing', 'deferred'] } },
    data: { status: 'cancelled' },
  });
  await setStatus(deps, jobId, { status: 'cancelled', finishedAt: deps.now() });
}

/** Deletes a job that is not running (its transactions stay: they are the user's data, not the job's). */
export async function deleteImport(deps: Pick<ControlDeps, 'db'>, userId: string, jobId: string) {
  const job = await requireJob(deps.db, userId, jobId);
  if (job.status === 'running' || job.status === 'queued')
    throw new JobStateError('Cancel or pause this import before deleting it.');
  await deps.db.importJob.delete({ where: { id: jobId } });
}
