import type { Db } from '@app/db';
import {
  createEnrichmentJob,
  createRulesProvider,
  estimateEnrichment,
  runEnrichmentJob,
} from '@app/enrichment';
import type { EnrichmentHook } from '@app/importer';
import type { AppLogger } from './logger';
import type { EnrichmentUsage } from './ops/metrics';

/** Auto-enrichment after an import, with the free rules provider (an LLM provider plugs in here later). */
export function createEnrichmentHook(deps: {
  db: Db;
  logger: AppLogger;
  onUsage?: (usage: EnrichmentUsage) => void;
}): EnrichmentHook {
  const provider = createRulesProvider();
  return {
    async enrichImport({ userId, importJobId }) {
      try {
        const job = await createEnrichmentJob(deps.db, {
          userId,
          importJobId,
          provider: provider.name,
          model: provider.model,
        });
        const ended = await runEnrichmentJob(deps.db, job.id, { provider, logger: deps.logger });
        deps.onUsage?.(ended);
      } catch (error) {
        // The import has already finished and committed: a failed enrichment must not make it look crashed.
        // The enrichment job row records the failure; the person can run it again.
        deps.logger.error({ importJobId, err: error }, 'auto-enrichment failed');
      }
    },
    estimate(transactionCount) {
      const { costMicros, basis } = estimateEnrichment(transactionCount, { kind: 'rules' });
      return { costMicros, basis };
    },
  };
}
