import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiClient, type ApiClient } from '@app/api/client';
import type { Db } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { WebSocket } from 'ws';
import { stopOnSignals } from '../src/ops/stop-on-signals';
import { captureLogs, eventually } from './ops-helpers';
import { daysAgo } from './server-harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const shutdownTimeoutMs = 10_000;
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

describe('stopping on a signal', () => {
  function setUp(close: () => Promise<void>) {
    const signals = new EventEmitter();
    const exit = vi.fn<(code: number) => void>();
    const logs = captureLogs('info');
    stopOnSignals({ close }, { logger: logs.logger, timeoutMs: 50, signals, exit });
    return { signals, exit, logs };
  }

  test('exits 0 once the server has closed', async () => {
    const { signals, exit } = setUp(async () => undefined);
    signals.emit('SIGTERM');
    await eventually(
      async () => exit.mock.calls.length,
      (n) => n > 0,
    );
    expect(exit.mock.calls).toEqual([[0]]);
  });

  test('exits 1 when closing takes longer than the bound', async () => {
    const { signals, exit, logs } = setUp(() => new Promise<never>(() => undefined));
    signals.emit('SIGTERM');
    await eventually(
      async () => exit.mock.calls.length,
      (n) => n > 0,
    );
    expect(exit.mock.calls).toEqual([[1]]);
    expect(logs.lines().map((line) => line.msg)).toContain(
      'shutdown took too long: exiting now (imports resume from their last checkpoint)',
    );
  });

  test('a second signal exits at once', () => {
    const { signals, exit } = setUp(() => new Promise<never>(() => undefined));
    signals.emit('SIGTERM');
    signals.emit('SIGINT');
    expect(exit.mock.calls).toEqual([[1]]);
  });
});

type Child = { process: ChildProcessWithoutNullStreams; url: string; exited: Promise<number | null> };

/** The server in a child process (test/fixtures/serve-until-signal.ts), resolved once it listens. */
function startChild(database: TestDatabase, stateFile: string, tokenKeys: string): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'fixtures/serve-until-signal.ts'),
      '--sandbox-state',
      stateFile,
      '--latency-ms',
      '25',
    ],
    {
      cwd: path.join(here, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: '0',
        HOST: '127.0.0.1',
        SANDBOX_PORT: '0',
        DATABASE_URL: database.url,
        TOKEN_ENCRYPTION_KEYS: tokenKeys,
        TOKEN_ENCRYPTION_KEY_ID: '',
        REDIS_URL: '',
        SANDBOX_URL: '',
        TRUELAYER_CLIENT_ID: '',
        TRUELAYER_CLIENT_SECRET: '',
        SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
      },
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      for (const line of buffered.split('\n').slice(0, -1)) {
        const parsed = JSON.parse(line) as { msg?: string; url?: string };
        if (parsed.msg === 'spending import is running' && parsed.url)
          resolve({ process: child, url: parsed.url, exited });
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
}

async function signUpAndConnect(url: string, email: string) {
  const anonymous = createApiClient({ url, WebSocket: NodeWebSocket });
  const { sessionToken } = await anonymous.auth.signUp.mutate({ email, password: 'correct horse battery' });
  await anonymous.close();
  const api = createApiClient({ url, sessionToken, WebSocket: NodeWebSocket });
  const { url: consentUrl } = await api.connections.startOAuth.mutate({});
  const consent = await fetch(`${consentUrl}&sandbox_auto=1`, { redirect: 'manual' });
  const callback = new URL(consent.headers.get('location') ?? '');
  const connection = await api.connections.completeOAuth.mutate({
    code: callback.searchParams.get('code') ?? '',
    state: callback.searchParams.get('state') ?? '',
  });
  return { api, connection };
}

async function importStarted(api: ApiClient, connectionId: string) {
  const { jobId } = await api.importPlan.mutate({
    connectionId,
    fromDate: daysAgo(300),
    toDate: daysAgo(0),
    batchSize: 10,
  });
  await api.importStart.mutate({ jobId });
  return jobId;
}

async function finished(db: Db, jobId: string) {
  return eventually(
    () => db.importJob.findUniqueOrThrow({ where: { id: jobId } }),
    (job) => job.status === 'completed',
    30_000,
  );
}

async function storedRows(db: Db, jobId: string) {
  const { connectionId } = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  return db.transaction.findMany({
    where: { account: { connectionId } },
    orderBy: [{ account: { providerAccountId: 'asc' } }, { dedupKey: 'asc' }],
    select: {
      dedupKey: true,
      status: true,
      bookingDate: true,
      amountMinor: true,
      description: true,
      account: { select: { providerAccountId: true } },
    },
  });
}

describe('SIGTERM during an import', () => {
  let database: TestDatabase;
  let stateDir: string;
  const tokenKeys = `k1:${randomBytes(32).toString('base64')}`;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    stateDir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
  });
  afterAll(async () => {
    await database?.drop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  test('exits within the bound, and after a restart the job resumes to the same data as an uninterrupted import', async () => {
    const stateFile = path.join(stateDir, 'sandbox-auth.json');
    const first = await startChild(database, stateFile, tokenKeys);
    const victim = await signUpAndConnect(first.url, 'sigterm@example.test');
    const jobId = await importStarted(victim.api, victim.connection.id);
    await eventually(
      () => database.db.importProgress.aggregate({ where: { jobId }, _sum: { synced: true } }),
      (sum) => (sum._sum.synced ?? 0) > 0,
    );
    const signalled = Date.now();
    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(shutdownTimeoutMs);
    await victim.api.close();

    const interrupted = await database.db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      include: { progress: true },
    });
    expect(interrupted.status).toBe('queued');
    expect(interrupted.progress.some((p) => p.status !== 'completed')).toBe(true);

    const second = await startChild(database, stateFile, tokenKeys);
    try {
      const resumed = await finished(database.db, jobId);
      const reference = await signUpAndConnect(second.url, 'reference@example.test');
      const referenceJob = await finished(
        database.db,
        await importStarted(reference.api, reference.connection.id),
      );
      await reference.api.close();

      expect([resumed.totalFetched, resumed.totalSynced, resumed.totalDuplicates]).toEqual([
        referenceJob.totalFetched,
        referenceJob.totalSynced,
        referenceJob.totalDuplicates,
      ]);
      const rows = await storedRows(database.db, jobId);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await storedRows(database.db, referenceJob.id));
    } finally {
      second.process.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 90_000); // two server starts and two imports in child processes
});
