import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appRouter } from '@app/api';
import type { ApiClient } from '@app/api/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRemixWebHandler } from '../src/remix-web-handler';
import { followImport } from './follow-import';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

// One user's objects are invisible to another, through every procedure, every REST path and the WebSocket;
// sessions end when they expire; other sites cannot post on a user's behalf; each user has their own rate limit.

type Owner = {
  api: ApiClient;
  sessionToken: string;
  connectionId: string;
  accountIds: string[];
  /** A finished import (its transactions are stored) and a planned one. */
  doneJobId: string;
  plannedJobId: string;
  scheduleId: string;
  /** A match decision of the finished import waiting for a person. */
  decisionId: string;
  /** A consent round trip started by the owner and not completed yet. */
  oauth: { code: string; state: string };
};

/** How a procedure keeps one user's objects from another. */
type IsolationCase =
  /** Given the owner's ids, the intruder is refused with one of `codes` (NOT_FOUND or FORBIDDEN unless said). */
  | { kind: 'refuses'; call: (intruder: ApiClient, owner: Owner) => Promise<unknown>; codes?: string[] }
  /** Lists and summaries: the intruder's answer holds nothing of the owner's. */
  | { kind: 'own-only'; check: (intruder: ApiClient, owner: Owner) => Promise<void> }
  /** Takes no id of anyone's: `why` says so. */
  | { kind: 'no-ids'; why: string };

const jobOf = (owner: Owner) => ({ jobId: owner.plannedJobId });

