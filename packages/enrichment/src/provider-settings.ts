import { z } from 'zod';
import { llmProviderConfigSchema, type LlmPrices, type LlmProviderConfig } from './llm-config';

export const providerKinds = ['none', 'rules', 'llm'] as const;
export type ProviderKind = (typeof providerKinds)[number];

const dollars = (perMillion: number) => Math.round(perMillion * 1_000_000);
const price = (input: number, output: number): LlmPrices => ({
  inputMicrosPerMillionTokens: dollars(input),
  outputMicrosPerMillionTokens: dollars(output),
});

/** List prices (US dollars per million tokens in / out) of well-known hosted models, offered as defaults. */
export const knownModelPrices: Record<string, LlmPrices> = {
  'gpt-4o-mini': price(0.15, 0.6),
  'gpt-4o': price(2.5, 10),
  'gpt-4.1': price(2, 8),
  'gpt-4.1-mini': price(0.4, 1.6),
  'gpt-4.1-nano': price(0.1, 0.4),
};

/** Servers on this machine or the local network (Ollama, llama.cpp's server, vLLM) cost nothing per token. */
export function isLocalEndpoint(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return (
      host === 'localhost' ||
      host === '::1' ||
      host === '[::1]' ||
      /^127\./.test(host) ||
      /^10\./.test(host) ||
      /^192\.168\./.test(host) ||
      /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
      host.endsWith('.local') ||
      host.endsWith('.internal')
    );
  } catch {
    return false;
  }
}

/** The prices to assume when the person gave none: a known model's list price, free on a local server, else none. */
export function defaultPricesFor(baseUrl: string, model: string): LlmPrices | null {
  if (isLocalEndpoint(baseUrl)) return price(0, 0);
  return knownModelPrices[model.trim().toLowerCase()] ?? null;
}

const micros = z.number().int().nonnegative().max(1_000_000_000);

/** What a person sends to choose a provider. An absent `apiKey` keeps the saved one. */
export const EnrichmentSettingsInputSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('none') }),
  z.object({ provider: z.literal('rules') }),
  z.object({
    provider: z.literal('llm'),
    baseUrl: z
      .url()
      .refine((url) => /^https?:\/\//.test(url), 'The base URL must start with http:// or https://')
      .transform((url) => url.replace(/\/+$/, '')),
    model: z.string().trim().min(1).max(200),
    apiKey: z.string().trim().min(1).max(1000).optional(),
    inputMicrosPerMillionTokens: micros.optional(),
    outputMicrosPerMillionTokens: micros.optional(),
    batchSize: z.number().int().min(1).max(100).optional(),
  }),
]);
export type EnrichmentSettingsInput = z.input<typeof EnrichmentSettingsInputSchema>;

/** The server-wide default (configuration), used by people who chose nothing. */
export type ServerEnrichmentDefault =
  { provider: 'none' } | { provider: 'rules' } | { provider: 'llm'; config: LlmProviderConfig };

/** What a run uses: nothing, the rules, or a model (with its decrypted key). */
export type ResolvedProvider = ServerEnrichmentDefault & { source: 'yours' | 'server' };

/** Builds the provider configuration from stored or entered values; prices fall back to defaultPricesFor. */
export function llmConfigFrom(values: {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  inputMicrosPerMillionTokens?: number | null;
  outputMicrosPerMillionTokens?: number | null;
  batchSize?: number | null;
  timeoutMs?: number;
}): LlmProviderConfig {
  const fallback = defaultPricesFor(values.baseUrl, values.model) ?? price(0, 0);
  return llmProviderConfigSchema.parse({
    baseUrl: values.baseUrl,
    // Local servers (Ollama, llama.cpp) take any key; the header must still be well-formed.
    apiKey: values.apiKey ?? 'none',
    model: values.model,
    ...(values.batchSize ? { batchSize: values.batchSize } : {}),
    ...(values.timeoutMs ? { timeoutMs: values.timeoutMs } : {}),
    prices: {
      inputMicrosPerMillionTokens: values.inputMicrosPerMillionTokens ?? fallback.inputMicrosPerMillionTokens,
      outputMicrosPerMillionTokens:
        values.outputMicrosPerMillionTokens ?? fallback.outputMicrosPerMillionTokens,
    },
  });
}
