import type { Db } from '@app/db';
import type { ImporterConfig } from '@app/importer';
import type { AppLogger } from '../logger';
import { databaseMigrated, databaseReachable } from './database-checks';
import { createMetrics, type QueueCounts } from './metrics';
import { listenMetrics } from './metrics-server';
import { createOpsRoutes } from './ops-routes';
import { redisReachable, workerHeartbeat, type QueueProbe } from './queue-checks';
import { openQueueProbe } from './queue-probe';
import { createReadiness } from './readiness';

export type OpsConfig = {
  /** Null: no /metrics. `port` null: /metrics on the main port; a number: on that port alone. */
  metrics: { port: number | null } | null;
};

export const defaultOpsConfig: OpsConfig = { metrics: null };

export type Ops = ReturnType<typeof createOps>;

/** Health, readiness and metrics of one process (the API server or a worker). */
export function createOps(deps: {
  db: Db;
  databaseUrl: string;
  logger: AppLogger;
  now: () => Date;
  config: OpsConfig;
  importer: ImporterConfig;
  /** The scaled mode's queue: its depth is reported, and /readyz needs Redis and a live worker. */
  scaled?: { redisUrl: string; queueName: string };
}) {
  const { config, logger } = deps;
  const metrics = createMetrics({
    db: deps.db,
    logger,
    now: deps.now,
    importer: deps.importer,
    processMetrics: config.metrics !== null,
  });
  const readiness = createReadiness(logger, [
    databaseReachable(deps.db),
    databaseMigrated(deps.db, deps.databaseUrl),
  ]);
  const routes = createOpsRoutes({
    readiness,
    metrics: config.metrics?.port === null ? metrics.registry : null,
    logger,
  });
  let metricsServer: Awaited<ReturnType<typeof listenMetrics>> | null = null;
  const watchQueue = (queue: QueueCounts & QueueProbe) => {
    metrics.watchQueue(queue);
    readiness.addCheck(redisReachable(queue));
    readiness.addCheck(workerHeartbeat(queue));
  };
  const probe = deps.scaled ? openQueueProbe({ ...deps.scaled, logger }) : null;
  if (probe) watchQueue(probe);

  return {
    metrics,
    readiness,
    routes,
    /** For a process that already holds the queue (instead of `scaled`). */
    watchQueue,
    /** Starts the metrics port when one is configured; returns it (0 in the config picks a free one). */
    async listen(host: string): Promise<number | null> {
      const port = config.metrics?.port;
      if (port === undefined || port === null) return null;
      metricsServer = await listenMetrics(metrics.registry, { port, host, logger });
      logger.info({ port: metricsServer.port }, 'metrics served on their own port');
      return metricsServer.port;
    },
    /** After shutdown: /metrics stays up while the process drains, so the last scrapes see the end. */
    async close() {
      readiness.drain();
      await Promise.all([metricsServer?.close(), probe?.close()]);
    },
  };
}
