import { createHash } from 'node:crypto';
import type { DbTx } from '@app/db';
import { CategorySchema } from './categories';
import { normaliseForCache } from './normalise-text';
import type { EnrichmentInput, EnrichmentResult } from './provider';

export type CachedEnrichment = Omit<EnrichmentResult, 'id'>;
export type CacheEntry = CachedEnrichment & { key: string };

/**
 * The same text from the same model gets the same answer, so it is paid for once. Provider and model are
 * part of the key: switching model must not serve the old model's answers as if they were the new one's.
 */
export function cacheKeyOf(provider: { name: string; model: string | null }, input: EnrichmentInput): string {
  const parts = [
    provider.name,
    provider.model ?? '',
    normaliseForCache(input.description),
    normaliseForCache(input.merchantName ?? ''),
    input.direction,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export async function readCachedEnrichments(
  db: DbTx,
  keys: string[],
): Promise<Map<string, CachedEnrichment>> {
  if (keys.length === 0) return new Map();
  const rows = await db.enrichmentCache.findMany({ where: { key: { in: keys } } });
  const cached = new Map<string, CachedEnrichment>();
  for (const row of rows) {
    // A category we no longer have is a miss, not an error: the transaction is simply asked about again.
    const category = CategorySchema.safeParse(row.category);
    if (category.success) cached.set(row.key, { category: category.data, merchantName: row.merchantName });
  }
  return cached;
}

export async function writeCachedEnrichments(
  db: DbTx,
  providerName: string,
  entries: CacheEntry[],
): Promise<void> {
  for (const { key, category, merchantName } of entries) {
    // Upsert: two jobs may answer the same text at once.
    await db.enrichmentCache.upsert({
      where: { key },
      create: { key, category, merchantName, provider: providerName },
      update: { category, merchantName, provider: providerName },
    });
  }
}
