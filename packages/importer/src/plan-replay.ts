import type { Db } from '@app/db';
import { ArchiveMissingError, JobNotFoundError, JobStateError } from './errors';
import { isTerminal } from './progress-event';

/**
 * Plans a replay of a finished job: dedup (and enrichment, when the job had it) run again over the bank's
 * responses the job kept, for the accounts it fetched, with zero bank calls. The replay is a job of its own.
 */
export async function planReplay(db: Db, input: { userId: string; jobId: string }) {
  const source = await db.importJob.findFirst({ where: { id: input.jobId, userId: input.userId } });
  if (!source) throw new JobNotFoundError(input.jobId);
  if (!isTerminal(source.status))
    throw new JobStateError(`This import is ${source.status}: replay it once it has finished.`);
  // A replay keeps no archive of its own: replaying it replays the original.
  const archiveJobId = source.replayOfJobId ?? source.id;
  const archived = await db.rawResponse.findMany({
    where: { jobId: archiveJobId },
    distinct: ['accountId'],
    select: { accountId: true },
  });
  if (archived.length === 0) {
    throw new ArchiveMissingError(
      'The bank’s responses to this import are no longer kept (or it fetched nothing): run a new import instead.',
    );
  }
  const progress = await db.importProgress.findMany({
    where: { jobId: source.id, accountId: { in: archived.map((a) => a.accountId) } },
    orderBy: { id: 'asc' },
  });
  const fetched = progress.reduce((sum, p) => sum + p.fetched, 0);
  return db.importJob.create({
    data: {
      userId: source.userId,
      connectionId: source.connectionId,
      jobType: 'replay',
      replayOfJobId: archiveJobId,
      status: 'planned',
      fromDate: source.fromDate,
      toDate: source.toDate,
      autoEnrich: source.autoEnrich,
      batchSize: source.batchSize,
      estimatedAccounts: progress.length,
      estimatedTransactions: fetched,
      estimatedCostMicros: source.estimatedCostMicros,
      estimate: {
        basis: `A replay of import ${source.id}: the ${fetched} transactions it fetched, read from its archive with no bank calls.`,
        costBasis: source.autoEnrich
          ? 'Enrichment runs again for transactions not yet enriched.'
          : 'No enrichment.',
        accounts: progress.map((p) => ({
          accountId: p.accountId,
          transactions: p.fetched,
          perDay: 0,
          basis: 'history',
          calls: 0,
        })),
        warnings: [],
      },
      progress: {
        create: progress.map((p) => ({ accountId: p.accountId, estimatedTransactions: p.fetched })),
      },
    },
  });
}
