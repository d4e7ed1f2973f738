import { incomeRules, keywordRules, matchKeywordRule } from './keyword-rules';
import { merchantTable } from './merchant-table';
import { normaliseForMatching } from './normalise-text';
import type { EnrichmentInput, EnrichmentProvider, EnrichmentResult } from './provider';
import { categoriseByTrueLayer } from './truelayer-rules';

/** Deterministic and free: merchant table, then keywords, then the bank's own categories, else Other. */
export function createRulesProvider(): EnrichmentProvider {
  return {
    name: 'rules',
    model: null,
    async enrich(items) {
      return { results: items.map(categoriseByRules), tokensIn: 0, tokensOut: 0 };
    },
  };
}

function categoriseByRules(input: EnrichmentInput): EnrichmentResult {
  const description = normaliseForMatching(input.description);
  const income = matchKeywordRule(incomeRules, description, input.direction);
  if (income) return { id: input.id, category: income, merchantName: null };

  const texts = [description, normaliseForMatching(input.merchantName ?? '')];
  const merchant = merchantTable.find((m) => texts.some((text) => m.pattern.test(text)));
  if (merchant) return { id: input.id, category: merchant.category, merchantName: merchant.merchant };

  const category =
    matchKeywordRule(keywordRules, description, input.direction) ?? categoriseByTrueLayer(input) ?? 'Other';
  return { id: input.id, category, merchantName: null };
}
