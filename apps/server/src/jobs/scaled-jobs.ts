import { createBullTransport, createRedisProgressPort, recoverQueuedJobs } from '@app/queue';
import type { EngineDeps } from '../engine-deps';
import type { AppLogger } from '../logger';
import { redisNamesOf } from '../scaled/redis-names';
import type { ScaledConfig } from '../server-config';
import type { JobInfrastructure } from './job-infrastructure';

/**
 * An API replica's side of the scaled mode: started jobs go on BullMQ for the `pnpm worker` processes, pause and
 * cancel reach whichever worker runs them, and progress arrives over Redis pub/sub from it. Start-up recovery and
 * the schedules still run here, safely on every replica (BullMQ deduplicates a job's runs, schedules are claimed
 * by compare-and-swap).
 */
export function createScaledJobs(
  engine: EngineDeps,
  scaled: ScaledConfig,
  logger: AppLogger,
): JobInfrastructure {
  const transport = createBullTransport({ connection: scaled.redisUrl, queueName: scaled.queueName });
  const progress = createRedisProgressPort({
    connection: scaled.redisUrl,
    channelPrefix: redisNamesOf(scaled.queueName).progressChannelPrefix,
    logger,
  });
  return {
    mode: 'scaled',
    transport,
    progress,
    importerDeps: { ...engine, progress },
    recover: () => recoverQueuedJobs(engine.db, transport),
    close: () => transport.close(),
    closeProgress: () => progress.close(),
  };
}
