import { afterEach, describe, expect, test } from 'vitest';
import type { ApiTransaction, SandboxBank } from '../src/index';
import { getData, idsOf, postForm, startBank } from './sandbox-client';

const PSU = { psuIp: '203.0.113.9' };
const MINUTE = 60_000;
const DAY = 86_400_000;
let bank: SandboxBank;

afterEach(() => bank.close());

const refresh = (refreshToken: string) =>
  postForm(`${bank.authUrl}/connect/token`, {
    grant_type: 'refresh_token',
    client_id: bank.clientId,
    client_secret: bank.clientSecret,
    refresh_token: refreshToken,
  });

describe('access tokens', () => {
  test('expireAccessTokens makes every issued token answer 401 until refreshed', async () => {
    bank = await startBank();
    const tokens = bank.issueTokens();
    bank.expireAccessTokens();
    const { status, body } = await getData(bank, tokens.access_token, '/accounts', PSU);
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_token');
    const refreshed = await refresh(tokens.refresh_token);
    expect((await getData(bank, refreshed.body.access_token ?? '', '/accounts', PSU)).status).toBe(200);
  });

  test('refresh tokens rotate: a used one is invalid_grant, its successor works', async () => {
    bank = await startBank();
    const tokens = bank.issueTokens();
    const renewed = await refresh(tokens.refresh_token);
    expect(renewed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(await refresh(tokens.refresh_token)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await refresh(renewed.body.refresh_token ?? '')).status).toBe(200);
  });

  test('refreshTokens reuse keeps one refresh token working', async () => {
    bank = await startBank({ refreshTokens: 'reuse' });
    const tokens = bank.issueTokens();
    const renewed = await refresh(tokens.refresh_token);
    expect(renewed.body.refresh_token).toBe(tokens.refresh_token);
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
  });

  test('a token expires after tokenTtlSeconds of sandbox time', async () => {
    bank = await startBank({ tokenTtlSeconds: 600 });
    const { access_token: token, expires_in: expiresIn } = bank.issueTokens();
    expect(expiresIn).toBe(600);
    bank.advanceClock(9 * MINUTE);
    expect((await getData(bank, token, '/me')).status).toBe(200);
    bank.advanceClock(MINUTE);
    expect((await getData(bank, token, '/me')).status).toBe(401);
  });
});

describe('consent', () => {
  test('expireConsent makes data calls 403 access_denied and refresh 400 invalid_grant', async () => {
    bank = await startBank();
    const tokens = bank.issueTokens('john');
    const other = bank.issueTokens('john2');
    bank.expireConsent('john');
    const { status, body } = await getData(bank, tokens.access_token, '/accounts', PSU);
    expect(status).toBe(403);
    expect(body.error).toBe('access_denied');
    expect(await refresh(tokens.refresh_token)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await getData(bank, other.access_token, '/accounts', PSU)).status).toBe(200);
  });

  test('consent runs out after consentDays', async () => {
    bank = await startBank({ consentDays: 90, tokenTtlSeconds: 2 * 86_400 });
    let tokens = bank.issueTokens();
    bank.advanceClock(89 * DAY);
    const renewed = await refresh(tokens.refresh_token);
    expect(renewed.status).toBe(200);
    tokens = { ...tokens, refresh_token: renewed.body.refresh_token ?? '' };
    bank.advanceClock(DAY);
    expect(await refresh(tokens.refresh_token)).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await getData(bank, renewed.body.access_token ?? '', '/me')).status).toBe(403);
  });
});

describe('SCA', () => {
  test('history older than scaMaxDays is sca_exceeded once the consent is older than scaGraceMinutes', async () => {
    bank = await startBank({ scaMaxDays: 90, scaGraceMinutes: 5 });
    const token = bank.issueTokens().access_token;
    const { current } = idsOf(bank);
    const old = `/accounts/${current}/transactions?from=2026-01-01&to=2026-02-01`;
    expect((await getData(bank, token, old, PSU)).status).toBe(200);
    bank.advanceClock(6 * MINUTE);
    const { status, body } = await getData(bank, token, old, PSU);
    expect(status).toBe(403);
    expect(body.error).toBe('sca_exceeded');
    expect(
      (await getData(bank, token, `/accounts/${current}/transactions?from=2026-03-10&to=2026-06-03`, PSU))
        .status,
    ).toBe(200);
  });

  test('strict 90-day SCA (scaRefusal access_denied) refuses old history with 403 access_denied, as live banks do', async () => {
    bank = await startBank({ scaRefusal: 'access_denied' });
    const token = bank.issueTokens().access_token;
    const { current } = idsOf(bank);
    bank.advanceClock(6 * MINUTE);
    const old = await getData(
      bank,
      token,
      `/accounts/${current}/transactions?from=2026-01-01&to=2026-02-01`,
      PSU,
    );
    expect([old.status, old.body.error]).toEqual([403, 'access_denied']);
    const recent = `/accounts/${current}/transactions?from=2026-03-10&to=2026-06-03`;
    expect((await getData(bank, token, recent, PSU)).status).toBe(200);
  });

  test('without from, an older consent gets only the SCA-exempt days', async () => {
    bank = await startBank();
    const token = bank.issueTokens().access_token;
    const { current } = idsOf(bank);
    bank.advanceClock(6 * MINUTE);
    const { status, body } = await getData<ApiTransaction>(
      bank,
      token,
      `/accounts/${current}/transactions`,
      PSU,
    );
    expect(status).toBe(200);
    expect(body.results.every((item) => item.timestamp.slice(0, 10) >= '2026-03-05')).toBe(true);
  });
});

describe('id churn', () => {
  test('with idChurn every request gives new transaction_ids and the same provider ids', async () => {
    bank = await startBank({ idChurn: true });
    const token = bank.issueTokens().access_token;
    const path = `/accounts/${idsOf(bank).current}/transactions?from=2026-05-01&to=2026-05-31`;
    const first = (await getData<ApiTransaction>(bank, token, path, PSU)).body.results;
    const second = (await getData<ApiTransaction>(bank, token, path, PSU)).body.results;
    expect(second.map((item) => item.provider_transaction_id)).toEqual(
      first.map((item) => item.provider_transaction_id),
    );
    expect(second.every((item, i) => item.transaction_id !== first[i]?.transaction_id)).toBe(true);
  });
});
