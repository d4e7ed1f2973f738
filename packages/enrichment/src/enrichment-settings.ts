import type { Db, TokenCipher } from '@app/db';
import { LlmProviderError } from './errors';
import { postChatCompletion } from './llm-http';
import {
  EnrichmentSettingsInputSchema,
  defaultPricesFor,
  knownModelPrices,
  llmConfigFrom,
  type EnrichmentSettingsInput,
  type ProviderKind,
  type ResolvedProvider,
  type ServerEnrichmentDefault,
} from './provider-settings';

/** What a person sees of their choice: never the key, only whether one is saved. */
export type EnrichmentSettingsView = {
  /** `server`: nothing chosen yet, the server's default applies. */
  source: 'yours' | 'server';
  provider: ProviderKind;
  baseUrl: string | null;
  model: string | null;
  hasApiKey: boolean;
  inputMicrosPerMillionTokens: number | null;
  outputMicrosPerMillionTokens: number | null;
  batchSize: number | null;
  /** Hosted models whose list price is filled in when none is given (micro-dollars per million tokens). */
  knownModels: { model: string; inputMicrosPerMillionTokens: number; outputMicrosPerMillionTokens: number }[];
};

export type ConnectionTestResult =
  | { ok: true; model: string; reply: string; tokensIn: number; tokensOut: number }
  | { ok: false; message: string };

export class EnrichmentSettingsInvalidError extends Error {
  readonly code = 'ENRICHMENT_SETTINGS_INVALID';
  override readonly name = 'EnrichmentSettingsInvalidError';
}

const testTimeoutMs = 15_000;
const maxReplyLength = 200;

/**
 * A person's choice of enrichment provider, stored with the API key encrypted by the token cipher (like bank
 * tokens). The key goes out only to the endpoint it was saved for, never in a view, an error or a log line.
 */
