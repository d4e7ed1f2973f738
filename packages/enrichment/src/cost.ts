import { defaultLlmBatchSize, defaultLlmPrices, type LlmPrices } from './llm-config';

/*
 * Token estimates, measured on the prompt llm-prompt.ts builds for realistic UK descriptions (see cost.test.ts):
 * a transaction is ~155 characters of JSON in and ~70 out (id, category, merchant). JSON full of quotes and
 * short words tokenises at about 3 characters a token, worse than prose's 4, so that is what we divide by,
 * then round up: estimates feed the spending cap and should err high.
 */
export const inputTokensPerTransaction = 60;
export const outputTokensPerTransaction = 25;
/** The system prompt (~690 characters of prose with the category list) plus chat framing, per request. */
export const promptOverheadTokensPerBatch = 250;
/** `{"results":[` ... `]}` around the answers. */
export const outputOverheadTokensPerBatch = 10;

export type EstimateProviderInfo =
  { kind: 'rules' } | { kind: 'llm'; batchSize?: number; prices?: LlmPrices };
export type EnrichmentEstimate = { tokensIn: number; tokensOut: number; costMicros: number; basis: string };

/** Integer micro-dollars, rounded up so many small batches never add up to less than was charged. */
export function costMicros(tokensIn: number, tokensOut: number, prices: LlmPrices): number {
  const micros =
    tokensIn * prices.inputMicrosPerMillionTokens + tokensOut * prices.outputMicrosPerMillionTokens;
  return Math.ceil(micros / 1_000_000);
}

/** What enriching `transactionCount` uncached transactions should cost, and how that was worked out. */
export function estimateEnrichment(
  transactionCount: number,
  providerInfo: EstimateProviderInfo,
): EnrichmentEstimate {
  if (providerInfo.kind === 'rules' || transactionCount <= 0) {
    return {
      tokensIn: 0,
      tokensOut: 0,
      costMicros: 0,
      basis: `${providerInfo.kind}: no model calls, no cost`,
    };
  }
  const batchSize = providerInfo.batchSize ?? defaultLlmBatchSize;
  const prices = providerInfo.prices ?? defaultLlmPrices;
  const batches = Math.ceil(transactionCount / batchSize);
  const tokensIn = batches * promptOverheadTokensPerBatch + transactionCount * inputTokensPerTransaction;
  const tokensOut = batches * outputOverheadTokensPerBatch + transactionCount * outputTokensPerTransaction;
  const basis =
    `llm: ${transactionCount} transactions in ${batches} request(s) of up to ${batchSize}; ` +
    `${inputTokensPerTransaction} tokens in and ${outputTokensPerTransaction} out per transaction, ` +
    `${promptOverheadTokensPerBatch} prompt tokens per request; ` +
    `${prices.inputMicrosPerMillionTokens} / ${prices.outputMicrosPerMillionTokens} micro-dollars per million tokens in / out`;
  return { tokensIn, tokensOut, costMicros: costMicros(tokensIn, tokensOut, prices), basis };
}
