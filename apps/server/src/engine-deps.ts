import { createTokenCipher, type Db } from '@app/db';
import { createEnrichmentSettings, type EnrichmentSettingsService } from '@app/enrichment';
import type { ImporterConfig, ImporterDeps } from '@app/importer';
import type { TrueLayerClient } from '@app/truelayer';
import { createEnrichmentHook } from './enrichment-hook';
import type { AppLogger } from './logger';
import type { Metrics } from './ops/metrics';
import type { ResolvedConfig } from './server-config';

/** What every import needs whatever the mode; the job infrastructure adds the progress port and request limiter. */
export type EngineDeps = Omit<ImporterDeps, 'progress' | 'requestLimiter' | 'bank'> & {
  bank: TrueLayerClient;
  /** Each person's enrichment provider (Settings), read by the enrichment hook and the API. */
  enrichmentSettings: EnrichmentSettingsService;
};

export function createEngineDeps(deps: {
  config: Pick<ResolvedConfig, 'tokenKeys' | 'enrichment'> & { importer: ImporterConfig };
  db: Db;
  bank: TrueLayerClient;
  logger: AppLogger;
  /** Absent where nothing is measured. */
  metrics?: Metrics;
}): EngineDeps {
  const { config, db, bank, logger, metrics } = deps;
  const cipher = createTokenCipher(config.tokenKeys.keys, config.tokenKeys.currentKeyId);
  // API keys of people's models are encrypted with the bank tokens' cipher and keys (rotation included).
  const enrichmentSettings = createEnrichmentSettings({
    db,
    cipher,
    serverDefault: config.enrichment ?? { provider: 'rules' },
  });
  return {
    db,
    bank,
    cipher,
    enrichmentSettings,
    config: config.importer,
    logger,
    now: () => new Date(),
    enrichment: createEnrichmentHook({
      db,
      settings: enrichmentSettings,
      logger,
      onUsage: metrics?.enrichmentUsed,
    }),
    observer: metrics?.importObserver,
  };
}
