import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

describe('connecting a bank through OAuth', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t?.close());

  test('startOAuth, the sandbox consent link and completeOAuth create a connection with its accounts', async () => {
    const { api, user } = await t.signUp('oauth@example.test');
    const { connection, callback } = await t.connectBank(api);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${t.url}/connections/callback`);
    expect(connection).toMatchObject({ status: 'active', providerName: expect.any(String) });
    expect(connection.accounts.map((a) => a.kind).sort()).toEqual(['account', 'account', 'card']);
    expect(await api.connections.list.query()).toEqual([connection]);
    const stored = await t.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(stored.userId).toBe(user.id);
    expect(stored.accessTokenEnc.startsWith('v1.test.')).toBe(true); // encrypted at rest
    expect(await t.db.oAuthState.count()).toBe(0); // the state was used up
  });
});
