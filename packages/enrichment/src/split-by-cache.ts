import type { DbTx } from '@app/db';
import { cacheKeyOf, readCachedEnrichments, type CacheEntry } from './cache';
import type { EnrichmentInput, EnrichmentProvider, EnrichmentResult } from './provider';

export type CacheSplit = {
  /** Answered from the cache table or by another item of the batch with the same key: free. */
  hits: EnrichmentResult[];
  /** What still has to be asked, one item per distinct key. */
  toSend: EnrichmentInput[];
  /** Fills in the same-key items that were not sent once the provider has answered. */
  completeAnswer(results: EnrichmentResult[]): {
    results: EnrichmentResult[];
    freeResults: number;
    cacheEntries: CacheEntry[];
  };
};

/** Splits a batch into what the cache already knows and what a paid provider must be asked. */
export async function splitByCache(
  db: DbTx,
  provider: Pick<EnrichmentProvider, 'name' | 'model'>,
  inputs: EnrichmentInput[],
): Promise<CacheSplit> {
  const keyOf = new Map(inputs.map((input) => [input.id, cacheKeyOf(provider, input)]));
  const cached = await readCachedEnrichments(db, [...new Set(keyOf.values())]);
  const hits: EnrichmentResult[] = [];
  const toSend: EnrichmentInput[] = [];
  const waiting = new Map<string, string[]>(); // key -> ids of the later same-key items

  for (const input of inputs) {
    const key = keyOf.get(input.id) ?? '';
    const known = cached.get(key);
    const queue = waiting.get(key);
    if (known) hits.push({ id: input.id, ...known });
    else if (queue) queue.push(input.id);
    else {
      waiting.set(key, []);
      toSend.push(input);
    }
  }

  return {
    hits,
    toSend,
    completeAnswer(answered) {
      const results: EnrichmentResult[] = [];
      const cacheEntries: CacheEntry[] = [];
      let freeResults = 0;
      for (const result of answered) {
        const key = keyOf.get(result.id) ?? '';
        const followers = waiting.get(key) ?? [];
        results.push(result, ...followers.map((id) => ({ ...result, id })));
        freeResults += followers.length;
        cacheEntries.push({ key, category: result.category, merchantName: result.merchantName });
      }
      return { results, freeResults, cacheEntries };
    },
  };
}