const cases: Record<string, IsolationCase> = {
  importPlan: {
    kind: 'refuses',
    call: (i, o) =>
      i.importPlan.mutate({ connectionId: o.connectionId, fromDate: daysAgo(3), toDate: daysAgo(0) }),
  },
  importStart: { kind: 'refuses', call: (i, o) => i.importStart.mutate(jobOf(o)) },
  importJob: { kind: 'refuses', call: (i, o) => i.importJob.query({ jobId: o.doneJobId }) },
  importStatus: { kind: 'refuses', call: (i, o) => followImport(i, o.doneJobId) },
  importCancel: { kind: 'refuses', call: (i, o) => i.importCancel.mutate(jobOf(o)) },
  importPause: { kind: 'refuses', call: (i, o) => i.importPause.mutate(jobOf(o)) },
  importResume: { kind: 'refuses', call: (i, o) => i.importResume.mutate(jobOf(o)) },
  importReplay: { kind: 'refuses', call: (i, o) => i.importReplay.mutate({ jobId: o.doneJobId }) },
  importFullHistory: {
    kind: 'refuses',
    call: (i, o) => i.importFullHistory.mutate({ connectionId: o.connectionId }),
  },
  importContinueLocked: {
    kind: 'refuses',
    call: (i, o) => i.importContinueLocked.mutate({ jobId: o.doneJobId }),
  },
  'matches.undo': { kind: 'refuses', call: (i, o) => i.matches.undo.mutate({ decisionId: o.decisionId }) },
  'matches.resolve': {
    kind: 'refuses',
    call: (i, o) => i.matches.resolve.mutate({ decisionId: o.decisionId, choice: 'keep_both' }),
  },
  'costs.setMonthlyCap': { kind: 'no-ids', why: "sets the caller's own cap" },
  'corrections.apply': {
    kind: 'refuses',
    call: async (i, o) => {
      const { items } = await o.api.transactions.list.query({ accountId: o.accountIds[0] ?? '', limit: 1 });
      return i.corrections.apply.mutate({
        transactionId: items[0]?.id ?? 'none',
        category: 'Other',
        scope: 'past_and_future',
      });
    },
  },
  'enrichmentSettings.set': { kind: 'no-ids', why: "sets the caller's own provider" },
  'enrichmentSettings.test': { kind: 'no-ids', why: "tests the caller's own (or the given) endpoint" },
  'enrichmentSettings.get': { kind: 'no-ids', why: "reads the caller's own provider (never a key)" },
  importDelete: { kind: 'refuses', call: (i, o) => i.importDelete.mutate({ jobId: o.doneJobId }) },
  importHistory: {
    kind: 'own-only',
    check: async (i, o) => {
      const { items } = await i.importHistory.query({ limit: 100 });
      expect(items.map((job) => job.id)).not.toEqual(expect.arrayContaining([o.doneJobId]));
      expect(items.map((job) => job.id)).not.toEqual(expect.arrayContaining([o.plannedJobId]));
    },
  },
  'auth.signUp': { kind: 'no-ids', why: 'creates a new user' },
  'auth.signIn': { kind: 'no-ids', why: 'needs the password; the session is the one signing in' },
  'auth.signOut': { kind: 'no-ids', why: "ends the caller's own session" },
  'auth.sessions': {
    kind: 'own-only',
    check: async (i, o) => {
      const owners = (await o.api.auth.sessions.query()).map((session) => session.id);
      const seen = (await i.auth.sessions.query()).map((session) => session.id);
      expect(seen).not.toEqual(expect.arrayContaining(owners.slice(0, 1)));
    },
  },
  'auth.endSession': {
    kind: 'refuses',
    call: async (i, o) => {
      const [session] = await o.api.auth.sessions.query();
      return i.auth.endSession.mutate({ sessionId: session?.id ?? '' });
    },
  },
  'auth.endOtherSessions': { kind: 'no-ids', why: "ends the caller's own other sessions" },
  'auth.changePassword': { kind: 'no-ids', why: "changes the caller's own password" },
  'auth.activity': {
    kind: 'own-only',
    check: async (i, o) => {
      const owners = (await o.api.auth.activity.query()).map((event) => event.id);
      expect(owners.length).toBeGreaterThan(0); // the owner connected a bank
      const seen = (await i.auth.activity.query()).map((event) => event.id);
      expect(seen.filter((id) => owners.includes(id))).toEqual([]);
    },
  },
  'auth.me': {
    kind: 'own-only',
    check: async (i, o) => expect((await i.auth.me.query())?.id).not.toBe((await o.api.auth.me.query())?.id),
  },
  'connections.list': {
    kind: 'own-only',
    check: async (i, o) =>
      expect((await i.connections.list.query()).map((c) => c.id)).not.toContain(o.connectionId),
  },
  'connections.startOAuth': { kind: 'no-ids', why: 'starts a round trip for the caller' },
  // Another user's OAuth state is refused like an unknown or used one: BAD_REQUEST, revealing nothing.
  'connections.completeOAuth': {
    kind: 'refuses',
    codes: ['BAD_REQUEST'],
    call: (i, o) => i.connections.completeOAuth.mutate(o.oauth),
  },
  'connections.remove': {
    kind: 'refuses',
    call: (i, o) => i.connections.remove.mutate({ connectionId: o.connectionId }),
  },
  'connections.rename': {
    kind: 'refuses',
    call: (i, o) => i.connections.rename.mutate({ connectionId: o.connectionId, label: 'Mine now' }),
  },
  'connections.refreshAccounts': {
    kind: 'refuses',
    call: (i, o) => i.connections.refreshAccounts.mutate({ connectionId: o.connectionId }),
  },
  'connections.extendConsent': {
    kind: 'refuses',
    call: (i, o) => i.connections.extendConsent.mutate({ connectionId: o.connectionId }),
  },
  'transactions.list': {
    kind: 'refuses',
    call: (i, o) => i.transactions.list.query({ accountId: o.accountIds[0] ?? '' }),
  },
  'schedules.list': {
    kind: 'own-only',
    check: async (i, o) =>
      expect((await i.schedules.list.query()).map((s) => s.id)).not.toContain(o.scheduleId),
  },
  'schedules.create': {
    kind: 'refuses',
    call: (i, o) => i.schedules.create.mutate({ connectionId: o.connectionId, cadence: 'daily' }),
  },
  'schedules.update': {
    kind: 'refuses',
    call: (i, o) => i.schedules.update.mutate({ scheduleId: o.scheduleId, enabled: false }),
  },
  'schedules.remove': {
    kind: 'refuses',
    call: (i, o) => i.schedules.remove.mutate({ scheduleId: o.scheduleId }),
  },
  'costs.summary': {
    kind: 'own-only',
    check: async (i, o) => {
      const owners = (await o.api.costs.summary.query({ days: 30 })).jobs.map((job) => job.id);
      expect(owners.length).toBeGreaterThan(0); // the owner's import was enriched
      expect((await i.costs.summary.query({ days: 30 })).jobs.map((job) => job.id)).not.toEqual(
        expect.arrayContaining(owners),
      );
    },
  },
};

