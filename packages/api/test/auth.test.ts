import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashSessionToken } from '../src/auth/session';
import { purgeExpiredAuth } from '../src/index';
import { createApiHarness, type ApiHarness } from './api-harness';

describe('signing up, in and out', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });
  afterAll(async () => h?.close());

  test('a new account stores an argon2id hash and its session token authenticates', async () => {
    const { user, sessionToken, api } = await h.signUp('New@Example.test');
    expect(user.email).toBe('new@example.test');
    const stored = await h.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(await api.auth.me()).toEqual({ id: user.id, email: 'new@example.test', name: null });
    // the table holds the token's SHA-256, never the token
    expect(await h.db.session.findUnique({ where: { id: sessionToken } })).toBeNull();
    expect(await h.db.session.findUnique({ where: { id: hashSessionToken(sessionToken) } })).not.toBeNull();
  });

  test('signing in sets an HttpOnly sid cookie that authenticates by itself', async () => {
    await h.signUp('cookie@example.test');
    const cookies: string[] = [];
    const anonymous = await h.callerFor(null, { setCookie: (cookie) => cookies.push(cookie) });
    const { sessionToken } = await anonymous.auth.signIn({
      email: 'cookie@example.test',
      password: 'correct horse battery',
    });
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^sid=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
    const fromCookie = await h.createContext({ headers: { cookie: `theme=dark; sid=${sessionToken}` } });
    expect(fromCookie.user?.email).toBe('cookie@example.test');
  });

  test('a wrong password and an unknown email get the same UNAUTHORIZED answer', async () => {
    await h.signUp('known@example.test');
    const anonymous = await h.callerFor(null);
    const wrong = anonymous.auth.signIn({ email: 'known@example.test', password: 'wrong password' });
    await expect(wrong).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The email or the password is wrong.',
    });
    const unknown = anonymous.auth.signIn({ email: 'nobody@example.test', password: 'wrong password' });
    await expect(unknown).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The email or the password is wrong.',
    });
  });

  test('signing up twice with one email answers CONFLICT', async () => {
    await h.signUp('twice@example.test');
    await expect(h.signUp('twice@example.test')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('an expired session is rejected and deleted', async () => {
    const { sessionToken } = await h.signUp('expired@example.test');
    const id = hashSessionToken(sessionToken);
    await h.db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const api = await h.callerFor(sessionToken);
    expect(await api.auth.me()).toBeNull();
    await expect(api.connections.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await h.db.session.findUnique({ where: { id } })).toBeNull();
  });

  test('signing out deletes the session and clears the cookie', async () => {
    const { sessionToken } = await h.signUp('out@example.test');
    const cookies: string[] = [];
    const api = await h.callerFor(sessionToken, { setCookie: (cookie) => cookies.push(cookie) });
    await api.auth.signOut();
    expect(cookies).toEqual(['sid=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0']);
    expect(await (await h.callerFor(sessionToken)).auth.me()).toBeNull();
  });

  test('without a session every procedure but sign-in answers UNAUTHORIZED', async () => {
    const anonymous = await h.callerFor(null);
    await expect(anonymous.importHistory({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      anonymous.importPlan({ connectionId: 'x', fromDate: '2026-01-01', toDate: '2026-01-02' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(anonymous.importStatus({ jobId: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('when a user makes too many changes', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness({ rateLimit: { capacity: 3, refillPerSecond: 0.5 } });
  });
  afterAll(async () => h?.close());

  test('mutations answer TOO_MANY_REQUESTS with a retry hint, queries still work', async () => {
    const { api } = await h.signUp('busy@example.test'); // one token spent signing up (by address)
    await api.connections.startOAuth({});
    await api.connections.startOAuth({});
    await api.connections.startOAuth({});
    await expect(api.connections.startOAuth({})).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/retry after \d+ s/),
    });
    expect(await api.connections.list()).toEqual([]);
  });
});

describe('housekeeping', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });
  afterAll(async () => h?.close());

  test('purging removes expired sessions and OAuth states and keeps live ones', async () => {
    const { sessionToken, api } = await h.signUp('purge@example.test');
    const { sessionToken: stale } = await h.signUp('stale@example.test');
    await h.db.session.update({
      where: { id: hashSessionToken(stale) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await api.connections.startOAuth({});
    await h.db.oAuthState.updateMany({ data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await purgeExpiredAuth(h.db, new Date())).toEqual({ sessions: 1, oauthStates: 1 });
    expect(await h.db.session.findUnique({ where: { id: hashSessionToken(sessionToken) } })).not.toBeNull();
  });
});
