import { createApiClient, type ApiClient } from '@app/api/client';
import type { Db } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { listEventsSince } from '@app/importer';
import { createSandboxBank, type SandboxBank } from '@app/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startAppProcess, testTokenKeys, type RunningApp } from './app-process';
import { followImport } from './follow-import';
import { daysAgo } from './server-harness';

// The server process itself is SIGKILLed at ten points of an import and started again: each time the job resumes
// from its checkpoints and ends `completed` with exactly the data, counts and event ids of an uninterrupted run.

const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
const range = { fromDate: daysAgo(150), toDate: daysAgo(0), batchSize: 10 };

/** The stored transactions of a user, comparable across users (keyed by the bank's account id, not ours). */
async function storedRowsOf(db: Db, userId: string) {
  const rows = await db.transaction.findMany({
    where: { account: { connection: { userId } } },
    select: {
      dedupKey: true,
      status: true,
      bookingDate: true,
      amountMinor: true,
      description: true,
      account: { select: { providerAccountId: true } },
    },
  });
  return rows
    .map(({ account, ...row }) => ({ providerAccountId: account.providerAccountId, ...row }))
    .sort((a, b) =>
      `${a.providerAccountId}|${a.dedupKey}`.localeCompare(`${b.providerAccountId}|${b.dedupKey}`),
    );
}

async function totalsOf(db: Db, jobId: string) {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  return {
    status: job.status,
    fetched: job.totalFetched,
    synced: job.totalSynced,
    duplicates: job.totalDuplicates,
    errors: job.totalErrors,
  };
}

describe('when the server process is killed in the middle of an import', () => {
  let bank: SandboxBank;
  let database: TestDatabase;
  let server: RunningApp;
  const keys = testTokenKeys();
  const clients: ApiClient[] = [];
  beforeAll(async () => {
    // one bank for every server process, so bank connections survive the restarts as they would in production
    bank = await createSandboxBank({ seed: 5, latency: { fixedMs: 10, jitterMs: 0 } }).listen(0, '127.0.0.1');
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.app.stop();
    await bank?.close();
    await database?.drop();
  });

  const start = async () => {
    server = await startAppProcess({
      DATABASE_URL: database.url,
      SANDBOX_URL: bank.url,
      TOKEN_ENCRYPTION_KEYS: keys.env,
    });
  };
  const client = (sessionToken?: string) => {
    const api = createApiClient({ url: server.url, sessionToken, WebSocket: NodeWebSocket });
    clients.push(api);
    return api;
  };

  /** A new user with the sandbox bank connected through the server's own OAuth round trip, and a planned import. */
  async function userWithPlannedImport(email: string) {
    const { sessionToken } = await client().auth.signUp.mutate({ email, password: 'correct horse battery' });
    const api = client(sessionToken);
    const { url } = await api.connections.startOAuth.mutate({});
    const callback = new URL(
      (await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const connection = await api.connections.completeOAuth.mutate({
      code: callback.searchParams.get('code') ?? '',
      state: callback.searchParams.get('state') ?? '',
    });
    const { jobId } = await api.importPlan.mutate({ connectionId: connection.id, ...range });
    const user = await database.db.user.findUniqueOrThrow({ where: { email } });
    return { api, sessionToken, jobId, userId: user.id };
  }

  test(
    'every run ends completed with the data of the uninterrupted run, wherever the kill lands',
    { timeout: 120_000 },
    async () => {
      await start();
      const reference = await userWithPlannedImport('reference@example.test');
      const followed = followImport(reference.api, reference.jobId);
      await reference.api.importStart.mutate({ jobId: reference.jobId });
      const { events } = await followed;
      const expectedTotals = await totalsOf(database.db, reference.jobId);
      expect(expectedTotals).toMatchObject({ status: 'completed', errors: 0 });
      const expectedRows = await storedRowsOf(database.db, reference.userId);
      expect(expectedRows.length).toBeGreaterThan(100);

      // ten kill points spread over the run's events, from its first to its last few
      const killPoints = Array.from({ length: 10 }, (_, i) =>
        Math.max(1, Math.round(((i + 0.5) * (events.length - 2)) / 10)),
      );
      let interrupted = 0;
      for (const [attempt, killAt] of killPoints.entries()) {
        const victim = await userWithPlannedImport(`victim-${attempt}@example.test`);
        const victimApp = server.app;
        void followImport(victim.api, victim.jobId, (_event, count) => {
          if (count === killAt) victimApp.kill('SIGKILL');
        }).catch(() => undefined); // the server dies under this subscription
        await victim.api.importStart.mutate({ jobId: victim.jobId });
        await victimApp.exited;
        await victim.api.close();
        if ((await totalsOf(database.db, victim.jobId)).status === 'running') interrupted += 1;

        await start(); // recovers the job from its checkpoints
        const resumed = await followImport(client(victim.sessionToken), victim.jobId);
        expect(resumed.events.at(-1)?.job.status, `killed after event ${killAt}`).toBe('completed');
        expect(await totalsOf(database.db, victim.jobId), `killed after event ${killAt}`).toEqual(
          expectedTotals,
        );
        expect(await storedRowsOf(database.db, victim.userId), `killed after event ${killAt}`).toEqual(
          expectedRows,
        );
        const stored = await listEventsSince(database.db, victim.jobId, 0);
        expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1)); // no event lost or repeated across the kill
      }
      expect(interrupted).toBeGreaterThanOrEqual(8); // the kills really landed mid-import
    },
  );
});
