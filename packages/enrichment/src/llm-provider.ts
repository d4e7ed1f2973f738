import pLimit from 'p-limit';
import { estimateEnrichment } from './cost';
import type { LlmProviderConfig } from './llm-config';
import { parseModelAnswer } from './llm-answer';
import { postChatCompletion } from './llm-http';
import { buildChatMessages } from './llm-prompt';
import type { EnrichmentInput, EnrichmentProvider, EnrichmentResult } from './provider';

/** A few requests in flight when a caller hands over more than one batch: well under common rate limits. */
const maxConcurrentRequests = 4;

type ChunkOutcome = { results: EnrichmentResult[]; tokensIn: number; tokensOut: number };

/** Categorises through any OpenAI-compatible chat completions endpoint, `config.batchSize` items a request. */
export function createLlmProvider(
  config: LlmProviderConfig,
  deps: { fetch?: typeof fetch } = {},
): EnrichmentProvider {
  const fetchImpl = deps.fetch ?? fetch;
  const limit = pLimit(maxConcurrentRequests);

  async function enrichChunk(items: EnrichmentInput[], signal?: AbortSignal): Promise<ChunkOutcome> {
    const completion = await postChatCompletion({
      baseUrl: config.baseUrl,
      apiKey: config.apiKey,
      model: config.model,
      messages: buildChatMessages(items),
      timeoutMs: config.timeoutMs,
      fetch: fetchImpl,
      signal,
    });
    // Without usage we would undercount spending; the estimate errs high instead.
    const usage =
      completion.usage ??
      estimateEnrichment(items.length, { kind: 'llm', batchSize: config.batchSize, prices: config.prices });
    return {
      results: parseModelAnswer(completion.content, items),
      tokensIn: usage.tokensIn,
      tokensOut: usage.tokensOut,
    };
  }

  return {
    name: 'llm',
    model: config.model,
    async enrich(items, signal) {
      const chunks = splitIntoChunks(items, config.batchSize);
      const settled = await Promise.allSettled(
        chunks.map((chunk) => limit(() => enrichChunk(chunk, signal))),
      );
      if (signal?.aborted) throw signal.reason;
      const done = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const firstFailure = settled.find((s) => s.status === 'rejected');
      // Some requests answered: keep what was paid for; the failed chunk's items count as failures.
      // None did: the endpoint is down or refuses us, which the caller must hear about.
      if (done.length === 0 && firstFailure) throw firstFailure.reason;
      return {
        results: done.flatMap((d) => d.results),
        tokensIn: done.reduce((sum, d) => sum + d.tokensIn, 0),
        tokensOut: done.reduce((sum, d) => sum + d.tokensOut, 0),
      };
    },
  };
}

function splitIntoChunks<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
