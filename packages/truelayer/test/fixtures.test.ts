import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { isUnsupported } from '../src/errors';
import { createTrueLayerClient } from '../src/truelayer-client';
import { sendJson, startStubServer, type StubServer } from './stub-server';
import { createTestConfig } from './test-config';

// Real-shaped answers (fixtures/real, sources in SOURCES.md) through the real client over HTTP: each endpoint the
// client calls, parsed into the rows we store (direction, minor units, calendar date).

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/real/${name}`, import.meta.url), 'utf8'));

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose every call to `path` (without query) answers the fixture `routes[path]` (or [status, file]). */
async function clientFor(routes: Record<string, string | [number, string]>) {
  server = await startStubServer((request, response) => {
    const path = request.path.split('?')[0] ?? '';
    const route = routes[path.replace('/data/v1', '')];
    if (route === undefined) return sendJson(response, 404, { error: 'not_found' });
    const [status, name] = typeof route === 'string' ? [200, route] : route;
    sendJson(response, status, fixture(name));
  });
  const client = createTrueLayerClient(createTestConfig(server.url), {
    sleep: async () => undefined,
    random: () => 0,
  });
  return client.data({ tokens: { current: async () => 'token', refresh: async () => 'token' } });
}

const range = { from: '2017-01-01', to: '2017-03-31' };

describe('TrueLayer answers as published, read by the client', () => {
  test('/me without consent_expires_at, and with a zone-less one read as UTC (not this machine`s zone)', async () => {
    expect(await (await clientFor({ '/me': 'me.json' })).me()).toEqual({
      credentialsId: '6L7RxyPKX0THy1tw93PB4V+ 8DB+KjnX9Pxa451yXPu0=',
      providerId: 'mock',
      providerName: 'Mock',
      consentExpiresAt: null,
    });
    const me = await (await clientFor({ '/me': 'me-zoneless-consent.json' })).me();
    expect(me.providerName).toBe('ob-lloyds');
    expect(me.consentExpiresAt?.toISOString()).toBe('2026-03-01T10:15:30.123Z');
  });

  test('/accounts: a garbled update_timestamp and an unknown type do not sink the list', async () => {
    const accounts = await (await clientFor({ '/accounts': 'accounts.json' })).accounts();
    expect(accounts.map((a) => [a.accountId, a.accountType, a.displayName, a.maskedNumber])).toEqual([
      ['f1234560abf9f57287637624def390871', 'TRANSACTION', 'Club Lloyds', '1234'],
      ['f1234560abf9f57287637624def390872', 'SAVING', 'Club Lloyds', '1235'],
    ]);
  });

  test('/accounts without display_name: named from type and masked number; unknown keys ignored', async () => {
    const accounts = await (await clientFor({ '/accounts': 'accounts-without-names.json' })).accounts();
    expect(accounts).toEqual([
      expect.objectContaining({
        displayName: 'Current account ••6819',
        currency: 'GBP',
        providerName: 'lloyds',
      }),
      expect.objectContaining({ displayName: 'Savings account', maskedNumber: null, currency: 'GBP' }),
    ]);
  });

  test('/accounts/{id}/balance', async () => {
    const data = await clientFor({ '/accounts/a1/balance': 'account-balance.json' });
    expect(await data.balance('account', 'a1')).toMatchObject({
      currency: 'GBP',
      currentMinor: 116120,
      availableMinor: 116120,
      lastStatementDate: null,
    });
  });

  test('/accounts/{id}/transactions: any letter case, zone-less and long-fraction timestamps, meta kept', async () => {
    const rows = await (
      await clientFor({ '/accounts/a1/transactions': 'account-transactions.json' })
    ).transactions('account', 'a1', range);
    expect(rows.map((r) => [r.bookingDate, r.amountMinor, r.direction, r.directionRule, r.payee])).toEqual([
      ['2017-01-14', -1000, 'DEBIT', 'transaction_type', 'PAYPAL EBAY'],
      ['2017-02-01', 77, 'CREDIT', 'transaction_type', 'INTEREST (GROSS)'],
      ['2017-01-30', -3393, 'DEBIT', 'transaction_type', 'THAMES WATER'],
      ['2017-01-03', 1234567, 'CREDIT', 'transaction_type', 'ACME LIMITED'],
      // 23:30 at +01:00 is the 6th in the bank's calendar, whatever UTC says.
      ['2018-03-06', -299, 'DEBIT', 'transaction_type', 'Google play'],
      ['2018-03-07', -2340, 'DEBIT', 'transaction_type', 'Tesco Stores'],
    ]);
    const play = rows[4];
    expect(play).toMatchObject({
      normalisedProviderId: 'txn-5e2b1f9c3a7d4e8b',
      providerTransactionId: '7f3b0b6a-PROVIDER',
      merchantName: 'Google play',
      classification: ['Entertainment', 'Games'],
      // running_balance without currency: the transaction's currency applies
      runningBalanceMinor: 123860,
      meta: {
        providerCategory: 'DEB',
        counterparty: 'Google Ireland',
        reference: 'GPLAY-4471',
        providerMerchantName: 'GOOGLE*PLAY',
      },
    });
    expect(play?.meta.entries).toMatchObject({
      transaction_time: '2018-03-06T23:29:41',
      bank_transaction_id: '9882ks-00js',
    });
    expect(play?.meta.entries).not.toHaveProperty('nested_detail');
    expect(rows[0]?.meta.providerCategory).toBe('DEB');
  });

  test('/accounts/{id}/transactions/pending', async () => {
    const data = await clientFor({
      '/accounts/a1/transactions/pending': 'account-transactions-pending.json',
    });
    expect(await data.pendingTransactions('account', 'a1')).toEqual([
      expect.objectContaining({
        status: 'pending',
        bookingDate: '2018-03-08',
        amountMinor: -710,
        payee: 'TFL TRAVEL CH',
      }),
    ]);
  });

  test('/cards: a charge card without display_name is named from its type and last four digits', async () => {
    const cards = await (await clientFor({ '/cards': 'cards.json' })).cards();
    expect(cards.map((c) => [c.kind, c.accountType, c.displayName, c.maskedNumber])).toEqual([
      ['card', 'CREDIT', 'Club Credit Card', '0044'],
      ['card', 'CHARGE', 'Charge card ••0055', '0055'],
    ]);
  });

  test('/cards/{id}/balance: zone-less statement dates keep their calendar date', async () => {
    const data = await clientFor({ '/cards/c1/balance': 'card-balance.json' });
    expect(await data.balance('card', 'c1')).toEqual({
      currency: 'GBP',
      availableMinor: 547900,
      currentMinor: 2100,
      overdraftMinor: null,
      creditLimitMinor: 550000,
      lastStatementBalanceMinor: 42000,
      lastStatementDate: '2017-10-02',
      paymentDueMinor: 500,
      paymentDueDate: '2017-11-01',
      updatedAt: '2017-10-12T07:17:54.8144949Z',
    });
  });

  test('/cards/{id}/transactions without transaction_type: the sign decides, and the row says so', async () => {
    const rows = await (
      await clientFor({ '/cards/c1/transactions': 'card-transactions.json' })
    ).transactions('card', 'c1', range);
    expect(rows.map((r) => [r.bookingDate, r.amountMinor, r.direction, r.directionRule, r.payee])).toEqual([
      ['2017-10-06', -8500, 'DEBIT', 'amount_sign', 'ATM'],
      ['2017-10-06', -8500, 'DEBIT', 'amount_sign', 'ATM'],
      ['2017-10-09', -70000, 'DEBIT', 'amount_sign', 'Rent'],
      ['2017-10-09', -2499, 'DEBIT', 'amount_sign', 'Energy'],
      ['2017-10-11', 1250, 'CREDIT', 'amount_sign', 'Amazon'],
    ]);
    expect(rows[0]?.meta.entries).toEqual({ type: 'Cash Point' });
  });

  test('/cards/{id}/transactions with transaction_type: the type decides whatever the sign', async () => {
    const rows = await (
      await clientFor({ '/cards/c1/transactions': 'card-transactions-typed.json' })
    ).transactions('card', 'c1', range);
    expect(rows.map((r) => [r.amountMinor, r.direction, r.directionRule])).toEqual([
      [-2499, 'DEBIT', 'transaction_type'],
      [15000, 'CREDIT', 'transaction_type'],
    ]);
  });

  test('/cards/{id}/transactions/pending', async () => {
    const data = await clientFor({ '/cards/c1/transactions/pending': 'card-transactions-pending.json' });
    expect(await data.pendingTransactions('card', 'c1')).toEqual([
      expect.objectContaining({
        bookingDate: '2017-10-12',
        amountMinor: -1845,
        direction: 'DEBIT',
        directionRule: 'amount_sign',
      }),
    ]);
  });

  test('an unreadable item fails the whole response with a typed error naming the field', async () => {
    const data = await clientFor({ '/cards/c1/transactions': 'unreadable-card-transactions.json' });
    const failure = data.transactions('card', 'c1', range);
    await expect(failure).rejects.toMatchObject({ name: 'TrueLayerError', code: 'MALFORMED_RESPONSE' });
    await expect(failure).rejects.toThrow(/results\.1\.amount/);
  });

  test('an unknown transaction_type is unreadable, not guessed', async () => {
    server = await startStubServer((_request, response) =>
      sendJson(response, 200, {
        results: [
          {
            transaction_id: 't',
            timestamp: '2024-01-01',
            description: 'X',
            amount: 1,
            currency: 'GBP',
            transaction_type: 'SIDEWAYS',
          },
        ],
      }),
    );
    const data = createTrueLayerClient(createTestConfig(server.url), { sleep: async () => undefined }).data({
      tokens: { current: async () => 't', refresh: async () => 't' },
    });
    await expect(data.transactions('account', 'a1', range)).rejects.toThrow(/results\.0\.transaction_type/);
  });

  test('501 endpoint_not_supported without error_details is a capability, not a failure', async () => {
    const data = await clientFor({ '/accounts': [501, 'error-endpoint-not-supported.json'] });
    const error = await data.accounts().catch((e: unknown) => e);
    expect(isUnsupported(error)).toBe(true);
    expect(error).toMatchObject({ code: 'NOT_SUPPORTED', providerError: 'endpoint_not_supported' });
  });
});
