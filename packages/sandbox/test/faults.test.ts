import { afterEach, describe, expect, test } from 'vitest';
import type { SandboxBank, SandboxOptions } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

const PSU = { psuIp: '203.0.113.9' };
let bank: SandboxBank;

afterEach(() => bank.close());

async function startWith(options: SandboxOptions) {
  bank = await startBank(options);
  return { token: bank.issueTokens().access_token, ids: idsOf(bank) };
}

describe('injected faults', () => {
  test('rate5xx answers 500 internal_server_error, 503 provider_error or 504 provider_timeout', async () => {
    const { token } = await startWith({ faults: { rate5xx: 1 } });
    const seen = new Set<string>();
    for (let call = 0; call < 30; call += 1) {
      const { status, body } = await getData(bank, token, '/accounts', PSU);
      seen.add(`${status} ${body.error}`);
    }
    expect(seen).toEqual(
      new Set(['500 internal_server_error', '503 provider_error', '504 provider_timeout']),
    );
  });

  test('rate429 answers 429 with Retry-After: retryAfterSeconds', async () => {
    const { token } = await startWith({ faults: { rate429: 1, retryAfterSeconds: 7 } });
    const { status, headers, body } = await getData(bank, token, '/accounts', PSU);
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('7');
    expect(body.error).toBe('provider_request_limit_exceeded');
  });

  test('rateTimeout holds the response until the client gives up', async () => {
    const { token } = await startWith({ faults: { rateTimeout: 1 } });
    await expect(
      getData(bank, token, '/accounts', { ...PSU, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(bank.stats().byStatus).toEqual({ timeout: 1 });
  });

  test('a held response ends in 504 provider_timeout after timeoutMs', async () => {
    const { token } = await startWith({ faults: { rateTimeout: 1, timeoutMs: 20 } });
    const { status, body } = await getData(bank, token, '/accounts', PSU);
    expect(status).toBe(504);
    expect(body.error).toBe('provider_timeout');
  });

  test('close() ends responses that are being held', async () => {
    const { token } = await startWith({ faults: { rateTimeout: 1 } });
    const held = getData(bank, token, '/accounts', PSU);
    await expect.poll(() => bank.stats().total).toBe(1);
    await bank.close();
    await expect(held).rejects.toThrow();
  });

  test('rateReset destroys the connection', async () => {
    const { token } = await startWith({ faults: { rateReset: 1 } });
    await expect(getData(bank, token, '/accounts', PSU)).rejects.toThrow();
    expect(bank.stats().byStatus).toEqual({ reset: 1 });
  });

  test('rateMalformed sends a truncated JSON body with 200', async () => {
    const { token } = await startWith({ faults: { rateMalformed: 1 } });
    const response = await fetch(`${bank.apiUrl}/accounts`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(text.startsWith('{"results":[')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  test('failingAccounts always answer their status and error, other accounts are fine', async () => {
    const { token, ids } = await startWith({});
    bank.setFaults({ failingAccounts: { [ids.savings]: { status: 503, error: 'temporarily_unavailable' } } });
    for (let call = 0; call < 3; call += 1) {
      const { status, body } = await getData(bank, token, `/accounts/${ids.savings}/transactions`, PSU);
      expect(status).toBe(503);
      expect(body.error).toBe('temporarily_unavailable');
    }
    expect((await getData(bank, token, `/accounts/${ids.current}/balance`, PSU)).status).toBe(200);
  });

  test('latency holds every data response', async () => {
    const { token } = await startWith({ latency: { fixedMs: 60_000, jitterMs: 0 } });
    await expect(
      getData(bank, token, '/accounts', { ...PSU, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
  });

  test('fault decisions are reproducible per seed yet vary between requests', async () => {
    const statusesOf = async (seed: number) => {
      const { token } = await startWith({ seed, faults: { rate5xx: 0.3, rate429: 0.2 } });
      const statuses: number[] = [];
      for (let call = 0; call < 40; call += 1) statuses.push((await getData(bank, token, '/me', PSU)).status);
      await bank.close();
      return statuses;
    };
    const first = await statusesOf(11);
    const again = await statusesOf(11);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(2);
  });

  test('setFaults changes the knobs at run time', async () => {
    const { token } = await startWith({});
    expect((await getData(bank, token, '/me', PSU)).status).toBe(200);
    bank.setFaults({ rate5xx: 1 });
    expect((await getData(bank, token, '/me', PSU)).status).toBeGreaterThanOrEqual(500);
    bank.setFaults({ rate5xx: 0 });
    expect((await getData(bank, token, '/me', PSU)).status).toBe(200);
  });
});

describe('stats', () => {
  test('count every data request by endpoint template, status and account, faulted ones included', async () => {
    const { token, ids } = await startWith({});
    await getData(bank, token, '/accounts', PSU);
    await getData(bank, token, `/accounts/${ids.current}/transactions`, PSU);
    await getData(bank, token, `/accounts/${ids.current}/transactions`);
    await getData(bank, 'bad-token', `/cards/${ids.card}`);
    bank.setFaults({ rate5xx: 1 });
    await getData(bank, token, `/cards/${ids.card}/balance`, PSU);
    const stats = bank.stats();
    expect(stats.total).toBe(5);
    expect(stats.byEndpoint).toEqual({
      '/accounts': 1,
      '/accounts/{id}/transactions': 2,
      '/cards/{id}': 1,
      '/cards/{id}/balance': 1,
    });
    expect(stats.byStatus['200']).toBe(3);
    expect(stats.byStatus['401']).toBe(1);
    expect(stats.byAccount[ids.current]).toEqual({ attended: 1, unattended: 1 });
    expect(stats.byAccount[ids.card]).toEqual({ attended: 1, unattended: 1 });
    bank.resetStats();
    expect(bank.stats()).toEqual({ total: 0, byEndpoint: {}, byStatus: {}, byAccount: {} });
  });
});
