import { afterEach, describe, expect, test } from 'vitest';
import type { SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

const HOUR = 3_600_000;
let bank: SandboxBank;

afterEach(() => bank.close());

describe('when the PSD2 unattended limit applies', () => {
  test('the 5th unattended call on an account in 24 h is 429 with Retry-After until the oldest call leaves the window', async () => {
    // Long-lived tokens, so moving the clock by hours does not expire them.
    bank = await startBank({ tokenTtlSeconds: 86_400 });
    const token = bank.issueTokens().access_token;
    const { current } = idsOf(bank);
    for (let call = 0; call < 4; call += 1) {
      expect((await getData(bank, token, `/accounts/${current}/balance`)).status).toBe(200);
      bank.advanceClock(HOUR);
    }
    const limited = await getData(bank, token, `/accounts/${current}/transactions/pending`);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('provider_too_many_requests');
    // Four calls an hour apart; now is 4 h after the first, so it leaves the window in 20 h.
    expect(limited.headers.get('retry-after')).toBe(String(20 * 3600));
  });

  test('the limit is per account, and list endpoints do not count', async () => {
    bank = await startBank();
    const token = bank.issueTokens().access_token;
    const { current, savings } = idsOf(bank);
    for (let call = 0; call < 4; call += 1) await getData(bank, token, `/accounts/${current}`);
    expect((await getData(bank, token, `/accounts/${current}`)).status).toBe(429);
    expect((await getData(bank, token, `/accounts/${savings}`)).status).toBe(200);
    for (let call = 0; call < 10; call += 1)
      expect((await getData(bank, token, '/accounts')).status).toBe(200);
  });

  test('attended calls (with X-PSU-IP) are unlimited and not counted', async () => {
    bank = await startBank();
    const token = bank.issueTokens().access_token;
    const { current } = idsOf(bank);
    for (let call = 0; call < 12; call += 1) {
      expect(
        (await getData(bank, token, `/accounts/${current}/balance`, { psuIp: '198.51.100.4' })).status,
      ).toBe(200);
    }
    for (let call = 0; call < 4; call += 1)
      expect((await getData(bank, token, `/accounts/${current}/balance`)).status).toBe(200);
    expect(bank.stats().byAccount[current]).toEqual({ attended: 12, unattended: 4 });
  });

  test('after 24 h of sandbox time the account can be called again', async () => {
    bank = await startBank();
    const token = bank.issueTokens().access_token;
    const { current } = idsOf(bank);
    for (let call = 0; call < 4; call += 1) await getData(bank, token, `/accounts/${current}`);
    expect((await getData(bank, token, `/accounts/${current}`)).status).toBe(429);
    bank.advanceClock(24 * HOUR);
    const fresh = bank.issueTokens().access_token;
    expect((await getData(bank, fresh, `/accounts/${current}`)).status).toBe(200);
  });

  test('unattendedLimit null switches the limit off', async () => {
    bank = await startBank({ unattendedLimit: null });
    const token = bank.issueTokens().access_token;
    const { current } = idsOf(bank);
    for (let call = 0; call < 8; call += 1)
      expect((await getData(bank, token, `/accounts/${current}`)).status).toBe(200);
  });
});
