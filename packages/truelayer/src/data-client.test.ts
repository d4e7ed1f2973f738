import { afterEach, describe, expect, test, vi } from 'vitest';
import { sendJson, startStubServer, type StubServer } from '../test/stub-server';
import { createTestConfig } from '../test/test-config';
import { TrueLayerError } from './errors';
import { createTrueLayerClient } from './truelayer-client';
import type { AccessTokenSource, CallRecord, DataClientOptions } from './types';

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const provider = { provider_id: 'mock', display_name: 'MOCK' };
const account = {
  account_id: 'acc/1',
  account_type: 'TRANSACTION',
  display_name: 'Current Account',
  currency: 'GBP',
  account_number: { iban: 'GB29 NWBK 6016 1331 9268 19', number: '31926819', sort_code: '60-16-13' },
  provider,
};
const card = {
  account_id: 'card-1',
  card_network: 'VISA',
  card_type: 'CREDIT',
  display_name: 'Club Card',
  currency: 'GBP',
  partial_card_number: '0044',
  provider,
};
const purchase = {
  transaction_id: 'tx-9',
  timestamp: '2024-03-01T00:00:00Z',
  description: 'COFFEE',
  amount: 3.2,
  currency: 'GBP',
  transaction_type: 'DEBIT',
  transaction_category: 'PURCHASE',
  transaction_classification: [],
};

const results = (items: unknown[]) => ({ results: items, status: 'Succeeded' });

function staticTokens(token = 'token-A'): AccessTokenSource & { refreshes: string[] } {
  const refreshes: string[] = [];
  return {
    refreshes,
    current: async () => token,
    refresh: async (stale) => {
      refreshes.push(stale);
      return 'token-B';
    },
  };
}

async function createClient(
  routes: (path: string, auth: string | undefined, index: number) => [number, unknown],
) {
  server = await startStubServer((request, response, index) => {
    const [status, body] = routes(request.path, request.headers.authorization, index);
    sendJson(response, status, body);
  });
  const client = createTrueLayerClient(createTestConfig(server.url), {
    sleep: async () => undefined,
    random: () => 0,
  });
  const calls: CallRecord[] = [];
  const data = (options: Partial<DataClientOptions> = {}) =>
    client.data({ tokens: staticTokens(), onCall: (call) => calls.push(call), ...options });
  return { server, data, calls };
}

