import { setTimeout as wait } from 'node:timers/promises';
import { z } from 'zod';
import { LlmProviderError } from './errors';
import type { ChatMessage } from './llm-prompt';

const ChatCompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative(),
      completion_tokens: z.number().int().nonnegative(),
    })
    .nullish(),
});

export type ChatCompletion = {
  content: string | null;
  usage: { tokensIn: number; tokensOut: number } | null;
};

export type ChatRequest = {
  baseUrl: string;
  apiKey: string;
  model: string;
  messages: ChatMessage[];
  timeoutMs: number;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** Tries in all; 3 unless a caller (a connection test) wants its answer at once. */
  maxAttempts?: number;
};

/** One try plus two retries: enough to ride out a rate limit or a blip, short enough to fail a dead endpoint. */
const maxAttempts = 3;
const maxRetryDelayMs = 30_000;

/** POST {baseUrl}/chat/completions, retrying 429, 5xx, timeouts and dropped connections with backoff. */
export async function postChatCompletion(request: ChatRequest): Promise<ChatCompletion> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptChatCompletion(request);
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (!(error instanceof RetryableFailure) || attempt >= (request.maxAttempts ?? maxAttempts))
        throw toProviderError(error);
      await sleep(error.retryAfterMs ?? backoffMs(attempt), request.signal);
    }
  }
}

class RetryableFailure extends Error {
  constructor(
    readonly failure: LlmProviderError,
    readonly retryAfterMs: number | null,
  ) {
    super(failure.message);
  }
}

async function attemptChatCompletion(request: ChatRequest): Promise<ChatCompletion> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await request.fetch(`${request.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: request.model,
        messages: request.messages,
        temperature: 0,
        response_format: { type: 'json_object' },
      }),
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (request.signal?.aborted) throw error;
    const failure = timeout.aborted
      ? new LlmProviderError('timeout', `The model endpoint did not answer within ${request.timeoutMs} ms`)
      : new LlmProviderError('network', 'Could not reach the model endpoint', { cause: error });
    throw new RetryableFailure(failure, null);
  }

  if (!response.ok) {
    // The body is never quoted: providers echo (part of) a wrong API key in their 401 messages.
    const failure = new LlmProviderError(
      'http_status',
      `The model endpoint answered HTTP ${response.status}`,
      {
        httpStatus: response.status,
      },
    );
    if (response.status === 429 || response.status >= 500) {
      throw new RetryableFailure(failure, retryAfterMs(response.headers.get('retry-after')));
    }
    throw failure;
  }

  const parsed = ChatCompletionSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new LlmProviderError('malformed_response', 'The model endpoint answered in an unexpected shape', {
      httpStatus: response.status,
    });
  }
  const { choices, usage } = parsed.data;
  return {
    content: choices[0]?.message.content ?? null,
    usage: usage ? { tokensIn: usage.prompt_tokens, tokensOut: usage.completion_tokens } : null,
  };
}

function toProviderError(error: unknown): unknown {
  return error instanceof RetryableFailure ? error.failure : error;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // reported by the schema check as a malformed response
  }
}

function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, maxRetryDelayMs) : null;
}

function backoffMs(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1) + Math.random() * 250, maxRetryDelayMs);
}

/** Waits `ms`, or rejects with the signal's own reason (not Node's AbortError) the moment it aborts. */
async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await wait(ms, undefined, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
