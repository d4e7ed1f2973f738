import { createRateLimiter, type ApiServices } from '@app/api';
import { createTokenCipher, type Db } from '@app/db';
import {
  createInProcessProgressPort,
  createJobRunner,
  importerConfigSchema,
  type ImporterDeps,
} from '@app/importer';
import type { TrueLayerClient } from '@app/truelayer';
import { createEnrichmentHook } from './enrichment-hook';
import type { AppLogger } from './logger';
import type { Metrics } from './ops/metrics';
import type { ServerConfig } from './server-config';

/** The embedded mode's wiring: in-process progress fan-out and job runner, the API's services around them. */
export function createServices(deps: {
  config: ServerConfig;
  db: Db;
  bank: TrueLayerClient;
  logger: AppLogger;
  /** Absent where nothing is measured (a process without ops). */
  metrics?: Metrics;
}) {
  const { config, db, bank, logger, metrics } = deps;
  const importerDeps: ImporterDeps = {
    db,
    bank,
    cipher: createTokenCipher(config.tokenKeys.keys, config.tokenKeys.currentKeyId),
    progress: createInProcessProgressPort(),
    config: importerConfigSchema.parse(config.importer),
    logger,
    now: () => new Date(),
    enrichment: createEnrichmentHook({ db, logger, onUsage: metrics?.enrichmentUsed }),
    observer: metrics?.importObserver,
  };
  const runner = createJobRunner(importerDeps, {
    onFinished: (jobId, status) => logger.info({ jobId, status }, 'import job finished its run'),
  });
  const services: ApiServices = {
    ...importerDeps,
    bank,
    importer: importerDeps.config,
    transport: runner,
    subscriptionObserver: metrics?.subscriptionObserver,
    auth: { sessionTtlMs: config.sessionTtlDays * 86_400_000, secureCookies: config.secureCookies },
    rateLimiter: createRateLimiter({
      capacity: config.mutationsPerMinute,
      refillPerSecond: config.mutationsPerMinute / 60,
    }),
  };
  return { importerDeps, runner, services };
}
