import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContextFactory } from '@app/api';
import { applyMigrations, createDb } from '@app/db';
import { createImporter, createScheduler } from '@app/importer';
import { createSandboxBank, type SandboxBank } from '@app/sandbox';
import { createApiServices } from './api-services';
import { createLimitStore } from './limit-store';
import { createBankClient } from './bank-client';
import { createEngineDeps } from './engine-deps';
import { startHousekeeping } from './housekeeping';
import { createHttpRoutes } from './http-routes';
import { createJobInfrastructure } from './jobs/create-job-infrastructure';
import { createOps, defaultOpsConfig } from './ops/create-ops';
import { seedSharedSandboxDemo } from './scaled/seed-shared-sandbox-demo';
import { seedDemo } from './seed-demo';
import { resolveConfig, type ServerConfig, type ServerRuntime } from './server-config';
import { placeholderWebHandler, type NodeRequestHandler } from './web-handler';
import { attachWebSockets } from './websocket';

export type RunningServer = {
  url: string;
  port: number;
  /** The embedded sandbox bank's URL, when it runs. */
  sandboxUrl: string | null;
  /** Where /metrics is served when it has a port of its own. */
  metricsUrl: string | null;
  /** Drops every WebSocket connection from the server's side (clients reconnect and resume). */
  terminateWebSockets(): void;
  /** Graceful: clients told to reconnect, running jobs checkpointed (they resume at the next start), then closed. */
  close(): Promise<void>;
};

function originOf(address: AddressInfo, host: string): string {
  const wildcard = host === '0.0.0.0' || host === '::';
  const name = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${name}:${address.port}`;
}

/** The whole product in one process on one port: tRPC over HTTP and WebSocket, REST, the web app, the job runner. */
export async function startServer(input: ServerConfig, runtime: ServerRuntime): Promise<RunningServer> {
  const { logger } = runtime;
  const config = resolveConfig(input);
  const scaled = config.mode.kind === 'scaled' ? config.mode.scaled : undefined;
  const applied = await applyMigrations(config.databaseUrl);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const db = createDb(config.databaseUrl);
  const ops = createOps({
    db,
    databaseUrl: config.databaseUrl,
    logger,
    now: () => new Date(),
    config: config.ops ?? defaultOpsConfig,
    importer: config.importer,
    scaled,
  });
  // Requests that arrive before everything is wired get a 503 instead of hanging.
  let handle: NodeRequestHandler = (_req, res) =>
    void res.writeHead(503, { 'retry-after': '1' }).end('Starting');
  const server = http.createServer((req, res) => void handle(req, res));
  let sandbox: SandboxBank | null = null;
  let closeLimits = async (): Promise<void> => undefined;

  try {
    if (config.bank.kind === 'embedded-sandbox') {
      sandbox = await createSandboxBank(config.bank.options).listen(config.bank.port, '127.0.0.1');
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const url = originOf(address, config.host);
    const metricsPort = await ops.listen(config.host); // before any work starts: a taken port fails the start cleanly
    const bank = createBankClient(config, (config.publicUrl ?? url).replace(/\/+$/, ''), sandbox);
    const engine = createEngineDeps({ config, db, bank, logger, metrics: ops.metrics });
    // Embedded: jobs run here; scaled: they go on BullMQ for `pnpm worker` processes, progress comes over Redis.
    const jobs = createJobInfrastructure(config.mode, engine, logger);
    const importer = createImporter({ ...jobs.importerDeps, bank, transport: jobs.transport });
    const limits = createLimitStore(config.mode);
    closeLimits = limits.close;
    const services = createApiServices({
      limits: limits.store,
      config,
      engine,
      importer,
      progress: jobs.progress,
      logger,
      metrics: ops.metrics,
    });
    const createContext = createContextFactory(services);
    if (sandbox && config.demoUser) await seedDemo({ ...engine, sandbox, logger }, config.demoUser);
    else if (config.bank.kind === 'shared-sandbox' && config.demoUser)
      await seedSharedSandboxDemo(db, config.demoUser, logger);

    const web = await (runtime.web ?? placeholderWebHandler)({
      createContext,
      importer: config.importer,
      logger,
    });
    handle = createHttpRoutes({ createContext, logger, web, ops: ops.routes, publicUrl: config.publicUrl });
    const sockets = attachWebSockets(server, {
      createContext,
      logger,
      publicOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : [],
    });
    const recovered = await jobs.recover();
    if (recovered > 0) logger.info({ jobs: recovered }, 'resuming imports a previous run left unfinished');
    const scheduler = createScheduler({ ...jobs.importerDeps, transport: jobs.transport });
    const housekeeping = startHousekeeping({ db, logger, now: engine.now });

    const running = sandbox;
    async function shutdown() {
      ops.readiness.drain();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      sockets.broadcastReconnectNotification();
      await scheduler.close();
      await housekeeping.close();
      await jobs.close(); // running jobs stop at their next checkpoint and stay queued
      await sockets.close();
      await jobs.closeProgress();
      await limits.close();
      server.closeAllConnections();
      await stopped;
      await running?.close();
      await ops.close();
      await db.$disconnect();
      logger.info('server stopped');
    }
    let closing: Promise<void> | null = null;
    return {
      url,
      port: address.port,
      sandboxUrl: sandbox?.url ?? null,
      metricsUrl:
        metricsPort === null ? null : `${originOf({ ...address, port: metricsPort }, config.host)}/metrics`,
      terminateWebSockets: () => sockets.terminateAll(),
      close: () => (closing ??= shutdown()),
    };
  } catch (error) {
    server.close();
    await closeLimits();
    await sandbox?.close();
    await ops.close();
    await db.$disconnect();
    throw error;
  }
}