export function createEnrichmentSettings(deps: {
  db: Db;
  cipher: TokenCipher;
  serverDefault: ServerEnrichmentDefault;
  fetch?: typeof fetch;
  /** Per request when a model is used for enrichment (tests shorten it). */
  timeoutMs?: number;
}) {
  const { db, cipher, serverDefault } = deps;
  const knownModels = Object.entries(knownModelPrices).map(([model, prices]) => ({ model, ...prices }));

  async function read(userId: string) {
    return db.enrichmentSettings.findUnique({ where: { userId } });
  }

  function view(row: Awaited<ReturnType<typeof read>>): EnrichmentSettingsView {
    if (!row) {
      const llm = serverDefault.provider === 'llm' ? serverDefault.config : null;
      return {
        source: 'server',
        provider: serverDefault.provider,
        baseUrl: llm?.baseUrl ?? null,
        model: llm?.model ?? null,
        hasApiKey: llm !== null,
        inputMicrosPerMillionTokens: llm?.prices.inputMicrosPerMillionTokens ?? null,
        outputMicrosPerMillionTokens: llm?.prices.outputMicrosPerMillionTokens ?? null,
        batchSize: llm?.batchSize ?? null,
        knownModels,
      };
    }
    return {
      source: 'yours',
      provider: row.provider as ProviderKind,
      baseUrl: row.baseUrl,
      model: row.model,
      hasApiKey: row.apiKeyEncrypted !== null,
      inputMicrosPerMillionTokens: row.inputMicrosPerMillionTokens,
      outputMicrosPerMillionTokens: row.outputMicrosPerMillionTokens,
      batchSize: row.batchSize,
      knownModels,
    };
  }

  function parse(input: EnrichmentSettingsInput) {
    const parsed = EnrichmentSettingsInputSchema.safeParse(input);
    if (!parsed.success)
      throw new EnrichmentSettingsInvalidError(parsed.error.issues.map((i) => i.message).join('; '));
    return parsed.data;
  }

  /** The model configuration for `input`, with the saved key when the input brings none. */
  async function llmConfigOf(userId: string, input: Extract<ReturnType<typeof parse>, { provider: 'llm' }>) {
    const saved = await read(userId);
    const savedKey =
      saved?.apiKeyEncrypted && saved.baseUrl === input.baseUrl
        ? cipher.decrypt(saved.apiKeyEncrypted)
        : null;
    return llmConfigFrom({ ...input, apiKey: input.apiKey ?? savedKey, timeoutMs: deps.timeoutMs });
  }

  return {
    async get(userId: string): Promise<EnrichmentSettingsView> {
      return view(await read(userId));
    },

    /** Saves the choice. A key is kept only for the base URL it was given with: a new URL needs its own key. */
    async set(userId: string, input: EnrichmentSettingsInput): Promise<EnrichmentSettingsView> {
      const parsed = parse(input);
      if (parsed.provider !== 'llm') {
        const data = {
          provider: parsed.provider,
          baseUrl: null,
          model: null,
          apiKeyEncrypted: null,
          inputMicrosPerMillionTokens: null,
          outputMicrosPerMillionTokens: null,
          batchSize: null,
        };
        return view(
          await db.enrichmentSettings.upsert({
            where: { userId },
            create: { userId, ...data },
            update: data,
          }),
        );
      }
      const saved = await read(userId);
      const keptKey = saved?.baseUrl === parsed.baseUrl ? (saved.apiKeyEncrypted ?? null) : null;
      const prices = defaultPricesFor(parsed.baseUrl, parsed.model);
      const input_ = parsed.inputMicrosPerMillionTokens ?? prices?.inputMicrosPerMillionTokens;
      const output = parsed.outputMicrosPerMillionTokens ?? prices?.outputMicrosPerMillionTokens;
      if (input_ === undefined || output === undefined)
        throw new EnrichmentSettingsInvalidError(
          `No list price is known for ${parsed.model}: give its prices per million input and output tokens, so estimates and the cap are true.`,
        );
      const data = {
        provider: 'llm',
        baseUrl: parsed.baseUrl,
        model: parsed.model,
        apiKeyEncrypted: parsed.apiKey ? cipher.encrypt(parsed.apiKey) : keptKey,
        inputMicrosPerMillionTokens: input_,
        outputMicrosPerMillionTokens: output,
        batchSize: parsed.batchSize ?? null,
      };
      return view(
        await db.enrichmentSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data }),
      );
    },

    /**
     * Sends the endpoint one short request: the model's reply, or a message saying what went wrong (refused,
     * timed out, HTTP status, not an OpenAI-compatible answer). Tests `input` when given, else the saved choice.
     */
    async test(userId: string, input?: EnrichmentSettingsInput): Promise<ConnectionTestResult> {
      let config;
      if (input) {
        const parsed = parse(input);
        if (parsed.provider !== 'llm')
          return { ok: false, message: `The ${parsed.provider} provider calls no model.` };
        config = await llmConfigOf(userId, parsed);
      } else {
        const resolved = await this.resolve(userId);
        if (resolved.provider !== 'llm')
          return { ok: false, message: `The ${resolved.provider} provider calls no model.` };
        config = resolved.config;
      }
      try {
        const answer = await postChatCompletion({
          baseUrl: config.baseUrl,
          apiKey: config.apiKey,
          model: config.model,
          messages: [
            { role: 'system', content: 'You answer with one JSON object.' },
            { role: 'user', content: 'Reply with the JSON object {"reply":"ready"}.' },
          ],
          timeoutMs: Math.min(config.timeoutMs, testTimeoutMs),
          fetch: deps.fetch ?? fetch,
          maxAttempts: 1,
        });
        return {
          ok: true,
          model: config.model,
          reply: (answer.content ?? '').trim().slice(0, maxReplyLength),
          tokensIn: answer.usage?.tokensIn ?? 0,
          tokensOut: answer.usage?.tokensOut ?? 0,
        };
      } catch (error) {
        if (error instanceof LlmProviderError) return { ok: false, message: explain(error) };
        throw error;
      }
    },

    /** What an enrichment run uses for this person: their choice, else the server's default. */
    async resolve(userId: string): Promise<ResolvedProvider> {
      const row = await read(userId);
      if (!row) return { ...serverDefault, source: 'server' };
      if (row.provider === 'none' || row.provider === 'rules')
        return { provider: row.provider, source: 'yours' };
      if (!row.baseUrl || !row.model) return { provider: 'rules', source: 'yours' };
      const config = llmConfigFrom({
        baseUrl: row.baseUrl,
        model: row.model,
        apiKey: row.apiKeyEncrypted ? cipher.decrypt(row.apiKeyEncrypted) : null,
        inputMicrosPerMillionTokens: row.inputMicrosPerMillionTokens,
        outputMicrosPerMillionTokens: row.outputMicrosPerMillionTokens,
        batchSize: row.batchSize,
        timeoutMs: deps.timeoutMs,
      });
      return { provider: 'llm', config, source: 'yours' };
    },
  };
}

export type EnrichmentSettingsService = ReturnType<typeof createEnrichmentSettings>;

function explain(error: LlmProviderError): string {
  switch (error.reason) {
    case 'network':
      return 'Could not reach the endpoint (connection refused or no such host): check the base URL and that the server runs.';
    case 'timeout':
      return `${error.message}: the server is too slow or not answering.`;
    case 'http_status':
      return error.httpStatus === 401 || error.httpStatus === 403
        ? `The endpoint refused the API key (HTTP ${error.httpStatus}).`
        : error.httpStatus === 404
          ? 'The endpoint answered HTTP 404: check the base URL (it usually ends in /v1) and the model name.'
          : `${error.message}.`;
    case 'malformed_response':
      return 'The endpoint answered, but not like an OpenAI-compatible chat completions API.';
  }
}
