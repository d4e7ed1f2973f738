import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SandboxBank } from '../src/index';
import { authLinkFor, getData, postForm, postJson, REDIRECT, startBank } from './sandbox-client';

let bank: SandboxBank;

beforeAll(async () => {
  bank = await startBank();
});
afterAll(() => bank.close());

const authLink = (extra: Record<string, string> = {}) => authLinkFor(bank, extra);

describe('the consent page', () => {
  test('waits for the person: it allows by itself only when a test asks for it', async () => {
    const html = await (await fetch(authLink({ user: 'john3' }))).text();
    expect(html).toContain('value="allow"');
    expect(html).not.toContain('requestSubmit');
    expect(html).not.toContain('Continuing automatically');
  });

  test('shows the MOCK bank with an Allow form that submits itself when asked (tests only)', async () => {
    const response = await fetch(authLink({ user: 'john3', sandbox_auto_allow: '1' }));
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('MOCK');
    expect(html).toContain('value="allow"');
    expect(html).toContain('value="john3"');
    expect(html).toContain('requestSubmit');
  });

  test('allowing redirects with a code; denying with access_denied', async () => {
    const fields = {
      response_type: 'code',
      client_id: bank.clientId,
      redirect_uri: REDIRECT,
      scope: 'info accounts',
      state: 's',
    };
    const post = (decision: string) =>
      fetch(`${bank.authUrl}/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, user: 'john', decision }),
      });
    const allowed = new URL((await post('allow')).headers.get('location') ?? '');
    expect(allowed.searchParams.get('code')).toBeTruthy();
    const denied = new URL((await post('deny')).headers.get('location') ?? '');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('s');
  });

  test('an auth link without client_id or redirect_uri is refused', async () => {
    const noClient = await fetch(
      `${bank.authUrl}/?response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(noClient.status).toBe(400);
    expect(await noClient.json()).toMatchObject({ error: 'invalid_request' });
    const noRedirect = await fetch(`${bank.authUrl}/?response_type=code&client_id=${bank.clientId}`);
    expect(noRedirect.status).toBe(400);
  });
});

describe('providers and consent extension', () => {
  test('the provider list has the mock provider', async () => {
    const providers = (await (await fetch(`${bank.authUrl}/api/providers`)).json()) as {
      provider_id: string;
    }[];
    expect(providers.map((provider) => provider.provider_id)).toEqual(['mock']);
  });

  test('extending a connection gives fresh tokens and a later consent expiry', async () => {
    // Its own bank: this test moves the clock.
    const own = await startBank();
    const tokens = own.issueTokens();
    const before =
      (await getData<{ consent_expires_at: string }>(own, tokens.access_token, '/me')).body.results[0]
        ?.consent_expires_at ?? '';
    own.advanceClock(30 * 86_400_000);
    const extended = await postJson(`${own.apiUrl}/connections/extend`, {
      client_id: own.clientId,
      client_secret: own.clientSecret,
      refresh_token: tokens.refresh_token,
      redirect_uri: REDIRECT,
      user_has_reconfirmed_consent: true,
    });
    expect(extended.status).toBe(200);
    expect(extended.body.action_needed).toBe('no_action_needed');
    expect(Date.parse(extended.body.consent_expires_at ?? '')).toBe(Date.parse(before) + 30 * 86_400_000);
    const ownRefresh = (token: string) =>
      postForm(`${own.authUrl}/connect/token`, {
        grant_type: 'refresh_token',
        client_id: own.clientId,
        client_secret: own.clientSecret,
        refresh_token: token,
      });
    expect((await ownRefresh(tokens.refresh_token)).status).toBe(400);
    expect((await ownRefresh(extended.body.refresh_token ?? '')).status).toBe(200);
    await own.close();
  });

  test('extension needs the user to have re-confirmed consent', async () => {
    const tokens = bank.issueTokens();
    const answer = await postJson(`${bank.apiUrl}/connections/extend`, {
      client_id: bank.clientId,
      client_secret: bank.clientSecret,
      refresh_token: tokens.refresh_token,
      user_has_reconfirmed_consent: false,
    });
    expect(answer).toMatchObject({ status: 400, body: { error: 'validation_error' } });
  });
});
