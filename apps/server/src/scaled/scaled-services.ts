import { createBullTransport, createRedisProgressPort, recoverQueuedJobs } from '@app/queue';
import type { createServices } from '../create-services';
import type { AppLogger } from '../logger';
import type { ScaledConfig } from '../server-config';
import { redisNamesOf } from './redis-names';

/**
 * An API replica's side of the scaled mode: started jobs go on BullMQ for the `pnpm worker` processes, pause and
 * cancel reach whichever worker runs them, and progress arrives over Redis pub/sub from it. The replica's
 * "runner" only enqueues; start-up recovery and the schedules still run here, safely on every replica (BullMQ
 * deduplicates a job's runs, schedules are claimed by compare-and-swap).
 */
export function toScaledServices(
  embedded: ReturnType<typeof createServices>,
  scaled: ScaledConfig,
  logger: AppLogger,
) {
  const transport = createBullTransport({ connection: scaled.redisUrl, queueName: scaled.queueName });
  const progress = createRedisProgressPort({
    connection: scaled.redisUrl,
    channelPrefix: redisNamesOf(scaled.queueName).progressChannelPrefix,
    logger,
  });
  return {
    importerDeps: { ...embedded.importerDeps, progress },
    services: { ...embedded.services, progress, transport },
    runner: {
      enqueue: (jobId: string) => transport.enqueue(jobId),
      interrupt: (jobId: string) => transport.interrupt(jobId),
      recover: () => recoverQueuedJobs(embedded.importerDeps.db, transport),
      close: () => transport.close(),
    },
    /** Closed after the WebSockets: their subscriptions unsubscribe as they end. */
    progress,
  };
}
