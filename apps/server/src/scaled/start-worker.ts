import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyMigrations, createDb } from '@app/db';
import { importerConfigSchema } from '@app/importer';
import { createImportWorker, createRedisProgressPort, createRedisRequestLimiter } from '@app/queue';
import { createBankClient } from '../bank-client';
import { createServices } from '../create-services';
import { createOps } from '../ops/create-ops';
import type { ScaledConfig, ServerConfig } from '../server-config';
import { redisNamesOf } from './redis-names';

export type RunningWorker = {
  /** The port of /healthz, /readyz and /metrics, when `scaled.workerOpsPort` is set. */
  opsPort: number | null;
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
  // The API's ops, so the imports run here are counted where they run; /metrics sits on the ops port's routes.
  const ops = createOps({
    db,
    databaseUrl: config.databaseUrl,
    logger,
    now: () => new Date(),
    config: { metrics: { port: null } },
    importer: importerConfigSchema.parse(config.importer),
    scaled: { redisUrl: scaled.redisUrl, queueName: scaled.queueName },
  });
  const { importerDeps } = createServices({ config, db, bank, logger, metrics: ops.metrics });
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
  const opsServer =
    scaled.workerOpsPort === undefined ? null : await listenOps(ops, scaled.workerOpsPort, config.host);
  const opsPort = opsServer ? (opsServer.address() as AddressInfo).port : null;
  if (opsPort !== null) logger.info({ port: opsPort }, 'worker ops served (/healthz, /readyz, /metrics)');
  logger.info(
    { queue: scaled.queueName, concurrency: importerDeps.config.jobConcurrency },
    'import worker ready',
  );

  let closing: Promise<void> | null = null;
  async function shutdown() {
    ops.readiness.drain();
    await worker.close();
    await Promise.all([progress.close(), requestLimiter.close()]);
    // after the worker: /metrics stays up while running jobs are handed back, so the last scrapes see the end
    if (opsServer) {
      const stopped = new Promise<void>((resolve) => opsServer.close(() => resolve()));
      opsServer.closeAllConnections();
      await stopped;
    }
    await ops.close();
    await db.$disconnect();
    logger.info('import worker stopped');
  }
  return { opsPort, close: () => (closing ??= shutdown()) };
}

/** A worker has no HTTP server of its own: its ops routes get one, and anything else is a 404. */
async function listenOps(ops: ReturnType<typeof createOps>, port: number, host: string) {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    void ops.routes(path, req, res).then((answered) => {
      if (!answered) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
