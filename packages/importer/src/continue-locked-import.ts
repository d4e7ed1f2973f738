import type { Db } from '@app/db';
import type { ImporterConfig } from './config';
import type { JobTransport } from './control-job';
import { ConsentExpiredError, JobNotFoundError, JobStateError } from './errors';
import { appendEvent } from './event-journal';
import { isConsentFresh } from './locked-history';
import type { ProgressPort } from './progress-port';

type ContinueDeps = {
  db: Db;
  progress: ProgressPort;
  transport: JobTransport;
  config: ImporterConfig;
  now: () => Date;
};

/**
 * After the person reconnected the bank: the same job fetches exactly its locked dates, each account from its
 * first window of that range again, its counters and receipt carried on (dedup makes a day fetched twice count
 * as a duplicate, never a second row). Refused while the consent is too old for the bank to serve them.
 */
export async function continueLockedImport(deps: ContinueDeps, userId: string, jobId: string) {
  const { db, now } = deps;
  const job = await db.importJob.findFirst({
    where: { id: jobId, userId },
    include: { connection: { select: { status: true, consentGrantedAt: true, providerName: true } } },
  });
  if (!job) throw new JobNotFoundError(jobId);
  if (job.lockedFromDate === null || job.status !== 'completed_with_errors')
    throw new JobStateError(`This import is ${job.status} and has no locked dates to continue with.`);
  const { connection } = job;
  if (connection.status !== 'active' || !isConsentFresh(deps.config, connection.consentGrantedAt, now())) {
    throw new ConsentExpiredError(
      `Reconnect ${connection.providerName} first: it serves history older than ${deps.config.scaMaxDays} days only in the first ${deps.config.scaGraceMinutes} minutes after you consent.`,
    );
  }
  const event = await db.$transaction(async (tx) => {
    await tx.importProgress.updateMany({
      where: { jobId },
      data: {
        status: 'pending',
        windowsDone: 0,
        itemsDoneInWindow: 0,
        deferredUntil: null,
        errorCode: null,
        lastError: null,
        finishedAt: null,
      },
    });
    await tx.importJob.update({
      where: { id: jobId },
      data: {
        status: 'queued',
        continuingLocked: true,
        queuedAt: now(),
        finishedAt: null,
        errorMessage: null,
        requestedAction: null,
      },
    });
    return appendEvent(tx, { jobId, kind: 'job', now: now() });
  });
  deps.progress.publish(event);
  await deps.transport.enqueue(jobId);
}