describe('the data client', () => {
  test('background calls send the bearer token, no X-PSU-IP, and are reported unattended', async () => {
    const { server, data, calls } = await createClient(() => [200, results([account])]);
    await data().accounts();
    expect(server.requests[0]).toMatchObject({
      path: '/data/v1/accounts',
      headers: { authorization: 'Bearer token-A' },
    });
    expect(server.requests[0]?.headers['x-psu-ip']).toBeUndefined();
    expect(calls).toEqual([
      {
        endpoint: '/accounts',
        accountId: null,
        attended: false,
        status: 200,
        rateLimited: false,
        attempt: 1,
        durationMs: expect.any(Number),
      },
    ]);
  });

  test('calls made for a present user send X-PSU-IP and are reported attended', async () => {
    const { server, data, calls } = await createClient(() => [200, results([account])]);
    await data({ psuIp: '203.0.113.7' }).accounts();
    expect(server.requests[0]?.headers['x-psu-ip']).toBe('203.0.113.7');
    expect(calls[0]?.attended).toBe(true);
  });

  test('every attempt is reported with the endpoint template and the account id', async () => {
    const { data, calls } = await createClient((_, __, i) =>
      i === 0 ? [429, { error: 'provider_too_many_requests' }] : [200, results([purchase])],
    );
    await data().transactions('account', 'acc/1', { from: '2024-03-01', to: '2024-03-31' });
    expect(
      calls.map(({ endpoint, accountId, status, rateLimited, attempt }) => ({
        endpoint,
        accountId,
        status,
        rateLimited,
        attempt,
      })),
    ).toEqual([
      {
        endpoint: '/accounts/{id}/transactions',
        accountId: 'acc/1',
        status: 429,
        rateLimited: true,
        attempt: 1,
      },
      {
        endpoint: '/accounts/{id}/transactions',
        accountId: 'acc/1',
        status: 200,
        rateLimited: false,
        attempt: 2,
      },
    ]);
  });

  test('accounts carry the last four of the IBAN and the provider', async () => {
    const { data } = await createClient(() => [200, results([account])]);
    expect(await data().accounts()).toEqual([
      {
        kind: 'account',
        accountId: 'acc/1',
        accountType: 'TRANSACTION',
        displayName: 'Current Account',
        currency: 'GBP',
        maskedNumber: '6819',
        providerId: 'mock',
        providerName: 'MOCK',
      },
    ]);
  });

  test('cards carry their type and partial card number', async () => {
    const { data } = await createClient(() => [200, results([card])]);
    expect(await data().cards()).toMatchObject([
      { kind: 'card', accountId: 'card-1', accountType: 'CREDIT', maskedNumber: '0044' },
    ]);
  });

  test('a bank without cards answers an empty list', async () => {
    const { data } = await createClient(() => [501, { error: 'endpoint_not_supported' }]);
    await expect(data().cards()).resolves.toEqual([]);
  });

  test('balances come back in minor units from the card balance endpoint', async () => {
    const balance = {
      currency: 'GBP',
      current: 120.5,
      available: 879.5,
      credit_limit: 1000,
      update_timestamp: '2024-03-01T10:00:00Z',
    };
    const { server, data } = await createClient(() => [200, results([balance])]);
    expect(await data().balance('card', 'card-1')).toEqual({
      currency: 'GBP',
      currentMinor: 12050,
      availableMinor: 87950,
      overdraftMinor: null,
      creditLimitMinor: 100000,
      // Added by issue #16: card statement fields, null when the bank does not send them.
      lastStatementBalanceMinor: null,
      lastStatementDate: null,
      paymentDueMinor: null,
      paymentDueDate: null,
      updatedAt: '2024-03-01T10:00:00Z',
    });
    expect(server.requests[0]?.path).toBe('/data/v1/cards/card-1/balance');
  });

  test('booked transactions are asked for by date window with the account id escaped', async () => {
    const { server, data } = await createClient(() => [200, results([purchase])]);
    const [tx] = await data().transactions('card', 'acc/1', { from: '2024-03-01', to: '2024-03-31' });
    expect(server.requests[0]?.path).toBe(
      '/data/v1/cards/acc%2F1/transactions?from=2024-03-01&to=2024-03-31',
    );
    expect(tx).toMatchObject({ status: 'booked', amountMinor: -320, bookingDate: '2024-03-01' });
  });

  test('pending transactions come from their own endpoint and are marked pending', async () => {
    const { server, data } = await createClient(() => [200, results([purchase])]);
    const [tx] = await data().pendingTransactions('account', 'acc-2');
    expect(server.requests[0]?.path).toBe('/data/v1/accounts/acc-2/transactions/pending');
    expect(tx?.status).toBe('pending');
  });

  test('a window longer than maxWindowDays is refused before any call', async () => {
    const { server, data } = await createClient(() => [200, results([])]);
    await expect(
      data().transactions('account', 'a', { from: '2024-01-01', to: '2024-03-31' }),
    ).rejects.toThrow(/splitDateRange/);
    expect(server.requests).toHaveLength(0);
  });

  test('/me gives the provider and the consent expiry when sent', async () => {
    const me = {
      client_id: 'sandbox-test',
      credentials_id: 'cred-1',
      provider,
      consent_expires_at: '2024-06-01T00:00:00Z',
    };
    const { data } = await createClient(() => [200, results([me])]);
    expect(await data().me()).toEqual({
      credentialsId: 'cred-1',
      providerId: 'mock',
      providerName: 'MOCK',
      consentExpiresAt: new Date('2024-06-01T00:00:00Z'),
    });
  });
});

describe('when the access token has expired', () => {
  test('the token is refreshed once and the call repeated with the new token', async () => {
    const { server, data, calls } = await createClient((_, auth) =>
      auth === 'Bearer token-B' ? [200, results([account])] : [401, { error: 'invalid_token' }],
    );
    const tokens = staticTokens();
    await expect(data({ tokens }).accounts()).resolves.toHaveLength(1);
    expect(tokens.refreshes).toEqual(['token-A']);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-A', 'Bearer token-B']);
    expect(calls.map((c) => [c.status, c.attempt])).toEqual([
      [401, 1],
      [200, 2],
    ]);
  });

  test('a second 401 after refreshing is INVALID_TOKEN, without refreshing again', async () => {
    const { data } = await createClient(() => [401, { error: 'invalid_token' }]);
    const tokens = staticTokens();
    const failure = data({ tokens }).accounts();
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_TOKEN', httpStatus: 401 });
    expect(tokens.refreshes).toHaveLength(1);
  });

  test('a refresh that fails with expired consent surfaces that error', async () => {
    const { data } = await createClient(() => [401, { error: 'invalid_token' }]);
    const tokens: AccessTokenSource = {
      current: async () => 'token-A',
      refresh: async () => {
        throw new TrueLayerError('CONSENT_EXPIRED', 'reconnect');
      },
    };
    await expect(data({ tokens }).accounts()).rejects.toMatchObject({ code: 'CONSENT_EXPIRED' });
  });

  test('a token store that throws anything else becomes INVALID_TOKEN with the cause kept', async () => {
    const { data } = await createClient(() => [200, results([])]);
    const broken = new Error('database is locked');
    const tokens: AccessTokenSource = { current: vi.fn().mockRejectedValue(broken), refresh: vi.fn() };
    await expect(data({ tokens }).accounts()).rejects.toMatchObject({ code: 'INVALID_TOKEN', cause: broken });
  });

  test('no error message ever contains the token', async () => {
    const { data } = await createClient(() => [
      401,
      { error: 'invalid_token', error_description: 'bad token' },
    ]);
    const error = (await data()
      .accounts()
      .catch((e: unknown) => e)) as TrueLayerError;
    expect(error.message).not.toMatch(/token-A|token-B|client-secret-value/);
  });
});
