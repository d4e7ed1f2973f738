import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

// A person sees their sessions and ends the others; a password change ends every other session; sign-in always
// starts a new token and ends the one the request came with; what happens to the account is recorded for them.

const password = 'correct horse battery';

/** Signs in over HTTP as a browser does, sending `cookie`; returns the token of the `Set-Cookie` answer. */
async function browserSignIn(
  t: TestServer,
  email: string,
  options: { cookie?: string; userAgent?: string } = {},
) {
  const response = await fetch(`${t.url}/trpc/auth.signIn`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.cookie ? { cookie: options.cookie } : {}),
      'user-agent': options.userAgent ?? 'TestBrowser/1.0',
    },
    body: JSON.stringify({ json: { email, password } }),
  });
  expect(response.status).toBe(200);
  return /sid=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
}

describe('sessions and the account activity', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  test('sign-in rotates the token: the cookie sent with the sign-in is not the session and stops working', async () => {
    const { sessionToken: before } = await t.signUp('rotate@example.test');
    const after = await browserSignIn(t, 'rotate@example.test', { cookie: `sid=${before}` });
    expect(after).not.toBe('');
    expect(after).not.toBe(before);
    expect(await t.client(before).auth.me.query()).toBeNull();
    expect((await t.client(after).auth.me.query())?.email).toBe('rotate@example.test');
  });

  test('a person lists their sessions and ends another one, or all others', async () => {
    const { sessionToken: laptop } = await t.signUp('devices@example.test');
    const phone = await browserSignIn(t, 'devices@example.test', { userAgent: 'Phone/2.0' });
    const tablet = await browserSignIn(t, 'devices@example.test', { userAgent: 'Tablet/3.0' });
    const api = t.client(laptop);
    const sessions = await api.auth.sessions.query();
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(
      sessions
        .filter((s) => !s.current)
        .map((s) => s.userAgent)
        .sort(),
    ).toEqual(['Phone/2.0', 'Tablet/3.0']);
    expect(sessions.every((s) => s.address === '127.0.0.1' && s.lastSeenAt !== null)).toBe(true);

    const phoneSession = sessions.find((s) => s.userAgent === 'Phone/2.0');
    await expect(api.auth.endSession.mutate({ sessionId: phoneSession?.id ?? '' })).resolves.toEqual({
      ended: 1,
    });
    expect(await t.client(phone).auth.me.query()).toBeNull();
    expect(await t.client(tablet).auth.me.query()).not.toBeNull();

    await expect(api.auth.endOtherSessions.mutate()).resolves.toEqual({ ended: 1 });
    expect(await t.client(tablet).auth.me.query()).toBeNull();
    expect((await api.auth.sessions.query()).map((s) => s.current)).toEqual([true]);
  });

  test('a password change ends every other session and needs the current password', async () => {
    const { sessionToken: here } = await t.signUp('password@example.test');
    const elsewhere = await browserSignIn(t, 'password@example.test');
    const api = t.client(here);
    await expect(
      api.auth.changePassword.mutate({ currentPassword: 'not it', newPassword: 'a new long password' }),
    ).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' }, message: 'The current password is not right.' });
    expect(await t.client(elsewhere).auth.me.query()).not.toBeNull();

    await expect(
      api.auth.changePassword.mutate({ currentPassword: password, newPassword: 'a new long password' }),
    ).resolves.toEqual({ changed: true, endedSessions: 1 });
    expect(await t.client(elsewhere).auth.me.query()).toBeNull();
    expect(await api.auth.me.query()).not.toBeNull();
    await expect(
      t.client().auth.signIn.mutate({ email: 'password@example.test', password }),
    ).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    await expect(
      t.client().auth.signIn.mutate({ email: 'password@example.test', password: 'a new long password' }),
    ).resolves.toMatchObject({ user: { email: 'password@example.test' } });
  });

  test("banks connected and removed, imports deleted and sign-ins from a new address are the person's activity", async () => {
    const { user, api } = await t.signUp('audited@example.test');
    const { connection } = await t.connectBank(api);
    const { jobId } = await api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(3),
      toDate: daysAgo(0),
    });
    await api.importDelete.mutate({ jobId });
    await api.connections.remove.mutate({ connectionId: connection.id });
    // every earlier use was from elsewhere: this sign-in is from a new address, the next one is not
    await t.db.session.updateMany({ where: { userId: user.id }, data: { address: '203.0.113.7' } });
    await t.db.auditEvent.updateMany({ where: { userId: user.id }, data: { address: '203.0.113.7' } });
    await browserSignIn(t, 'audited@example.test', { userAgent: 'NewPlace/1.0' });
    await browserSignIn(t, 'audited@example.test');

    const activity = await api.auth.activity.query();
    expect(activity.map((e) => [e.action, e.detail]).reverse()).toEqual([
      ['bank.connected', connection.providerName],
      ['import.deleted', jobId],
      ['bank.removed', connection.providerName],
      ['sign_in.new_address', 'NewPlace/1.0'],
    ]);
    expect(activity[0]?.address).toBe('127.0.0.1');
    // nobody else sees it
    const { api: other } = await t.signUp('other@example.test');
    expect(await other.auth.activity.query()).toEqual([]);
  });
});
