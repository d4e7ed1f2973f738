import { afterEach, describe, expect, test } from 'vitest';
import { sendJson, startStubServer, type StubServer } from '../test/stub-server';
import type { TrueLayerError } from './errors';
import { sendRequest, type AttemptReport, type HttpDeps, type RetryPolicy } from './send-request';
import { sleepFor } from './sleep';

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const policy: RetryPolicy = { timeoutMs: 2000, maxRetries: 4, retryBaseMs: 500, retryMaxMs: 30_000 };

function createDeps(overrides: Partial<HttpDeps> = {}): HttpDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    fetch: (input, init) => fetch(input, init),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => new Date(),
    sleeps,
    ...overrides,
  };
}

function get(url: string, extra: { signal?: AbortSignal; onAttempt?: (report: AttemptReport) => void } = {}) {
  return {
    label: 'GET /accounts',
    method: 'GET' as const,
    url: `${url}/data/v1/accounts`,
    headers: async () => ({}),
    ...extra,
  };
}

const ok = { results: [], status: 'Succeeded' };

function code(value: string) {
  return expect.objectContaining({ code: value }) as TrueLayerError;
}

describe('when the bank fails transiently', () => {
  test('a 503 is retried with exponential full-jitter backoff until it succeeds', async () => {
    server = await startStubServer((_, res, i) =>
      i < 3 ? sendJson(res, 503, { error: 'provider_error' }) : sendJson(res, 200, ok),
    );
    const deps = createDeps();
    await expect(sendRequest(deps, policy, get(server.url))).resolves.toEqual(ok);
    expect(deps.sleeps).toEqual([250, 500, 1000]);
  });

  test('backoff delays never exceed retryMaxMs', async () => {
    server = await startStubServer((_, res, i) => (i < 4 ? sendJson(res, 504, {}) : sendJson(res, 200, ok)));
    const deps = createDeps({ random: () => 0.999 });
    await sendRequest(deps, { ...policy, retryMaxMs: 1000 }, get(server.url));
    expect(deps.sleeps).toEqual([499, 999, 999, 999]);
  });

  test('after maxRetries the last error is thrown, still marked retryable for the caller', async () => {
    server = await startStubServer((_, res) => sendJson(res, 500, { error: 'internal_server_error' }));
    const attempts: number[] = [];
    const request = get(server.url, { onAttempt: (report) => attempts.push(report.attempt) });
    await expect(sendRequest(createDeps(), policy, request)).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: true,
      httpStatus: 500,
    });
    expect(attempts).toEqual([1, 2, 3, 4, 5]);
  });

  test('a Retry-After is honoured instead of the backoff', async () => {
    server = await startStubServer((_, res, i) =>
      i === 0
        ? sendJson(res, 429, { error: 'provider_too_many_requests' }, { 'Retry-After': '2' })
        : sendJson(res, 200, ok),
    );
    const deps = createDeps();
    await sendRequest(deps, policy, get(server.url));
    expect(deps.sleeps).toEqual([2000]);
  });

  test('a Retry-After longer than retryMaxMs is not slept: RATE_LIMITED comes back at once with the wait', async () => {
    server = await startStubServer((_, res) =>
      sendJson(res, 429, { error: 'provider_too_many_requests' }, { 'Retry-After': '3600' }),
    );
    const deps = createDeps();
    await expect(sendRequest(deps, policy, get(server.url))).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 3_600_000,
    });
    expect(deps.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  test('a body cut short in transit is retried as MALFORMED_RESPONSE', async () => {
    server = await startStubServer((_, res, i) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(i === 0 ? '{"results":[{"account_id":' : JSON.stringify(ok));
    });
    await expect(sendRequest(createDeps(), policy, get(server.url))).resolves.toEqual(ok);
    expect(server.requests).toHaveLength(2);
  });

  test('a body that is never valid JSON ends as MALFORMED_RESPONSE', async () => {
    server = await startStubServer((_, res) => res.end('<html>gateway</html>'));
    await expect(sendRequest(createDeps(), { ...policy, maxRetries: 1 }, get(server.url))).rejects.toThrow(
      code('MALFORMED_RESPONSE'),
    );
  });
});

describe('when the request is wrong or refused', () => {
  test.each([
    [400, 'invalid_date_range', 'VALIDATION'],
    [403, 'sca_exceeded', 'SCA_EXCEEDED'],
    [403, 'access_denied', 'CONSENT_EXPIRED'],
    [404, 'account_not_found', 'NOT_FOUND'],
    [501, 'endpoint_not_supported', 'NOT_SUPPORTED'],
  ])('HTTP %s %s is never retried', async (status, error, expected) => {
    server = await startStubServer((_, res) => sendJson(res, status, { error }));
    const deps = createDeps();
    await expect(sendRequest(deps, policy, get(server.url))).rejects.toThrow(code(expected));
    expect(server.requests).toHaveLength(1);
    expect(deps.sleeps).toEqual([]);
  });
});

describe('when the network fails', () => {
  test('a response that never comes is a TIMEOUT, reported with status 0', async () => {
    server = await startStubServer(() => undefined);
    const statuses: number[] = [];
    const request = get(server.url, { onAttempt: (report) => statuses.push(report.status) });
    await expect(
      sendRequest(createDeps(), { ...policy, timeoutMs: 50, maxRetries: 1 }, request),
    ).rejects.toMatchObject({
      code: 'TIMEOUT',
      retryable: true,
    });
    expect(statuses).toEqual([0, 0]);
  });

  test('a body that stalls halfway is a TIMEOUT too', async () => {
    server = await startStubServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"results":[');
    });
    await expect(
      sendRequest(createDeps(), { ...policy, timeoutMs: 50, maxRetries: 0 }, get(server.url)),
    ).rejects.toThrow(code('TIMEOUT'));
  });

  test('a reset connection is a NETWORK error, retried', async () => {
    server = await startStubServer((_, res, i) => (i === 0 ? res.socket?.destroy() : sendJson(res, 200, ok)));
    await expect(sendRequest(createDeps(), policy, get(server.url))).resolves.toEqual(ok);
    expect(server.requests).toHaveLength(2);
  });

  test('a refused connection is a NETWORK error naming the cause', async () => {
    const closed = await startStubServer(() => undefined);
    await closed.close();
    const error = sendRequest(createDeps(), { ...policy, maxRetries: 0 }, get(closed.url));
    await expect(error).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringContaining('ECONNREFUSED') as string,
    });
  });
});

describe('when the caller aborts', () => {
  test('an abort while waiting for the response throws the signal reason at once', async () => {
    server = await startStubServer(() => undefined);
    const reason = new Error('shutting down');
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 30);
    const started = Date.now();
    await expect(
      sendRequest(createDeps(), policy, get(server.url, { signal: controller.signal })),
    ).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('an abort while sleeping between retries throws the signal reason at once', async () => {
    server = await startStubServer((_, res) => sendJson(res, 503, {}));
    const controller = new AbortController();
    const reason = new Error('job cancelled');
    const deps = createDeps({ sleep: sleepFor, random: () => 1 });
    const request = get(server.url, {
      signal: controller.signal,
      onAttempt: () => setTimeout(() => controller.abort(reason), 20),
    });
    const started = Date.now();
    await expect(
      sendRequest(deps, { ...policy, retryBaseMs: 60_000, retryMaxMs: 60_000 }, request),
    ).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    server = await startStubServer((_, res) => sendJson(res, 200, ok));
    const reason = new Error('already gone');
    await expect(
      sendRequest(createDeps(), policy, get(server.url, { signal: AbortSignal.abort(reason) })),
    ).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});
