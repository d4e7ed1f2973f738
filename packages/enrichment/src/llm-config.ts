import { z } from 'zod';

/** What a model costs, in millionths of a US dollar per million tokens (integers, like all our money). */
export const llmPricesSchema = z.object({
  inputMicrosPerMillionTokens: z.coerce.number().int().nonnegative(),
  outputMicrosPerMillionTokens: z.coerce.number().int().nonnegative(),
});
export type LlmPrices = z.infer<typeof llmPricesSchema>;

/** gpt-4o-mini's list price ($0.15 in, $0.60 out per million tokens): a small model is enough to categorise. */
export const defaultLlmPrices: LlmPrices = {
  inputMicrosPerMillionTokens: 150_000,
  outputMicrosPerMillionTokens: 600_000,
};

export const defaultLlmBatchSize = 25;

/** The app's env.ts parses its variables with this; the provider takes the parsed value. */
export const llmProviderConfigSchema = z.object({
  /** e.g. https://api.openai.com/v1; `/chat/completions` is appended. */
  baseUrl: z.url().transform((url) => url.replace(/\/+$/, '')),
  apiKey: z.string().min(1),
  model: z.string().min(1),
  batchSize: z.coerce.number().int().min(1).max(100).default(defaultLlmBatchSize),
  timeoutMs: z.coerce.number().int().positive().default(30_000),
  prices: llmPricesSchema.default(defaultLlmPrices),
});
export type LlmProviderConfig = z.infer<typeof llmProviderConfigSchema>;
