import type { FaultKnobsInput } from '@app/sandbox';
import { afterEach, describe, expect, test } from 'vitest';
import { TrueLayerError } from '../src/index';
import type { BankTransaction, CallRecord } from '../src/index';
import { closeBanks, connect, createClient, createTokenStore, lastDays, startBank } from './sandbox-harness';

// Contract tests against the sandbox bank's fault knobs: whatever the bank does, the client answers either the
// fault-free data or a typed TrueLayerError, never anything else.

afterEach(closeBanks);

describe('when the bank misbehaves', () => {
  const knobs = {
    'server errors': { rate5xx: 0.4 },
    'rate limits with a short Retry-After': { rate429: 0.4, retryAfterSeconds: 1 },
    'stalled responses': { rateTimeout: 0.3, timeoutMs: 1000 },
    'connection resets': { rateReset: 0.4 },
    'truncated bodies': { rateMalformed: 0.4 },
    'every fault at once': {
      rate5xx: 0.1,
      rate429: 0.1,
      rateTimeout: 0.05,
      timeoutMs: 1000,
      rateReset: 0.1,
      rateMalformed: 0.1,
    },
  } satisfies Record<string, FaultKnobsInput>;

  test.each(Object.entries(knobs))(
    'with %s, every fetch is exactly the fault-free result or a typed TrueLayerError',
    async (_, faults) => {
      const started = await startBank({ unattendedLimit: null });
      const client = createClient(started, { timeoutMs: 250, maxRetries: 4 });
      const calls: CallRecord[] = [];
      const data = client.data({
        tokens: createTokenStore(client, await connect(client, started)),
        onCall: (call) => calls.push(call),
      });
      const listed = [...(await data.accounts()), ...(await data.cards())];
      const range = lastDays(started, 45);
      const faultFree = new Map<string, BankTransaction[]>();
      for (const account of listed)
        faultFree.set(account.accountId, await data.transactions(account.kind, account.accountId, range));
      calls.length = 0;

      started.setFaults(faults);
      let fetches = 0;
      let succeeded = 0;
      for (let round = 0; round < 6; round += 1) {
        for (const account of listed) {
          fetches += 1;
          const outcome = await data.transactions(account.kind, account.accountId, range).then(
            (transactions) => ({ transactions }),
            (error: unknown) => ({ error }),
          );
          if ('error' in outcome) {
            expect(outcome.error).toBeInstanceOf(TrueLayerError);
          } else {
            succeeded += 1;
            expect(outcome.transactions).toEqual(faultFree.get(account.accountId));
          }
        }
      }
      // The faults really fired (each one costs an extra attempt) and the retries really recovered.
      expect(calls.length).toBeGreaterThan(fetches);
      expect(succeeded).toBeGreaterThan(fetches / 2);
    },
  );

  test('a failing account gives a typed error while the others still read', async () => {
    const started = await startBank();
    const [first, second] = started.accountsOf('john').accounts;
    if (!first || !second) throw new Error('the sandbox gave john fewer than two accounts');
    started.setFaults({
      failingAccounts: { [first.account_id]: { status: 403, error: 'account_temporarily_locked' } },
    });
    const client = createClient(started);
    const data = client.data({
      tokens: createTokenStore(client, await connect(client, started)),
      psuIp: '203.0.113.9',
    });
    const range = lastDays(started, 10);
    await expect(data.transactions('account', first.account_id, range)).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    await expect(data.transactions('account', second.account_id, range)).resolves.toEqual(expect.any(Array));
  });

  test('an error.<code> mock user fails every data call with a typed error', async () => {
    const started = await startBank();
    const client = createClient(started, { maxRetries: 1 });
    const data = client.data({
      tokens: createTokenStore(client, await connect(client, started, 'error.account_permanently_locked')),
    });
    await expect(data.accounts()).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });

  test('access tokens that expire mid-run are refreshed once and the run carries on', async () => {
    const started = await startBank();
    const client = createClient(started);
    const tokens = createTokenStore(client, await connect(client, started));
    const data = client.data({ tokens, psuIp: '203.0.113.9' });
    const [account] = await data.accounts();
    if (!account) throw new Error('no account');
    started.expireAccessTokens();
    await expect(data.transactions('account', account.accountId, lastDays(started, 10))).resolves.toEqual(
      expect.any(Array),
    );
    expect(tokens.refreshes).toBe(1);
  });

  test('expired consent is CONSENT_EXPIRED for data calls and for refreshing', async () => {
    const started = await startBank();
    const client = createClient(started);
    const initial = await connect(client, started);
    started.expireConsent('john');
    await expect(client.refreshTokens(initial.refreshToken ?? '')).rejects.toMatchObject({
      code: 'CONSENT_EXPIRED',
    });
    const data = client.data({
      tokens: { current: async () => initial.accessToken, refresh: async (t) => t },
    });
    await expect(data.accounts()).rejects.toMatchObject({ code: 'CONSENT_EXPIRED' });
  });

  test('old history on a connection past its SCA grace period comes back as SCA_EXCEEDED', async () => {
    const started = await startBank();
    const client = createClient(started);
    const data = client.data({
      tokens: createTokenStore(client, await connect(client, started)),
      psuIp: '203.0.113.9',
    });
    const [account] = await data.accounts();
    if (!account) throw new Error('no account');
    started.advanceClock(30 * 60_000);
    const old = { from: lastDays(started, 200).from, to: lastDays(started, 120).from };
    await expect(data.transactions('account', account.accountId, old)).rejects.toMatchObject({
      code: 'SCA_EXCEEDED',
    });
  });

  test('past the unattended limit the bank answers RATE_LIMITED with a wait, while attended calls still work', async () => {
    const started = await startBank({ unattendedLimit: 4 });
    const client = createClient(started);
    const tokens = createTokenStore(client, await connect(client, started));
    const attended = client.data({ tokens, psuIp: '203.0.113.9' });
    const [account] = await attended.accounts();
    if (!account) throw new Error('no account');
    const background = client.data({ tokens });
    const range = lastDays(started, 10);
    for (let call = 0; call < 4; call += 1)
      await background.transactions('account', account.accountId, range);
    const limited = await background
      .transactions('account', account.accountId, range)
      .catch((e: unknown) => e);
    expect(limited).toMatchObject({
      code: 'RATE_LIMITED',
      httpStatus: 429,
      retryAfterMs: expect.any(Number) as number,
    });
    // The wait is hours, far beyond retryMaxMs: the client hands it back instead of retrying into the limit.
    expect((limited as TrueLayerError).retryAfterMs).toBeGreaterThan(60_000);
    expect(started.stats().byAccount[account.accountId]?.unattended).toBe(5);
    await expect(attended.transactions('account', account.accountId, range)).resolves.toEqual(
      expect.any(Array),
    );
  });
});
