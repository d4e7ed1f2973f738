import { computeBackoffMs } from './backoff';
import { TrueLayerError } from './errors';
import { readErrorBody, toHttpError } from './map-http-error';
import { parseRetryAfter } from './retry-after';

/** The side effects a client needs; tests inject them to control time, randomness and the network. */
export type HttpDeps = {
  fetch: typeof fetch;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => Date;
};

export type RetryPolicy = { timeoutMs: number; maxRetries: number; retryBaseMs: number; retryMaxMs: number };

/** One HTTP attempt as seen on the wire: status 0 when no response arrived. */
export type AttemptReport = { status: number; attempt: number; durationMs: number };

export type HttpRequest = {
  /** e.g. `GET /accounts/{id}/transactions`: goes into error messages, so never holds ids, tokens or secrets. */
  label: string;
  method: 'GET' | 'POST';
  url: string;
  /** Read before every attempt, so a refreshed token is picked up. */
  headers: () => Promise<Record<string, string>>;
  body?: string;
  /**
   * The request spends what it sends (a rotating refresh token, an authorization code): an attempt the server may
   * have processed (no answer, a cut one) is never repeated, since a second try would be refused as "used".
   * Answers that say it was not processed (429, 5xx) are retried as usual.
   */
  singleUse?: boolean;
  signal?: AbortSignal;
  /** Called after the first 401; the request is then sent again without using up a retry. */
  onUnauthorized?: () => Promise<void>;
  onAttempt?: (report: AttemptReport) => void;
};

type Outcome = { ok: true; json: unknown } | { ok: false; error: TrueLayerError };

/**
 * Sends a request with a timeout per attempt, retrying transient failures with full-jitter backoff or the
 * server's Retry-After. A Retry-After longer than `retryMaxMs` is not slept through: the error is thrown with
 * `retryAfterMs` so the caller can defer the work instead of holding a worker.
 */
export async function sendRequest(
  deps: HttpDeps,
  policy: RetryPolicy,
  request: HttpRequest,
): Promise<unknown> {
  let retries = 0;
  let refreshed = false;
  for (let attempt = 1; ; attempt += 1) {
    request.signal?.throwIfAborted();
    const outcome = await attemptOnce(deps, policy, request, attempt);
    if (outcome.ok) return outcome.json;
    const { error } = outcome;
    if (error.code === 'INVALID_TOKEN' && request.onUnauthorized && !refreshed) {
      refreshed = true;
      await request.onUnauthorized();
      continue;
    }
    if (request.singleUse && mayHaveBeenProcessed(error)) throw toAnswerLost(request.label, error);
    const waitTooLong = error.retryAfterMs !== null && error.retryAfterMs > policy.retryMaxMs;
    if (!error.retryable || retries >= policy.maxRetries || waitTooLong) throw error;
    const delay =
      error.retryAfterMs ??
      computeBackoffMs(retries, {
        baseMs: policy.retryBaseMs,
        maxMs: policy.retryMaxMs,
        random: deps.random,
      });
    retries += 1;
    await deps.sleep(delay, request.signal);
  }
}

async function attemptOnce(
  deps: HttpDeps,
  policy: RetryPolicy,
  request: HttpRequest,
  attempt: number,
): Promise<Outcome> {
  const headers = await request.headers();
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const started = deps.now().getTime();
  let status = 0;
  let response: Response | undefined;
  try {
    response = await deps.fetch(request.url, { method: request.method, headers, body: request.body, signal });
    status = response.status;
    // Reading the whole body (errors too) frees the socket; the timeout covers the read as well.
    const text = await response.text();
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now());
      return { ok: false, error: toHttpError(request.label, status, readErrorBody(text), retryAfterMs) };
    }
    return parseJson(request.label, text);
  } catch (cause) {
    // The body may be half read when the timeout or a reset hits; cancelling releases the connection.
    await response?.body?.cancel().catch(() => undefined);
    if (request.signal?.aborted) throw request.signal.reason;
    return { ok: false, error: toTransportError(request.label, cause, timeout.aborted, policy.timeoutMs) };
  } finally {
    request.onAttempt?.({ status, attempt, durationMs: deps.now().getTime() - started });
  }
}

/** No answer, or a 2xx cut short: the server may have acted on the request. */
function mayHaveBeenProcessed(error: TrueLayerError): boolean {
  return error.code === 'TIMEOUT' || error.code === 'NETWORK' || error.code === 'MALFORMED_RESPONSE';
}

function toAnswerLost(label: string, error: TrueLayerError): TrueLayerError {
  return new TrueLayerError(
    'ANSWER_LOST',
    `TrueLayer's answer was lost (${error.code}) after it may have used the one-time grant we sent, so it was not sent again: try later; if the bank already replaced the token, reconnect the bank. [${label}]`,
    { retryable: false, cause: error },
  );
}

function parseJson(label: string, text: string): Outcome {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    // Usually a body cut short in transit, so it is worth another try.
    const error = new TrueLayerError(
      'MALFORMED_RESPONSE',
      `TrueLayer sent a response that is not valid JSON (likely cut short): it will be retried. [${label}]`,
      { retryable: true },
    );
    return { ok: false, error };
  }
}

function toTransportError(
  label: string,
  cause: unknown,
  timedOut: boolean,
  timeoutMs: number,
): TrueLayerError {
  if (timedOut) {
    return new TrueLayerError(
      'TIMEOUT',
      `TrueLayer did not answer within ${timeoutMs} ms: try again later. [${label}]`,
      {
        retryable: true,
      },
    );
  }
  const code = findErrorCode(cause);
  return new TrueLayerError(
    'NETWORK',
    `Could not reach TrueLayer${code ? ` (${code})` : ''}: check the network, then try again. [${label}]`,
    // undici's errors describe the socket, never the request headers, so they are safe to keep for logs.
    { retryable: true, cause },
  );
}

/** The first `code` (ECONNRESET, UND_ERR_SOCKET...) in an error's cause chain; never the message, which may echo a URL. */
function findErrorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
