import type { Db } from '@app/db';
import { enrichImport, estimateImportEnrichment, type EnrichmentSettingsService } from '@app/enrichment';
import type { EnrichmentHook } from '@app/importer';
import type { AppLogger } from './logger';
import type { EnrichmentUsage } from './ops/metrics';

/**
 * Enrichment after an import, through the provider each person chose on Settings (or the server's default):
 * none, the rules, or their model with the rules taking over whatever it could not do.
 */
export function createEnrichmentHook(deps: {
  db: Db;
  settings: EnrichmentSettingsService;
  logger: AppLogger;
  onUsage?: (usage: EnrichmentUsage) => void;
}): EnrichmentHook {
  return {
    async enrichImport({ userId, importJobId }) {
      try {
        const jobs = await enrichImport(
          { db: deps.db, settings: deps.settings, logger: deps.logger },
          { userId, importJobId },
        );
        for (const job of jobs) deps.onUsage?.(job);
      } catch (error) {
        // The import has already finished and committed: a failed enrichment must not make it look crashed.
        // The enrichment job row records the failure; the person can run it again.
        deps.logger.error({ importJobId, err: error }, 'auto-enrichment failed');
      }
    },
    estimate: (input) => estimateImportEnrichment({ db: deps.db, settings: deps.settings }, input),
  };
}
