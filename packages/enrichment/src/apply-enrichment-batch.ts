import type { Db } from '@app/db';
import { writeCachedEnrichments, type CacheEntry } from './cache';
import type { EnrichmentResult } from './provider';

export type EnrichmentBatch = {
  jobId: string;
  providerName: string;
  results: EnrichmentResult[];
  failures: number;
  cacheHits: number;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  /** New answers to remember; empty for free providers and for cache hits. */
  cacheEntries: CacheEntry[];
};

/**
 * Writes a batch's categories, cache entries and the job's counters in one transaction, so a crash never
 * leaves enriched rows the job did not count (or paid tokens it did not record). Rows enriched meanwhile by
 * someone else are left alone. Returns how many rows were enriched.
 */
export async function applyEnrichmentBatch(db: Db, batch: EnrichmentBatch): Promise<number> {
  return db.$transaction(async (tx) => {
    const enrichedAt = new Date();
    let successes = 0;
    for (const group of groupBySameAnswer(batch.results)) {
      const { count } = await tx.transaction.updateMany({
        where: { id: { in: group.ids }, enrichedAt: null },
        data: {
          category: group.category,
          // A provider that did not recognise the merchant keeps the bank's name.
          ...(group.merchantName === null ? {} : { merchantName: group.merchantName }),
          enrichedAt,
          enrichedBy: batch.providerName,
        },
      });
      successes += count;
    }
    await writeCachedEnrichments(tx, batch.providerName, batch.cacheEntries);
    await tx.enrichmentJob.update({
      where: { id: batch.jobId },
      data: {
        successes: { increment: successes },
        failures: { increment: batch.failures },
        cacheHits: { increment: batch.cacheHits },
        tokensIn: { increment: batch.tokensIn },
        tokensOut: { increment: batch.tokensOut },
        costMicros: { increment: batch.costMicros },
      },
    });
    return successes;
  });
}

// One UPDATE per distinct answer rather than per row: a batch is mostly a handful of merchants.
function groupBySameAnswer(results: EnrichmentResult[]) {
  const groups = new Map<string, { category: string; merchantName: string | null; ids: string[] }>();
  for (const { id, category, merchantName } of results) {
    const key = JSON.stringify([category, merchantName]);
    const group = groups.get(key) ?? { category, merchantName, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  return groups.values();
}
