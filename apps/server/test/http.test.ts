import { TRPCClientError } from '@app/api/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

describe('queries and mutations over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t?.close());

  test('a signed-up user is known by their session token; without one they are nobody', async () => {
    const { user, api } = await t.signUp('http@example.test');
    expect(await api.auth.me.query()).toEqual({ id: user.id, email: 'http@example.test', name: null });
    expect(await t.client().auth.me.query()).toBeNull();
    await expect(t.client().connections.list.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED', httpStatus: 401 },
    });
  });

  test('signing in sets the sid cookie, and the cookie alone authenticates later requests', async () => {
    await t.signUp('browser@example.test');
    const signIn = await fetch(`${t.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'browser@example.test', password: 'correct horse battery' } }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sid=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
    const me = await fetch(`${t.url}/trpc/auth.me`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(await me.json()).toMatchObject({ result: { data: { json: { email: 'browser@example.test' } } } });
  });

  test('malformed input answers BAD_REQUEST with the zod issues, never a 500 or a stack', async () => {
    const { api, sessionToken } = await t.signUp('malformed@example.test');
    const error = await api.importPlan
      .mutate({ connectionId: 'c1', fromDate: 'yesterday', toDate: '2026-01-01', batchSize: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error).toMatchObject({ data: { code: 'BAD_REQUEST', httpStatus: 400 } });
    expect((error as TRPCClientError<never>).data).not.toHaveProperty('stack');
    expect(JSON.stringify((error as TRPCClientError<never>).data)).toContain('fromDate');

    const raw = await fetch(`${t.url}/trpc/importPlan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionToken}` },
      body: JSON.stringify({ json: { connectionId: 42 } }),
    });
    expect(raw.status).toBe(400);
    const body = (await raw.json()) as {
      error: { json: { data: { code: string; zodError: { fieldErrors: Record<string, string[]> } } } };
    };
    expect(body.error.json.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(body.error.json.data.zodError.fieldErrors)).toEqual(
      expect.arrayContaining(['connectionId', 'fromDate', 'toDate']),
    );

    const headers = { 'content-type': 'application/json', authorization: `Bearer ${sessionToken}` };
    const notJson = await fetch(`${t.url}/trpc/importPlan`, { method: 'POST', headers, body: '{nope' });
    expect(notJson.status).toBe(400);
  });

  test('a health check and a placeholder page answer the other paths', async () => {
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const home = await fetch(t.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('href="/healthz"');
    expect((await fetch(`${t.url}/nowhere`)).status).toBe(404);
  });
});
