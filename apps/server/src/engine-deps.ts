import { createTokenCipher, type Db } from '@app/db';
import type { ImporterConfig, ImporterDeps } from '@app/importer';
import type { TrueLayerClient } from '@app/truelayer';
import { createEnrichmentHook } from './enrichment-hook';
import type { AppLogger } from './logger';
import type { Metrics } from './ops/metrics';
import type { ResolvedConfig } from './server-config';

/** What every import needs whatever the mode; the job infrastructure adds the progress port and request limiter. */
export type EngineDeps = Omit<ImporterDeps, 'progress' | 'requestLimiter' | 'bank'> & {
  bank: TrueLayerClient;
};

export function createEngineDeps(deps: {
  config: Pick<ResolvedConfig, 'tokenKeys'> & { importer: ImporterConfig };
  db: Db;
  bank: TrueLayerClient;
  logger: AppLogger;
  /** Absent where nothing is measured. */
  metrics?: Metrics;
}): EngineDeps {
  const { config, db, bank, logger, metrics } = deps;
  return {
    db,
    bank,
    cipher: createTokenCipher(config.tokenKeys.keys, config.tokenKeys.currentKeyId),
    config: config.importer,
    logger,
    now: () => new Date(),
    enrichment: createEnrichmentHook({ db, logger, onUsage: metrics?.enrichmentUsed }),
    observer: metrics?.importObserver,
  };
}
