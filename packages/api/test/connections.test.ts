import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiHarness, daysAgo, type ApiHarness } from './api-harness';

type Caller = Awaited<ReturnType<ApiHarness['callerFor']>>;

describe('connecting a bank', () => {
  let h: ApiHarness;
  let api: Caller;
  beforeAll(async () => {
    h = await createApiHarness();
    ({ api } = await h.signUp('connect@example.test'));
  });
  afterAll(async () => h?.close());

  test('the OAuth round trip stores a connection with its accounts and cards, and no tokens in the answer', async () => {
    const connection = await h.connectBank(api);
    expect(connection.status).toBe('active');
    expect(connection.consentDaysLeft).toBeGreaterThan(80);
    expect(connection.accounts.map((a) => a.kind).sort()).toEqual(['account', 'account', 'card']);
    expect(JSON.stringify(connection)).not.toMatch(/token/i);
    expect(await api.connections.list()).toEqual([connection]);
  });

  test('a state is single-use and tied to the user who started the round trip', async () => {
    const { url } = await api.connections.startOAuth({});
    const answer = await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' });
    const back = new URL(answer.headers.get('location') ?? '');
    const code = back.searchParams.get('code') ?? '';
    const state = back.searchParams.get('state') ?? '';
    const { api: other } = await h.signUp('other-connect@example.test');
    await expect(other.connections.completeOAuth({ code, state })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await api.connections.completeOAuth({ code, state });
    await expect(api.connections.completeOAuth({ code, state })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  test('extending the consent stores rotated tokens and a later expiry', async () => {
    const connection = await h.connectBank(api);
    const before = await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
    h.bank.advanceClock(30 * 86_400_000);
    const extended = await api.connections.extendConsent({ connectionId: connection.id });
    const after = await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(extended.consentExpiresAt.getTime()).toBeGreaterThan(before.consentExpiresAt.getTime());
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
    expect(after.refreshTokenEnc).not.toBe(before.refreshTokenEnc);
  });

  test('an expired consent answers PRECONDITION_FAILED to a plan', async () => {
    const connection = await h.connectBank(api);
    await h.db.bankConnection.update({
      where: { id: connection.id },
      data: { consentExpiresAt: new Date(Date.now() - 1_000) },
    });
    const [listed] = (await api.connections.list()).filter((c) => c.id === connection.id);
    expect(listed?.status).toBe('needs_reconsent');
    const plan = api.importPlan({ connectionId: connection.id, fromDate: daysAgo(3), toDate: daysAgo(0) });
    await expect(plan).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  test('a connection is named by its bank and digits until the person renames it', async () => {
    const first = await h.connectBank(api);
    const digits = first.accounts.find((a) => a.maskedNumber)?.maskedNumber;
    expect(first.name).toBe(`${first.providerName} ••${digits}`);
    const renamed = await api.connections.rename({ connectionId: first.id, label: '  Joint account  ' });
    expect([renamed.label, renamed.name]).toEqual(['Joint account', 'Joint account']);
    const listed = (await api.connections.list()).find((c) => c.id === first.id);
    expect(listed?.name).toBe('Joint account');
  });

  test('a rename refuses empty, too long and control-character names', async () => {
    const connection = await h.connectBank(api);
    for (const label of ['   ', 'x'.repeat(61), 'tab\there', 'bell\u0007']) {
      await expect(api.connections.rename({ connectionId: connection.id, label })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
    await expect(
      api.connections.rename({ connectionId: connection.id, label: 'x'.repeat(60) }),
    ).resolves.toMatchObject({ label: 'x'.repeat(60) });
    await expect(api.connections.rename({ connectionId: 'nope', label: 'Mine' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('refreshing the accounts keeps them, removing the connection forgets it', async () => {
    const connection = await h.connectBank(api);
    const refreshed = await api.connections.refreshAccounts({ connectionId: connection.id });
    expect(refreshed.accounts.map((a) => a.id)).toEqual(connection.accounts.map((a) => a.id));
    expect(await api.connections.remove({ connectionId: connection.id })).toEqual({
      connectionId: connection.id,
      removed: true,
    });
    expect((await api.connections.list()).map((c) => c.id)).not.toContain(connection.id);
  });
});
