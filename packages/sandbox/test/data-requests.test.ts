import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiTransaction, SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

const PSU = { psuIp: '203.0.113.9' };

let bank: SandboxBank;
let token: string;
let ids: { current: string; savings: string; card: string };

beforeAll(async () => {
  bank = await startBank();
  token = bank.issueTokens('john').access_token;
  ids = idsOf(bank);
});
afterAll(() => bank.close());

describe('envelopes and headers', () => {
  test.each([
    '/me',
    '/info',
    '/accounts',
    '/accounts/{current}',
    '/accounts/{current}/balance',
    '/accounts/{current}/transactions',
    '/accounts/{current}/transactions/pending',
    '/cards',
    '/cards/{card}',
    '/cards/{card}/balance',
    '/cards/{card}/transactions',
    '/cards/{card}/transactions/pending',
  ])('%s answers a Succeeded envelope with correlation headers', async (template) => {
    const path = template.replace('{current}', ids.current).replace('{card}', ids.card);
    const { status, headers, body } = await getData(bank, token, path, PSU);
    expect(status).toBe(200);
    expect(body.status).toBe('Succeeded');
    expect(Array.isArray(body.results)).toBe(true);
    expect(headers.get('x-tl-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('single items come as one-element arrays', async () => {
    for (const path of [
      '/me',
      '/info',
      `/accounts/${ids.current}`,
      `/accounts/${ids.current}/balance`,
      `/cards/${ids.card}`,
      `/cards/${ids.card}/balance`,
    ]) {
      expect((await getData(bank, token, path, PSU)).body.results).toHaveLength(1);
    }
  });
});

describe('date ranges', () => {
  test('from and to take dates or date-times, inclusive of both days', async () => {
    const byDate = await getData<ApiTransaction>(
      bank,
      token,
      `/accounts/${ids.current}/transactions?from=2026-03-01&to=2026-03-31`,
      PSU,
    );
    const byDateTime = await getData<ApiTransaction>(
      bank,
      token,
      `/accounts/${ids.current}/transactions?from=2026-03-01T00:00:00Z&to=2026-03-31T23:59:59.999%2B00:00`,
      PSU,
    );
    expect(byDateTime.body.results.map((item) => item.provider_transaction_id)).toEqual(
      byDate.body.results.map((item) => item.provider_transaction_id),
    );
    const dates = byDate.body.results.map((item) => item.timestamp.slice(0, 10));
    expect(dates.every((date) => date >= '2026-03-01' && date <= '2026-03-31')).toBe(true);
    expect(dates).toContain('2026-03-01');
  });

  test('from after to, or an unreadable date, is invalid_date_range', async () => {
    for (const query of ['from=2026-03-02&to=2026-03-01', 'from=yesterday', 'to=2026-02-30']) {
      const { status, body } = await getData(
        bank,
        token,
        `/accounts/${ids.current}/transactions?${query}`,
        PSU,
      );
      expect(status).toBe(400);
      expect(body).toEqual({
        error: 'invalid_date_range',
        error_description: expect.any(String),
        // TrueLayer's error body (IError) has no error_details (issue #16; the sandbox used to add one).
      });
    }
  });

  test('a range longer than the history returns just the history', async () => {
    const long = await getData<ApiTransaction>(
      bank,
      token,
      `/accounts/${ids.current}/transactions?from=2010-01-01&to=2030-01-01`,
      PSU,
    );
    const whole = await getData<ApiTransaction>(bank, token, `/accounts/${ids.current}/transactions`, PSU);
    expect(long.status).toBe(200);
    expect(long.body.results).toHaveLength(whole.body.results.length);
    expect(long.body.results.at(-1)?.timestamp.slice(0, 10)).toBe('2024-06-03');
  });
});

describe('errors', () => {
  test('a missing or unknown token is 401 invalid_token', async () => {
    const missing = await fetch(`${bank.apiUrl}/accounts`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'invalid_token' });
    expect((await getData(bank, 'not-a-token', '/accounts')).status).toBe(401);
  });

  test('an unknown account, or a card id on /accounts, is 404 account_not_found', async () => {
    for (const path of [
      '/accounts/nope/transactions',
      `/accounts/${ids.card}`,
      `/cards/${ids.current}/balance`,
    ]) {
      const { status, body } = await getData(bank, token, path, PSU);
      expect(status).toBe(404);
      expect(body.error).toBe('account_not_found');
    }
  });

  test("another user's account is not found either", async () => {
    const other = bank.issueTokens('john2').access_token;
    expect((await getData(bank, other, `/accounts/${ids.current}`, PSU)).status).toBe(404);
  });
});
