import { afterEach, describe, expect, test } from 'vitest';
import { sendJson, startStubServer, type StubServer } from '../test/stub-server';
import { createTestConfig } from '../test/test-config';
import { extendUrlFor } from './auth-client';
import { createTrueLayerClient } from './truelayer-client';

let server: StubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const now = new Date('2026-06-01T12:00:00Z');
const tokenAnswer = {
  access_token: 'access-1',
  refresh_token: 'refresh-2',
  expires_in: 3600,
  token_type: 'Bearer',
  scope: 'info accounts offline_access',
};

async function createClient(status: number, body: unknown) {
  server = await startStubServer((_, response) => sendJson(response, status, body));
  const client = createTrueLayerClient(createTestConfig(server.url), {
    now: () => now,
    sleep: async () => undefined,
  });
  return { server, client };
}

describe('authLink', () => {
  test('builds the auth dialog URL with every parameter, spaces as %20', () => {
    const client = createTrueLayerClient(createTestConfig('http://bank.test'));
    const link = new URL(
      client.authLink({ state: 's-1', nonce: 'n-1', providerId: 'mock', responseMode: 'form_post' }),
    );
    expect(link.origin + link.pathname).toBe('http://bank.test/auth/');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'sandbox-test',
      redirect_uri: 'http://localhost:3000/callback',
      scope: 'info accounts balance cards transactions offline_access',
      providers: 'uk-ob-all uk-oauth-all',
      state: 's-1',
      nonce: 'n-1',
      provider_id: 'mock',
      response_mode: 'form_post',
    });
    expect(link.search).toContain('scope=info%20accounts');
  });

  test('leaves out the optional parameters not given', () => {
    const client = createTrueLayerClient(createTestConfig('http://bank.test'));
    const link = new URL(client.authLink({ state: 's-1' }));
    expect([...link.searchParams.keys()]).not.toContain('nonce');
    expect([...link.searchParams.keys()]).not.toContain('provider_id');
  });
});

describe('token exchange', () => {
  test('exchanging a code posts the form and returns when the token expires', async () => {
    const { server, client } = await createClient(200, tokenAnswer);
    expect(await client.exchangeCode('code-1')).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-2',
      expiresAt: new Date('2026-06-01T13:00:00Z'),
      scopes: ['info', 'accounts', 'offline_access'],
    });
    const request = server.requests[0];
    expect(request).toMatchObject({ method: 'POST', path: '/auth/connect/token' });
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'sandbox-test',
      client_secret: 'client-secret-value',
      redirect_uri: 'http://localhost:3000/callback',
      code: 'code-1',
    });
  });

  test('refreshing posts the refresh grant and returns the rotated refresh token', async () => {
    const { server, client } = await createClient(200, tokenAnswer);
    expect((await client.refreshTokens('refresh-1')).refreshToken).toBe('refresh-2');
    expect(new URLSearchParams(server.requests[0]?.body).get('grant_type')).toBe('refresh_token');
    expect(new URLSearchParams(server.requests[0]?.body).get('refresh_token')).toBe('refresh-1');
  });

  test('a refresh answer without a new refresh token keeps the old one', async () => {
    const { client } = await createClient(200, { ...tokenAnswer, refresh_token: undefined });
    expect((await client.refreshTokens('refresh-1')).refreshToken).toBe('refresh-1');
  });

  test('a refresh whose answer is lost is sent once, not retried with the refresh token the bank may have used', async () => {
    server = await startStubServer((_, response) => response.socket?.destroy());
    const client = createTrueLayerClient(createTestConfig(server.url), {
      now: () => now,
      sleep: async () => undefined,
    });
    await expect(client.refreshTokens('refresh-1')).rejects.toMatchObject({
      code: 'ANSWER_LOST',
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  test('a refresh answered 503 was not processed and is retried', async () => {
    server = await startStubServer((_, response, index) =>
      index === 0
        ? sendJson(response, 503, { error: 'temporarily_unavailable' })
        : sendJson(response, 200, tokenAnswer),
    );
    const client = createTrueLayerClient(createTestConfig(server.url), {
      now: () => now,
      sleep: async () => undefined,
    });
    expect((await client.refreshTokens('refresh-1')).refreshToken).toBe('refresh-2');
    expect(server.requests).toHaveLength(2);
  });

  test('invalid_grant means the consent has expired', async () => {
    const { client } = await createClient(400, { error: 'invalid_grant' });
    await expect(client.refreshTokens('refresh-1')).rejects.toMatchObject({
      code: 'CONSENT_EXPIRED',
      retryable: false,
    });
  });

  test('invalid_client means our credentials are wrong, and the message does not contain them', async () => {
    const { client } = await createClient(400, { error: 'invalid_client' });
    const error = await client.exchangeCode('code-1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_CLIENT' });
    expect((error as Error).message).not.toMatch(/client-secret-value|code-1/);
  });

  test('a token answer without an access token is malformed', async () => {
    const { client } = await createClient(200, { expires_in: 3600 });
    await expect(client.exchangeCode('code-1')).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });
});

describe('extendConsent', () => {
  test('posts the reconfirmation to /connections/extend on the Data API host and returns new tokens', async () => {
    const { server, client } = await createClient(200, {
      action_needed: 'no_action_needed',
      access_token: 'access-9',
      refresh_token: 'refresh-9',
      expires_in: 3600,
      consent_expires_at: '2026-08-30T12:00:00Z',
    });
    const extended = await client.extendConsent('refresh-1', { name: 'Jo Roe', email: 'jo@example.com' });
    expect(extended).toMatchObject({
      accessToken: 'access-9',
      refreshToken: 'refresh-9',
      consentExpiresAt: new Date('2026-08-30T12:00:00Z'),
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/data/v1/connections/extend' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      client_id: 'sandbox-test',
      client_secret: 'client-secret-value',
      refresh_token: 'refresh-1',
      redirect_uri: 'http://localhost:3000/callback',
      user_has_reconfirmed_consent: true,
      user: { name: 'Jo Roe', email: 'jo@example.com' },
    });
  });

  test('when the bank wants the user to sign in again, it is CONSENT_EXPIRED', async () => {
    const { client } = await createClient(200, {
      action_needed: 'authentication_needed',
      user_input_link: 'https://x',
    });
    await expect(client.extendConsent('refresh-1')).rejects.toMatchObject({
      code: 'CONSENT_EXPIRED',
      providerError: 'authentication_needed',
    });
  });

  test('the extend URL is on the Data API host', () => {
    expect(extendUrlFor('https://api.truelayer.com/data/v1')).toBe(
      'https://api.truelayer.com/data/v1/connections/extend',
    );
  });
});
