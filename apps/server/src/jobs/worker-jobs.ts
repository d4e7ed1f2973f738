import { createImportWorker, createRedisProgressPort, createRedisRequestLimiter } from '@app/queue';
import type { EngineDeps } from '../engine-deps';
import type { AppLogger } from '../logger';
import { redisNamesOf } from '../scaled/redis-names';
import type { ScaledConfig } from '../server-config';

/**
 * A worker process's side of the scaled mode: BullMQ runs of import jobs through the same engine, progress
 * published on Redis for the API replicas, and bank requests per connection capped across all workers.
 */
export function createWorkerJobs(engine: EngineDeps, scaled: ScaledConfig, logger: AppLogger) {
  const names = redisNamesOf(scaled.queueName);
  const progress = createRedisProgressPort({
    connection: scaled.redisUrl,
    channelPrefix: names.progressChannelPrefix,
    logger,
  });
  const requestLimiter = createRedisRequestLimiter({
    connection: scaled.redisUrl,
    keyPrefix: names.requestLimitPrefix,
    maxInFlight: engine.config.maxRequestsPerConnection,
    // what a crashed worker held, its jobs and its request slots alike, frees up after the same time
    leaseMs: scaled.lockDurationMs,
    logger,
  });
  const worker = createImportWorker(
    { ...engine, progress, requestLimiter },
    {
      connection: scaled.redisUrl,
      queueName: scaled.queueName,
      concurrency: engine.config.jobConcurrency,
      lockDurationMs: scaled.lockDurationMs,
      stalledIntervalMs: scaled.lockDurationMs / 2,
    },
  );
  return {
    ready: () => worker.ready(),
    /** Running jobs are checkpointed and handed back to the queue, then the Redis connections close. */
    async close() {
      await worker.close();
      await Promise.all([progress.close(), requestLimiter.close()]);
    },
  };
}
