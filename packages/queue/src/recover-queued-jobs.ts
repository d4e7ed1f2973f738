import type { Db } from '@app/db';
import type { BullTransport } from './bull-transport';

/**
 * Enqueues every import the database says is queued or running but BullMQ holds no run of (Redis was flushed or
 * restarted without persistence, a run failed for good). Run at API and worker start; returns how many.
 */
export async function recoverQueuedJobs(
  db: Db,
  transport: Pick<BullTransport, 'enqueue' | 'isScheduled'>,
): Promise<number> {
  const jobs = await db.importJob.findMany({
    where: { status: { in: ['queued', 'running'] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  let recovered = 0;
  for (const job of jobs) {
    // A run being processed must not get a second one queued behind it.
    if (await transport.isScheduled(job.id)) continue;
    await transport.enqueue(job.id);
    recovered += 1;
  }
  return recovered;
}
