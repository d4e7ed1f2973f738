import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiClient } from '@app/api/client';
import { createDb, type Db } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { createSandboxBank, type SandboxBank } from '@app/sandbox';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { runAdmin } from '../src/admin/admin-program';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { startServer, type RunningServer } from '../src/start-server';
import { daysAgo } from './server-harness';

// `admin backup` copies the SQLite database while an import writes to it; restoring that copy and starting the
// server resumes the import to exactly the data of the run that was never interrupted.

const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
const keys = { keys: { test: randomBytes(32).toString('base64') }, currentKeyId: 'test' };

async function admin(argv: string[], databaseUrl: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    env: loadEnv({ DATABASE_URL: databaseUrl }),
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    readStdin: async () => '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function rowsOf(db: Db, userId: string) {
  const rows = await db.transaction.findMany({
    where: { account: { connection: { userId } } },
    select: {
      accountId: true,
      dedupKey: true,
      status: true,
      bookingDate: true,
      amountMinor: true,
      description: true,
    },
  });
  return rows.sort((a, b) => `${a.accountId}|${a.dedupKey}`.localeCompare(`${b.accountId}|${b.dedupKey}`));
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 120_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the import');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('backup and restore of the SQLite database', () => {
  let bank: SandboxBank;
  let database: TestDatabase;
  let dir: string;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    // one bank for both servers, as a real bank outlives our process
    bank = await createSandboxBank({ seed: 5, latency: { fixedMs: 40, jitterMs: 0 } }).listen(0, '127.0.0.1');
    database = await createTestDatabase('sqlite');
    dir = mkdtempSync(path.join(tmpdir(), 'spending-backup-'));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await bank?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (databaseUrl: string) => {
    const server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl,
        tokenKeys: keys,
        bank: {
          kind: 'shared-sandbox',
          url: bank.url,
          clientId: 'sandbox-spending',
          clientSecret: 'sandbox-secret',
        },
        importer: { workers: 2, jobConcurrency: 2 },
        sessionTtlDays: 30,
        demoUser: null,
        mutationsPerMinute: 10_000,
        secureCookies: false,
      },
      { logger: createLogger({ level: 'silent', pretty: false }) },
    );
    servers.push(server);
    return server;
  };

  test(
    'a backup taken mid-import restores, and the import resumes to the same data',
    { timeout: 240_000 },
    async () => {
      const first = await start(database.url);
      const anon = createApiClient({ url: first.url, WebSocket: NodeWebSocket });
      const { sessionToken, user } = await anon.auth.signUp.mutate({
        email: 'backup@example.test',
        password: 'correct horse battery',
      });
      const api = createApiClient({ url: first.url, sessionToken, WebSocket: NodeWebSocket });
      const { url } = await api.connections.startOAuth.mutate({});
      const callback = new URL(
        (await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' })).headers.get('location') ?? '',
      );
      const connection = await api.connections.completeOAuth.mutate({
        code: callback.searchParams.get('code') ?? '',
        state: callback.searchParams.get('state') ?? '',
      });
      const { jobId } = await api.importPlan.mutate({
        connectionId: connection.id,
        fromDate: daysAgo(300),
        toDate: daysAgo(0),
        batchSize: 10,
      });
      await api.importStart.mutate({ jobId });

      // as soon as the import has committed something, back up while it keeps writing
      const countRows = () =>
        database.db.transaction.count({ where: { account: { connectionId: connection.id } } });
      await until(countRows, (n) => n > 0);
      const backupFile = path.join(dir, 'mid-import.db');
      const backedUp = await admin(['backup', '--to', backupFile], database.url);
      expect([backedUp.code, backedUp.err]).toEqual([0, '']);

      const finished = await until(
        () => database.db.importJob.findUniqueOrThrow({ where: { id: jobId } }),
        (job) => job.status === 'completed',
      );
      const expectedRows = await rowsOf(database.db, user.id);
      await first.close();

      // the copy holds the import in the middle: running, some rows, not all
      const copy = createDb(`file:${backupFile}`);
      const atBackup = await copy.importJob.findUniqueOrThrow({ where: { id: jobId } });
      const rowsAtBackup = (await rowsOf(copy, user.id)).length;
      await copy.$disconnect();
      expect(atBackup.status).toBe('running');
      expect(rowsAtBackup).toBeGreaterThan(0);
      expect(rowsAtBackup).toBeLessThan(expectedRows.length);

      const restoredUrl = `file:${path.join(dir, 'restored.db')}`;
      const restored = await admin(['restore', '--from', backupFile], restoredUrl);
      expect([restored.code, restored.err]).toEqual([0, '']);
      await start(restoredUrl); // recovers the running job from its checkpoints
      const db = createDb(restoredUrl);
      try {
        const resumed = await until(
          () => db.importJob.findUniqueOrThrow({ where: { id: jobId } }),
          (job) => job.status === 'completed' || job.status === 'failed',
        );
        expect([resumed.status, resumed.totalFetched, resumed.totalSynced, resumed.totalDuplicates]).toEqual([
          'completed',
          finished.totalFetched,
          finished.totalSynced,
          finished.totalDuplicates,
        ]);
        expect(await rowsOf(db, user.id)).toEqual(expectedRows);
      } finally {
        await db.$disconnect();
      }

      // a backup of another schema version is refused, and the database is left as it was
      const older = path.join(dir, 'older.db');
      copyFileSync(backupFile, older);
      const ledger = new Database(older);
      ledger
        .prepare(
          'DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)',
        )
        .run();
      ledger.close();
      const target = `file:${path.join(dir, 'untouched.db')}`;
      const refused = await admin(['restore', '--from', older], target);
      expect(refused.code).not.toBe(0);
      expect(refused.err).toMatch(
        /^error: the backup is of another schema version \(lacks \S+\): restore it with the version that made it$/,
      );
    },
  );

  test('PostgreSQL is backed up with pg_dump, and the command says so', async () => {
    const result = await admin(
      ['backup', '--to', path.join(dir, 'x.db')],
      'postgresql://postgres@127.0.0.1:5432/x',
    );
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('pg_dump');
  });
});
