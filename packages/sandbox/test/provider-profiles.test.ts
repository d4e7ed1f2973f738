import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiTransaction, SandboxBank } from '../src/index';
import { PROFILE_NAMES } from '../src/index';
import { authLinkFor, getData, postForm, REDIRECT, startBank } from './sandbox-client';

// Issue #16: provider profiles, the quirks of real banks, chosen per connection.

let bank: SandboxBank;
beforeAll(async () => {
  bank = await startBank();
});
afterAll(() => bank.close());

const PSU = { psuIp: '10.0.0.1' };
const ZONE = /(Z|[+-]\d{2}:?\d{2})$/;
const lastMonth = 'from=2026-05-01&to=2026-06-03';

function cardOf(user: string): string {
  const card = bank.accountsOf(user).cards[0]?.account_id;
  if (!card) throw new Error(`${user} has no card`);
  return card;
}

describe('provider profiles', () => {
  test('the consent page offers every profile, and the one picked shapes the connection', async () => {
    const html = await (await fetch(authLinkFor(bank, { user: 'pat' }))).text();
    for (const name of PROFILE_NAMES) expect(html).toContain(`value="${name}"`);

    const answer = await fetch(`${bank.authUrl}/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        response_type: 'code',
        client_id: bank.clientId,
        redirect_uri: REDIRECT,
        scope: 'info accounts balance cards transactions offline_access',
        user: 'pat',
        profile: 'charge-card',
        decision: 'allow',
      }),
    });
    const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const tokens = await postForm(`${bank.authUrl}/connect/token`, {
      grant_type: 'authorization_code',
      client_id: bank.clientId,
      client_secret: bank.clientSecret,
      redirect_uri: REDIRECT,
      code,
    });
    const accounts = await getData(bank, tokens.body.access_token ?? '', '/accounts', PSU);
    expect(accounts.status).toBe(501);
  });

  test('an unknown profile is refused', async () => {
    const response = await fetch(authLinkFor(bank, { sandbox_profile: 'nonsense' }));
    expect(response.status).toBe(400);
  });

  test('charge-card: /accounts 501 (TrueLayer`s error body, no error_details), cards typeless and zone-less', async () => {
    const token = bank.issueTokens('cc', 'charge-card').access_token;
    const accounts = await getData(bank, token, '/accounts', PSU);
    expect(accounts.status).toBe(501);
    expect(accounts.body).toEqual({ error: 'endpoint_not_supported', error_description: expect.any(String) });
    const card = cardOf('cc');
    const items = await getData<ApiTransaction>(bank, token, `/cards/${card}/transactions?${lastMonth}`, PSU);
    expect(items.status).toBe(200);
    expect(items.body.results.length).toBeGreaterThan(0);
    for (const item of items.body.results) {
      expect(item).not.toHaveProperty('transaction_type');
      expect(item.timestamp).not.toMatch(ZONE);
    }
    // TrueLayer's card sign: money out negative, the payment to the card positive.
    const payments = items.body.results.filter((i) => i.description === 'PAYMENT RECEIVED - THANK YOU');
    expect(payments.every((i) => i.amount > 0)).toBe(true);
    const me = await getData<{ provider: { provider_id: string }; consent_expires_at: string }>(
      bank,
      token,
      '/me',
      PSU,
    );
    expect(me.body.results[0]?.provider.provider_id).toBe('mock-charge-card');
    expect(me.body.results[0]?.consent_expires_at).not.toMatch(ZONE);
    const balance = await getData<Record<string, string>>(bank, token, `/cards/${card}/balance`, PSU);
    expect(balance.body.results[0]?.last_statement_date).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00$/);
  });

  test('no-pending: pending answers 501, booked history is there', async () => {
    const token = bank.issueTokens('np', 'no-pending').access_token;
    const current = bank.accountsOf('np').accounts[0]?.account_id ?? '';
    expect((await getData(bank, token, `/accounts/${current}/transactions/pending`, PSU)).status).toBe(501);
    expect((await getData(bank, token, `/accounts/${current}/transactions?${lastMonth}`, PSU)).status).toBe(
      200,
    );
  });

  test('changing-ids: a pending item is listed under other provider ids than its booked self', async () => {
    const own = await startBank();
    try {
      const token = own.issueTokens('ci', 'changing-ids').access_token;
      const current = own.accountsOf('ci').accounts[0]?.account_id ?? '';
      const pending = (
        await getData<ApiTransaction>(own, token, `/accounts/${current}/transactions/pending`, PSU)
      ).body.results;
      expect(pending.length).toBeGreaterThan(0);
      own.advanceClock(5 * 86_400_000);
      const booked = own.expectedTransactions('ci', current, { from: '2026-05-25' }, 'changing-ids');
      const same = pending.filter((p) =>
        booked.some((b) => b.description === p.description && b.amount === p.amount),
      );
      expect(same.length).toBeGreaterThan(0);
      const bookedIds = new Set(
        booked.flatMap((b) => [b.normalised_provider_transaction_id, b.provider_transaction_id]),
      );
      for (const p of pending) {
        if (p.normalised_provider_transaction_id)
          expect(bookedIds.has(p.normalised_provider_transaction_id)).toBe(false);
        if (p.provider_transaction_id) expect(bookedIds.has(p.provider_transaction_id)).toBe(false);
      }
    } finally {
      await own.close();
    }
  });

  test('access tokens carry TrueLayer`s JWT claims', () => {
    const token = bank.issueTokens('jwt').access_token;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    for (const claim of [
      'amr',
      'aud',
      'auth_time',
      'client_id',
      'connector_id',
      'credentials_key',
      'exp',
      'idp',
      'iss',
      'nbf',
      'scope',
      'sub',
    ])
      expect(claims).toHaveProperty(claim);
  });
});
