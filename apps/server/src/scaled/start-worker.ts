import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyMigrations, createDb } from '@app/db';
import { createBankClient } from '../bank-client';
import { createEngineDeps } from '../engine-deps';
import { createWorkerJobs } from '../jobs/worker-jobs';
import type { AppLogger } from '../logger';
import { createOps } from '../ops/create-ops';
import { resolveConfig, type ScaledConfig, type ServerConfig } from '../server-config';

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
export async function startWorker(
  input: ServerConfig & { scaled: ScaledConfig },
  runtime: { logger: AppLogger },
): Promise<RunningWorker> {
  const { logger } = runtime;
  const { scaled } = input;
  const config = resolveConfig(input);
  // Safe beside the API replicas doing the same: migrations take PostgreSQL's advisory lock.
  await applyMigrations(config.databaseUrl);
  const db = createDb(config.databaseUrl);
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
    importer: config.importer,
    scaled: { redisUrl: scaled.redisUrl, queueName: scaled.queueName },
  });
  // The engine's dependencies only: a worker serves no API, so it builds no API services, runner or limiter.
  const engine = createEngineDeps({ config, db, bank, logger, metrics: ops.metrics });
  const worker = createWorkerJobs(engine, scaled, logger);
  await worker.ready();
  const opsServer =
    scaled.workerOpsPort === undefined ? null : await listenOps(ops, scaled.workerOpsPort, config.host);
  const opsPort = opsServer ? (opsServer.address() as AddressInfo).port : null;
  if (opsPort !== null) logger.info({ port: opsPort }, 'worker ops served (/healthz, /readyz, /metrics)');
  logger.info(
    { queue: scaled.queueName, concurrency: config.importer.jobConcurrency },
    'import worker ready',
  );

  let closing: Promise<void> | null = null;
  async function shutdown() {
    ops.readiness.drain();
    await worker.close();
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
