import type { Db } from '@app/db';
import type { JobTransport } from './control-job';
import { appendEvent } from './event-journal';
import type { Logger } from './logger';
import type { ProgressPort } from './progress-port';

type Deps = { db: Db; progress: ProgressPort; transport: JobTransport; logger: Logger; now: () => Date };

/**
 * Queues again every job deferred for the bank's call budget whose time has come; its deferred accounts run
 * from their checkpoints. Safe with several schedulers: a job is claimed by compare-and-swap on its time.
 */
export async function resumeDeferredJobs(deps: Deps): Promise<string[]> {
  const at = deps.now();
  const due = await deps.db.importJob.findMany({
    where: { status: 'deferred', deferredUntil: { lte: at } },
    select: { id: true, deferredUntil: true },
    orderBy: { deferredUntil: 'asc' },
  });
  const resumed: string[] = [];
  for (const job of due) {
    const event = await deps.db.$transaction(async (tx) => {
      const { count } = await tx.importJob.updateMany({
        where: { id: job.id, status: 'deferred', deferredUntil: job.deferredUntil },
        data: { status: 'queued', deferredUntil: null, queuedAt: at },
      });
      return count === 1 ? appendEvent(tx, { jobId: job.id, kind: 'job', now: at }) : null;
    });
    if (!event) continue; // another scheduler took it
    deps.progress.publish(event);
    await deps.transport.enqueue(job.id);
    resumed.push(job.id);
  }
  if (resumed.length > 0)
    deps.logger.info({ jobs: resumed.length }, 'deferred imports queued again: the bank budget has room');
  return resumed;
}

/** Accounts that already wait in a deferred job: a new background run leaves them to it instead of piling up. */
export async function accountsWaitingForBudget(db: Db, accountIds: string[]): Promise<Set<string>> {
  const rows = await db.importProgress.findMany({
    where: {
      accountId: { in: accountIds },
      status: 'deferred',
      job: { status: { in: ['planned', 'queued', 'running', 'paused', 'deferred'] } },
    },
    select: { accountId: true },
  });
  return new Set(rows.map((r) => r.accountId));
}
