import { applyMigrations, createDb } from '@app/db';
import { createImportWorker, createRedisProgressPort, createRedisRequestLimiter } from '@app/queue';
import { createBankClient } from '../bank-client';
import { createServices } from '../create-services';
import type { ScaledConfig, ServerConfig } from '../server-config';
import { redisNamesOf } from './redis-names';

export type RunningWorker = {
  /** Graceful: running jobs are checkpointed and handed back to the queue for another worker, then closed. */
  close(): Promise<void>;
};

/**
 * One scaled-mode worker process: BullMQ runs of import jobs, `config.importer.jobConcurrency` at a time, through
 * the embedded runner's engine (`runImportJob`). Progress is published on Redis for the API replicas, and bank
 * requests per connection are capped across all workers.
 */
export async function startWorker(config: ServerConfig & { scaled: ScaledConfig }): Promise<RunningWorker> {
  const { logger, scaled } = config;
  // Safe beside the API replicas doing the same: migrations take PostgreSQL's advisory lock.
  await applyMigrations(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  const names = redisNamesOf(scaled.queueName);
  // Workers make no OAuth redirects; the client only needs some redirect URI to be valid.
  const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const bank = createBankClient(config, publicUrl.replace(/\/+$/, ''), null);
  const { importerDeps } = createServices({ config, db, bank, logger });
  const progress = createRedisProgressPort({
    connection: scaled.redisUrl,
    channelPrefix: names.progressChannelPrefix,
    logger,
  });
  const requestLimiter = createRedisRequestLimiter({
    connection: scaled.redisUrl,
    keyPrefix: names.requestLimitPrefix,
    maxInFlight: importerDeps.config.maxRequestsPerConnection,
    // what a crashed worker held, its jobs and its request slots alike, frees up after the same time
    leaseMs: scaled.lockDurationMs,
    logger,
  });
  const worker = createImportWorker(
    { ...importerDeps, progress, requestLimiter },
    {
      connection: scaled.redisUrl,
      queueName: scaled.queueName,
      concurrency: importerDeps.config.jobConcurrency,
      lockDurationMs: scaled.lockDurationMs,
      stalledIntervalMs: scaled.lockDurationMs / 2,
    },
  );
  await worker.ready();
  logger.info({ queue: scaled.queueName, concurrency: importerDeps.config.jobConcurrency }, 'import worker ready');

  let closing: Promise<void> | null = null;
  async function shutdown() {
    await worker.close();
    await Promise.all([progress.close(), requestLimiter.close()]);
    await db.$disconnect();
    logger.info('import worker stopped');
  }
  return { close: () => (closing ??= shutdown()) };
}
