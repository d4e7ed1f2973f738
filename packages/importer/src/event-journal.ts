import { ProgressEventSchema } from '@app/domain';
import type { Db, DbTx } from '@app/db';
import { progressWithAccount, snapshotAccount, snapshotJob } from './job-snapshot';
import type { ProgressEvent } from './progress-event';

/**
 * Appends the next event of a job inside the caller's transaction, so an event exists exactly when the state it
 * describes was committed. The per-job seq comes from an atomic increment on the job row.
 */
export async function appendEvent(
  tx: DbTx,
  input: { jobId: string; kind: ProgressEvent['kind']; accountId?: string | null; now: Date },
): Promise<ProgressEvent> {
  const job = await tx.importJob.update({
    where: { id: input.jobId },
    data: { lastEventSeq: { increment: 1 } },
    include: { progress: { ...progressWithAccount, orderBy: { id: 'asc' } } },
  });
  const accountRow = input.accountId
    ? job.progress.find((row) => row.accountId === input.accountId)
    : undefined;
  const event: ProgressEvent = {
    jobId: job.id,
    seq: job.lastEventSeq,
    at: input.now.toISOString(),
    kind: input.kind,
    job: snapshotJob(job, job.progress, input.now),
    account: accountRow ? snapshotAccount(accountRow) : null,
  };
  await tx.importEvent.create({ data: { jobId: job.id, seq: event.seq, kind: event.kind, payload: event } });
  return event;
}

/** The committed events after `afterSeq`, in order (the backlog a resuming subscriber missed). */
export async function listEventsSince(db: Db, jobId: string, afterSeq: number): Promise<ProgressEvent[]> {
  const rows = await db.importEvent.findMany({
    where: { jobId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    select: { payload: true },
  });
  // Parsed, not cast: a stored event that no longer has the shape subscribers draw is an error here, not a wrong page.
  return rows.map((row) => ProgressEventSchema.parse(row.payload));
}
