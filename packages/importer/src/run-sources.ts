import type { Db } from '@app/db';
import type { TrueLayerDataClient } from '@app/truelayer';
import { archiveHasPending, createArchiveClient } from './archive-client';
import { createBudgetGate, type BudgetGate } from './budget-gate';
import type { ImporterConfig } from './config';

type RunSources = {
  connection: { id: string; providerName: string };
  /** A replay's data comes from the archive of the job it replays, pending lists included when it had them. */
  replay: { data: TrueLayerDataClient; includePending: boolean } | null;
  budget: BudgetGate | null;
  archive: boolean;
};

/** Where a run's data comes from and what limits it: the bank within its budget, or a job's raw archive. */
export async function prepareRunSources(
  deps: { db: Db; config: ImporterConfig; now: () => Date },
  job: { connectionId: string; psuIp: string | null; replayOfJobId: string | null },
): Promise<RunSources> {
  const { db } = deps;
  const connection = await db.bankConnection.findUniqueOrThrow({
    where: { id: job.connectionId },
    select: { id: true, providerName: true },
  });
  if (job.replayOfJobId) {
    const data = createArchiveClient(db, { sourceJobId: job.replayOfJobId, connectionId: job.connectionId });
    return {
      connection,
      replay: { data, includePending: await archiveHasPending(db, job.replayOfJobId) },
      budget: null,
      archive: false,
    };
  }
  // With the user present the calls are attended and the bank does not count them.
  const budget = job.psuIp ? null : await createBudgetGate(deps, job.connectionId);
  return { connection, replay: null, budget, archive: true };
}

/** Whether a run takes this account now: unfinished, and not deferred to a later time. */
export function isDueForRun(row: { status: string; deferredUntil: Date | null }, now: Date): boolean {
  if (row.status === 'deferred') return row.deferredUntil === null || row.deferredUntil <= now;
  return row.status === 'pending' || row.status === 'syncing';
}

/** The earliest time a deferred account of the job may run. */
export function earliestDeferral(rows: { status: string; deferredUntil: Date | null }[]): Date | null {
  const times = rows
    .filter((r) => r.status === 'deferred' && r.deferredUntil)
    .map((r) => r.deferredUntil?.getTime() ?? 0);
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