const webBuild = fileURLToPath(new URL('../../web/build/', import.meta.url));
const webBuilt = existsSync(`${webBuild}server/index.js`);

async function consentCode(t: TestServer, api: ApiClient) {
  const { url } = await api.connections.startOAuth.mutate({});
  const consent = await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' });
  const callback = new URL(consent.headers.get('location') ?? '');
  return {
    code: callback.searchParams.get('code') ?? '',
    state: callback.searchParams.get('state') ?? '',
    t,
  };
}

describe("another user's objects", () => {
  let t: TestServer;
  let owner: Owner;
  let intruder: Awaited<ReturnType<TestServer['signUp']>>;
  beforeAll(async () => {
    t = await startTestServer({ web: webBuilt ? createRemixWebHandler({ buildDir: webBuild }) : undefined });
    const signedUp = await t.signUp('owner@example.test');
    const { connection } = await t.connectBank(signedUp.api);
    const done = await signedUp.api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(10),
      toDate: daysAgo(0),
      autoEnrich: true,
    });
    const followed = followImport(signedUp.api, done.jobId);
    await signedUp.api.importStart.mutate({ jobId: done.jobId });
    expect((await followed).events.at(-1)?.job.status).toBe('completed');
    const planned = await signedUp.api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(3),
      toDate: daysAgo(0),
    });
    const schedule = await signedUp.api.schedules.create.mutate({
      connectionId: connection.id,
      cadence: 'weekly',
    });
    const { code, state } = await consentCode(t, signedUp.api);
    const transaction = await t.db.transaction.findFirstOrThrow({ where: { importJobId: done.jobId } });
    const decision = await t.db.matchDecision.create({
      data: {
        jobId: done.jobId,
        accountId: transaction.accountId,
        kind: 'pending_booked',
        rule: 'amount_date',
        confidence: 70,
        transactionId: transaction.id,
        absorbed: {},
        state: 'review',
      },
    });
    owner = {
      api: signedUp.api,
      sessionToken: signedUp.sessionToken,
      connectionId: connection.id,
      accountIds: connection.accounts.map((a) => a.id),
      doneJobId: done.jobId,
      plannedJobId: planned.jobId,
      scheduleId: schedule.id,
      decisionId: decision.id,
      oauth: { code, state },
    };
    intruder = await t.signUp('intruder@example.test');
    await t.connectBank(intruder.api); // the intruder has objects of their own, so nothing is refused for lack of any
  });
  afterAll(async () => t?.close());

  test('every procedure of the router has an isolation case (a new procedure without one fails here)', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  const refusing = Object.entries(cases).flatMap(([path, c]) =>
    c.kind === 'refuses' ? [[path, c] as const] : [],
  );
  test.each(refusing)("%s refuses the owner's ids to another user", async (_, c) => {
    const error = await c.call(intruder.api, owner).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      data: {
        code: expect.stringMatching(new RegExp(`^(${(c.codes ?? ['NOT_FOUND', 'FORBIDDEN']).join('|')})$`)),
      },
    });
  });

  const ownOnly = Object.entries(cases).flatMap(([path, c]) =>
    c.kind === 'own-only' ? [[path, c] as const] : [],
  );
  test.each(ownOnly)("%s shows another user nothing of the owner's", async (_, c) => {
    await c.check(intruder.api, owner);
  });

  test("the REST paths refuse the owner's ids to another user", async () => {
    const as = { authorization: `Bearer ${intruder.sessionToken}`, 'content-type': 'application/json' };
    const status = await fetch(`${t.url}/api/truelayer/import/status/${owner.doneJobId}`, { headers: as });
    expect([status.status, await status.json()]).toEqual([
      404,
      { error: { code: 'NOT_FOUND', message: expect.any(String) } },
    ]);
    const start = await fetch(`${t.url}/api/truelayer/import/start`, {
      method: 'POST',
      headers: as,
      body: JSON.stringify({ job_id: owner.plannedJobId }),
    });
    expect(start.status).toBe(404);
    const plan = await fetch(`${t.url}/api/truelayer/import/plan`, {
      method: 'POST',
      headers: as,
      body: JSON.stringify({ connection_id: owner.connectionId, from_date: daysAgo(3), to_date: daysAgo(0) }),
    });
    expect(plan.status).toBe(404);
    const history = (await (
      await fetch(`${t.url}/api/truelayer/import/history?user_id=1`, { headers: as })
    ).json()) as { imports: { job_id: string }[] };
    expect(history.imports.map((job) => job.job_id)).not.toContain(owner.doneJobId);
  });

  test("after every attempt the owner's objects are as they were and still theirs", async () => {
    const jobs = await t.db.importJob.findMany({
      where: { id: { in: [owner.doneJobId, owner.plannedJobId] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(jobs.map((j) => j.status)).toEqual(['completed', 'planned']);
    expect(await owner.api.schedules.list.query()).toMatchObject([{ id: owner.scheduleId, enabled: true }]);
    expect(await t.db.matchDecision.findUniqueOrThrow({ where: { id: owner.decisionId } })).toMatchObject({
      state: 'review',
      resolvedAt: null,
    });
    expect(await t.db.importJob.count({ where: { replayOfJobId: owner.doneJobId } })).toBe(0); // nobody replayed it
    expect((await owner.api.connections.list.query()).map((c) => c.id)).toContain(owner.connectionId);
    // nobody renamed it
    expect(await t.db.bankConnection.findUniqueOrThrow({ where: { id: owner.connectionId } })).toMatchObject({
      label: null,
    });
    expect((await owner.api.transactions.list.query({})).items.length).toBeGreaterThan(0);
    // the intruder's attempt did not use up the owner's OAuth state: the owner's own completion still works
    await expect(owner.api.connections.completeOAuth.mutate(owner.oauth)).resolves.toMatchObject({
      status: 'active',
    });
  });

  test('a WebSocket without a valid session cannot subscribe', async () => {
    for (const api of [t.client(), t.client('not-a-session-token'), t.client(`${owner.sessionToken}x`)]) {
      await expect(followImport(api, owner.doneJobId)).rejects.toMatchObject({
        data: { code: 'UNAUTHORIZED' },
      });
    }
  });

  test('an expired session is nobody: over HTTP, REST, WebSocket and pages', async () => {
    const { user, sessionToken, api } = await t.signUp('expiring@example.test');
    const { connection } = await t.connectBank(api);
    const { jobId } = await api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(3),
      toDate: daysAgo(0),
    });
    await t.db.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await api.auth.me.query()).toBeNull();
    await expect(api.connections.list.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED', httpStatus: 401 },
    });
    await expect(followImport(t.client(sessionToken), jobId)).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    const rest = await fetch(`${t.url}/api/truelayer/import/status/${jobId}`, {
      headers: { cookie: `sid=${sessionToken}` },
    });
    expect(rest.status).toBe(401);
    if (webBuilt) {
      const page = await fetch(`${t.url}/transactions`, {
        headers: { cookie: `sid=${sessionToken}` },
        redirect: 'manual',
      });
      expect([page.status, page.headers.get('location')]).toEqual([302, expect.stringMatching(/^\/sign-in/)]);
    }
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0); // the expired row went on first use
  });

  describe("a request another site sends with the user's cookie", () => {
    const evil = { origin: 'https://evil.example' };

    test('cannot start an import through REST or tRPC, nor does an opaque origin', async () => {
      const { jobId } = await owner.api.importPlan.mutate({
        connectionId: owner.connectionId,
        fromDate: daysAgo(3),
        toDate: daysAgo(0),
      });
      const cookie = { cookie: `sid=${owner.sessionToken}` };
      for (const origin of ['https://evil.example', 'null', `http://127.0.0.1.evil.example`]) {
        const rest = await fetch(`${t.url}/api/truelayer/import/start`, {
          method: 'POST',
          headers: { ...cookie, origin, 'content-type': 'application/json' },
          body: JSON.stringify({ job_id: jobId }),
        });
        expect([origin, rest.status, await rest.json()]).toEqual([
          origin,
          403,
          { error: { code: 'FORBIDDEN', message: expect.any(String) } },
        ]);
        const form = new FormData();
        form.set('jobId', jobId);
        const trpc = await fetch(`${t.url}/trpc/importStart`, {
          method: 'POST',
          headers: { ...cookie, origin },
          body: form,
        });
        expect(trpc.status).toBe(403);
      }
      expect((await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('planned');
      // from the server's own origin, and from clients that send no Origin (CLI, curl), the same request works
      const own = await fetch(`${t.url}/api/truelayer/import/start`, {
        method: 'POST',
        headers: { ...cookie, origin: new URL(t.url).origin, 'content-type': 'application/json' },
        body: JSON.stringify({ job_id: jobId }),
      });
      expect(own.status).toBe(200);
      await owner.api.importCancel.mutate({ jobId });
    });

    test.skipIf(!webBuilt)("cannot sign the user out or in through the pages' forms", async () => {
      const signOut = await fetch(`${t.url}/sign-out`, {
        method: 'POST',
        headers: { ...evil, cookie: `sid=${owner.sessionToken}` },
        redirect: 'manual',
      });
      expect(signOut.status).toBe(403);
      expect(await owner.api.auth.me.query()).toMatchObject({ email: 'owner@example.test' });

      const body = new URLSearchParams({
        email: 'owner@example.test',
        password: 'correct horse battery',
        next: '/connections',
      });
      const signIn = await fetch(`${t.url}/sign-in`, {
        method: 'POST',
        headers: evil,
        body,
        redirect: 'manual',
      });
      expect(signIn.status).toBe(403);
      expect(signIn.headers.get('set-cookie')).toBeNull();
      const sameSite = await fetch(`${t.url}/sign-in`, {
        method: 'POST',
        headers: { origin: new URL(t.url).origin },
        body,
        redirect: 'manual',
      });
      expect(sameSite.status).toBe(302);
      expect(sameSite.headers.get('set-cookie')).toMatch(/^sid=[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
    });

    test.skipIf(!webBuilt)(
      'is refused with a 403 on every page, not left to fail inside the app',
      async () => {
        for (const page of ['/connections', '/schedules', '/connections/callback', '/imports']) {
          const answer = await fetch(`${t.url}${page}`, {
            method: 'POST',
            headers: { ...evil, cookie: `sid=${owner.sessionToken}` },
            body: new URLSearchParams({
              intent: 'delete',
              jobId: owner.plannedJobId,
              error: 'access_denied',
            }),
            redirect: 'manual',
          });
          expect([page, answer.status]).toEqual([page, 403]);
        }
      },
    );
  });
});

describe('per-user rate limits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ mutationsPerMinute: 5 });
  });
  afterAll(async () => t?.close());

  test('a user past their limit gets TOO_MANY_REQUESTS, over tRPC and REST, while another user carries on', async () => {
    const busy = await t.signUp('busy@example.test');
    const calm = await t.signUp('calm@example.test');
    const change = (api: ApiClient) =>
      api.schedules.remove.mutate({ scheduleId: 'no-such-schedule' }).catch((e: unknown) => e);
    for (let i = 0; i < 5; i += 1)
      expect(await change(busy.api)).toMatchObject({ data: { code: 'NOT_FOUND' } });
    expect(await change(busy.api)).toMatchObject({
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
      message: expect.stringMatching(/retry after \d+ s/),
    });
    const rest = await fetch(`${t.url}/api/truelayer/import/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${busy.sessionToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ job_id: 'no-such-job' }),
    });
    expect([rest.status, ((await rest.json()) as { error: { code: string } }).error.code]).toEqual([
      429,
      'TOO_MANY_REQUESTS',
    ]);
    expect(await change(calm.api)).toMatchObject({ data: { code: 'NOT_FOUND' } });
    // reading is not limited
    await expect(busy.api.schedules.list.query()).resolves.toEqual([]);
  });
});
