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
 * than guessed, so the caller counts it as a failure (and the rules take over): a reply that is not JSON,
 * entries without a known id, and a category that is not one of ours (a model that invents categories has not
 * understood the task; calling its answer Other would hide that).
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
    const category = matchCategory(parsed.data.category);
    if (category === null) continue;
    byId.set(item.id, {
      id: item.id,
      category,
      merchantName: cleanMerchant(parsed.data.merchant),
    });
  }
  return [...byId.values()];
}

function matchCategory(answer: string): Category | null {
  const wanted = answer.trim().toLowerCase();
  return categories.find((c) => c.toLowerCase() === wanted) ?? null;
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
