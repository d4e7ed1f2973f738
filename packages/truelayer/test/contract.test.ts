import { afterEach, describe, expect, test } from 'vitest';
import type { BankAccount } from '../src/index';
import {
  closeBanks,
  connect,
  createClient,
  createTokenStore,
  DAY_MS,
  lastDays,
  startBank,
} from './sandbox-harness';

// Contract tests: the real client against the sandbox bank over HTTP. They pin down that what the client
// sends is what the bank (and so, as far as we know, TrueLayer) expects. Faults: contract-faults.test.ts.

afterEach(closeBanks);

describe('the OAuth round trip', () => {
  test('the auto-approving auth link redirects with a code that exchanges for working, refreshable tokens', async () => {
    const started = await startBank();
    const client = createClient(started);
    const link = `${client.authLink({ state: 'state-1', nonce: 'nonce-1', providerId: 'mock' })}&sandbox_auto=1`;
    const answer = await fetch(link, { redirect: 'manual' });
    expect(answer.status).toBeGreaterThanOrEqual(300);
    expect(answer.status).toBeLessThan(400);
    const callback = new URL(answer.headers.get('location') ?? '');
    expect(callback.origin + callback.pathname).toBe('http://localhost:3000/callback');
    expect(callback.searchParams.get('state')).toBe('state-1');

    const tokens = await client.exchangeCode(callback.searchParams.get('code') ?? '');
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const accounts = await client.data({ tokens: createTokenStore(client, tokens) }).accounts();
    expect(accounts.length).toBeGreaterThan(0);

    const refreshed = await client.refreshTokens(tokens.refreshToken ?? '');
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    await expect(client.refreshTokens(tokens.refreshToken ?? '')).rejects.toMatchObject({
      code: 'CONSENT_EXPIRED',
    });
  });

  test('extending consent after the user reconfirms gives fresh tokens and a later consent expiry', async () => {
    const started = await startBank();
    const client = createClient(started);
    const tokens = await connect(client, started);
    started.advanceClock(80 * DAY_MS);
    const extended = await client.extendConsent(tokens.refreshToken ?? '', {
      name: 'John Doe',
      email: 'john@example.com',
    });
    expect(extended.refreshToken).not.toBe(tokens.refreshToken);
    expect(extended.consentExpiresAt?.getTime()).toBeGreaterThan(started.now().getTime() + 80 * DAY_MS);
    const data = client.data({ tokens: createTokenStore(client, extended) });
    await expect(data.accounts()).resolves.not.toHaveLength(0);
  });

  test('wrong client credentials are INVALID_CLIENT', async () => {
    const started = await startBank();
    const client = createClient(started, { clientSecret: 'not-the-secret' });
    await expect(client.refreshTokens(started.issueTokens('john').refresh_token)).rejects.toMatchObject({
      code: 'INVALID_CLIENT',
    });
  });
});

describe('reading a connection', () => {
  test('accounts, cards, balances, booked and pending transactions match what the bank holds', async () => {
    const started = await startBank();
    const client = createClient(started);
    const data = client.data({
      tokens: createTokenStore(client, await connect(client, started)),
      psuIp: '203.0.113.9',
    });

    const listed: BankAccount[] = [...(await data.accounts()), ...(await data.cards())];
    const held = started.accountsOf('john');
    expect(listed.map((a) => a.accountId).sort()).toEqual(
      [...held.accounts, ...held.cards].map((a) => a.account_id).sort(),
    );
    expect(listed.some((a) => a.kind === 'card')).toBe(true);

    const range = lastDays(started, 60);
    for (const account of listed) {
      const balance = await data.balance(account.kind, account.accountId);
      expect(Number.isInteger(balance.currentMinor)).toBe(true);
      const booked = await data.transactions(account.kind, account.accountId, range);
      const expected = started.expectedTransactions('john', account.accountId, range);
      expect(booked.map((t) => t.raw)).toEqual(expect.arrayContaining(expected));
      expect(booked).toHaveLength(expected.length);
      for (const tx of booked) {
        expect(tx.status).toBe('booked');
        expect(Math.sign(tx.amountMinor)).toBe(tx.direction === 'DEBIT' ? -1 : 1);
      }
      if (account.kind === 'card') {
        // Issue #16: the sandbox now signs card purchases negative as TrueLayer's own card fixture does (it used to
        // send them positive, and this test pinned that); the client reports them as money out either way.
        const purchases = booked.filter(
          (t) => (t.raw as { amount: number }).amount < 0 && t.direction === 'DEBIT',
        );
        expect(purchases.length).toBeGreaterThan(0);
        expect(purchases.every((t) => t.amountMinor < 0)).toBe(true);
      }
      const pending = await data.pendingTransactions(account.kind, account.accountId);
      expect(pending.every((t) => t.status === 'pending')).toBe(true);
    }
  });

  test('a bank without cards answers an empty card list', async () => {
    const started = await startBank({ cardless: true });
    const client = createClient(started);
    const data = client.data({ tokens: createTokenStore(client, await connect(client, started)) });
    await expect(data.cards()).resolves.toEqual([]);
  });
});
