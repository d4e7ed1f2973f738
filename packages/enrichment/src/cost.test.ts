import { describe, expect, test } from 'vitest';
import {
  costMicros,
  estimateEnrichment,
  inputTokensPerTransaction,
  outputTokensPerTransaction,
  outputOverheadTokensPerBatch,
  promptOverheadTokensPerBatch,
} from './cost';
import { defaultLlmPrices } from './llm-config';
import { buildChatMessages } from './llm-prompt';
import type { EnrichmentInput } from './provider';

describe('costMicros', () => {
  test('prices tokens per million in whole micro-dollars', () => {
    expect(costMicros(1_000_000, 1_000_000, defaultLlmPrices)).toBe(750_000);
    expect(costMicros(1000, 500, defaultLlmPrices)).toBe(450);
  });

  test('rounds a fraction of a micro-dollar up', () => {
    expect(costMicros(1, 0, defaultLlmPrices)).toBe(1);
    expect(costMicros(0, 0, defaultLlmPrices)).toBe(0);
  });
});

describe('estimateEnrichment', () => {
  test('the rules provider costs nothing', () => {
    expect(estimateEnrichment(500, { kind: 'rules' })).toMatchObject({
      tokensIn: 0,
      tokensOut: 0,
      costMicros: 0,
    });
  });

  test('an LLM estimate is per-transaction tokens plus the prompt overhead of every request', () => {
    const estimate = estimateEnrichment(60, { kind: 'llm', batchSize: 25, prices: defaultLlmPrices });
    expect(estimate.tokensIn).toBe(3 * promptOverheadTokensPerBatch + 60 * inputTokensPerTransaction);
    expect(estimate.tokensOut).toBe(3 * outputOverheadTokensPerBatch + 60 * outputTokensPerTransaction);
    expect(estimate.costMicros).toBe(costMicros(estimate.tokensIn, estimate.tokensOut, defaultLlmPrices));
    expect(estimate.basis).toContain('3 request(s)');
  });

  test('the per-transaction constants cover the prompt we send at 3 characters a token', () => {
    const descriptions = [
      'CARD PAYMENT TO TESCO STORES 2231 ON 12-01',
      'PRET A MANGER LONDON GB',
      'ACME LTD SALARY',
    ];
    const items: EnrichmentInput[] = Array.from({ length: 25 }, (_, i) => ({
      id: `cm${i}abcdefghijklmnopqrstu`,
      description: descriptions[i % descriptions.length] ?? '',
      merchantName: i % 2 ? null : 'Tesco Stores',
      amountMinor: -123_456,
      currency: 'GBP',
      direction: 'DEBIT',
      providerCategory: 'PURCHASE',
      providerClassification: ['Shopping', 'Groceries'],
    }));
    const promptChars = buildChatMessages(items).reduce((sum, m) => sum + m.content.length, 0);
    const answerChars = JSON.stringify({
      results: items.map((_, i) => ({
        id: String(i + 1),
        category: 'Bills & utilities',
        merchant: 'Pret A Manger',
      })),
    }).length;
    const estimate = estimateEnrichment(25, { kind: 'llm', batchSize: 25 });
    expect(estimate.tokensIn).toBeGreaterThanOrEqual(promptChars / 3);
    expect(estimate.tokensOut).toBeGreaterThanOrEqual(answerChars / 3);
  });
});
