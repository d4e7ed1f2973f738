import { z } from 'zod';
import { categories, type Category } from './categories';
import type { EnrichmentInput, EnrichmentResult } from './provider';

const ModelAnswerSchema = z.object({ results: z.array(z.unknown()) });
const ModelResultSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  category: z.string(),
  merchant: z.string().nullish(),
});

const maxMerchantLength = 80;

/**
 * The model's reply to `items` (which it saw as ids "1", "2", ...). Anything unusable is left out rather
 * than guessed, so the caller counts it as a failure: a reply that is not JSON, entries without a known id.
 * An unknown category is not a failure: it becomes Other.
 */
export function parseModelAnswer(content: string | null, items: EnrichmentInput[]): EnrichmentResult[] {
  const answer = ModelAnswerSchema.safeParse(parseJson(content ?? ''));
  if (!answer.success) return [];
  const byId = new Map<string, EnrichmentResult>();
  for (const entry of answer.data.results) {
    const parsed = ModelResultSchema.safeParse(entry);
    if (!parsed.success) continue;
    const item = items[Number(parsed.data.id) - 1];
    if (!item || byId.has(item.id)) continue;
    byId.set(item.id, {
      id: item.id,
      category: matchCategory(parsed.data.category),
      merchantName: cleanMerchant(parsed.data.merchant),
    });
  }
  return [...byId.values()];
}

function matchCategory(answer: string): Category {
  const wanted = answer.trim().toLowerCase();
  return categories.find((c) => c.toLowerCase() === wanted) ?? 'Other';
}

function cleanMerchant(merchant: string | null | undefined): string | null {
  const name = merchant?.trim() ?? '';
  if (name === '' || /^(null|none|unknown|n\/a)$/i.test(name)) return null;
  return name.slice(0, maxMerchantLength);
}

function parseJson(text: string): unknown {
  // json_object mode forbids fences, but some OpenAI-compatible servers add them anyway.
  const unfenced = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined; // not JSON: every item of the batch is a failure
  }
}
