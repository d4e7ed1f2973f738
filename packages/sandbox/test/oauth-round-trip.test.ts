import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SandboxBank } from '../src/index';
import { authLinkFor, getData, postForm, REDIRECT, startBank } from './sandbox-client';

let bank: SandboxBank;

beforeAll(async () => {
  bank = await startBank();
});
afterAll(() => bank.close());

const authLink = (extra: Record<string, string> = {}) => authLinkFor(bank, extra);

async function followAuthLink(extra: Record<string, string> = {}): Promise<URL> {
  const response = await fetch(authLink({ sandbox_auto: '1', ...extra }), { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

async function exchange(code: string) {
  return postForm(`${bank.authUrl}/connect/token`, {
    grant_type: 'authorization_code',
    client_id: bank.clientId,
    client_secret: bank.clientSecret,
    redirect_uri: REDIRECT,
    code,
  });
}

const refresh = (refreshToken: string) =>
  postForm(`${bank.authUrl}/connect/token`, {
    grant_type: 'refresh_token',
    client_id: bank.clientId,
    client_secret: bank.clientSecret,
    refresh_token: refreshToken,
  });

describe('the OAuth round trip', () => {
  test('sandbox_auto redirects straight back with a code and the state, keeping the redirect_uri query', async () => {
    const callback = await followAuthLink();
    expect(`${callback.origin}${callback.pathname}`).toBe('https://app.example/callback');
    expect(callback.searchParams.get('from')).toBe('bank');
    expect(callback.searchParams.get('state')).toBe('state-123');
    expect(callback.searchParams.get('code')).toMatch(/^[0-9A-F]{64}$/);
  });

  test('the code exchanges for JWT-like tokens that open the Data API', async () => {
    const code = (await followAuthLink()).searchParams.get('code') ?? '';
    const { status, body } = await exchange(code);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      expires_in: 3600,
      token_type: 'Bearer',
      scope: 'info accounts balance cards transactions offline_access',
    });
    const parts = (body.access_token ?? '').split('.');
    expect(parts).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as {
      exp: number;
      nbf: number;
    };
    expect(claims.exp - claims.nbf).toBe(3600);
    expect((await getData(bank, body.access_token ?? '', '/me')).status).toBe(200);
  });

  test('a code works only once', async () => {
    const code = (await followAuthLink()).searchParams.get('code') ?? '';
    expect((await exchange(code)).status).toBe(200);
    const reused = await exchange(code);
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  test('refresh rotates the refresh token and the old one stops working', async () => {
    const first = await exchange((await followAuthLink()).searchParams.get('code') ?? '');
    const second = await refresh(first.body.refresh_token ?? '');
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect((await getData(bank, second.body.access_token ?? '', '/accounts')).status).toBe(200);
    expect(await refresh(first.body.refresh_token ?? '')).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await refresh(second.body.refresh_token ?? '')).status).toBe(200);
  });

  test('wrong client credentials are invalid_client', async () => {
    const answer = await postForm(`${bank.authUrl}/connect/token`, {
      grant_type: 'refresh_token',
      client_id: bank.clientId,
      client_secret: 'nope',
      refresh_token: 'x',
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
  });

  test('client credentials may also come as HTTP Basic auth', async () => {
    const code = (await followAuthLink()).searchParams.get('code') ?? '';
    const response = await fetch(`${bank.authUrl}/connect/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${bank.clientId}:${bank.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', redirect_uri: REDIRECT, code }),
    });
    expect(response.status).toBe(200);
  });

  test('without offline_access there is no refresh token', async () => {
    const code =
      (await followAuthLink({ scope: 'info accounts transactions' })).searchParams.get('code') ?? '';
    const { body } = await exchange(code);
    expect(body.access_token).toBeTruthy();
    expect(body.refresh_token).toBeUndefined();
  });

  test('login_hint picks the mock user', async () => {
    const code = (await followAuthLink({ login_hint: 'john7' })).searchParams.get('code') ?? '';
    const { body } = await exchange(code);
    const accounts = await getData<{ account_id: string }>(bank, body.access_token ?? '', '/accounts');
    expect(accounts.body.results.map((account) => account.account_id)).toEqual(
      bank.accountsOf('john7').accounts.map((account) => account.account_id),
    );
  });

  test('form_post hands the code back in an auto-submitting form', async () => {
    const response = await fetch(authLink({ sandbox_auto: '1', response_mode: 'form_post' }));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('action="https://app.example/callback?from=bank"');
    expect(html).toMatch(/name="code" value="[0-9A-F]{64}"/);
    expect(html).toContain('name="state" value="state-123"');
  });
});
