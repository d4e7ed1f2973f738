import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenCipher, type Db } from '@app/db';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '@app/db/testing';
import {
  addDays,
  connectBank,
  createInProcessProgressPort,
  importerConfigSchema,
  planImport,
  silentLogger,
  todayIn,
  type ImporterDeps,
  type PlanImportInput,
  type ProgressEvent,
  type ProgressPort,
} from '@app/importer';
import { createSandboxBank } from '@app/sandbox';
import { createTrueLayerClient, truelayerConfigSchema } from '@app/truelayer';
import { Queue } from 'bullmq';

const here = path.dirname(fileURLToPath(import.meta.url));
export const testTokenKey = randomBytes(32).toString('base64');

/** Redis-backed suites run only when TEST_REDIS_URL names a server; otherwise they are skipped with this reason. */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? '';
export const redisSkipReason = testRedisUrl ? '' : ' (skipped: TEST_REDIS_URL is not set)';

/**
 * Several worker processes write at once, which is what the scaled mode's PostgreSQL is for: on one SQLite file
 * the importer's read-then-write transactions fail with SQLITE_BUSY under that load, so those suites skip.
 */
export const multiProcessSkipReason = !testRedisUrl
  ? ' (skipped: TEST_REDIS_URL is not set)'
  : !testPostgresUrl
    ? ' (skipped: TEST_POSTGRES_URL is not set)'
    : '';

/** A queue name (and channel prefix) of the test file's own, so parallel test files never share work. */
export function uniqueQueueName(label: string): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}

export async function obliterateQueue(queueName: string) {
  const queue = new Queue(queueName, { connection: { url: testRedisUrl } });
  await queue.obliterate({ force: true });
  await queue.close();
}

export type SandboxOptions = Parameters<typeof createSandboxBank>[0];
export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** A migrated database, a sandbox bank on a random port, and in-process importer dependencies wired to both. */
export async function createHarness(options: { provider?: 'sqlite' | 'postgresql'; sandbox?: SandboxOptions; progress?: ProgressPort } = {}) {
  const database: TestDatabase = await createTestDatabase(options.provider ?? 'sqlite');
  const bank = await createSandboxBank({ seed: 7, ...options.sandbox }).listen(0, '127.0.0.1');
  const client = createTrueLayerClient(
    truelayerConfigSchema.parse({
      authUrl: bank.authUrl,
      apiUrl: bank.apiUrl,
      clientId: bank.clientId,
      clientSecret: bank.clientSecret,
      redirectUri: 'http://127.0.0.1/callback',
      retryBaseMs: 5,
      retryMaxMs: 50,
      timeoutMs: 5_000,
    }),
  );
  const deps: ImporterDeps = {
    db: database.db,
    bank: client,
    cipher: createTokenCipher({ test: testTokenKey }, 'test'),
    progress: options.progress ?? createInProcessProgressPort(),
    config: importerConfigSchema.parse({ workers: 3 }),
    logger: silentLogger,
    now: () => new Date(),
  };

  async function connectUser(email: string, user: string) {
    const owner = await database.db.user.create({ data: { email, passwordHash: 'not-used' } });
    const issued = bank.issueTokens(user);
    const tokens = {
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      expiresAt: new Date(Date.now() + issued.expires_in * 1000),
      scopes: [],
    };
    const { connection, accounts } = await connectBank(deps, { userId: owner.id, tokens, psuIp: '127.0.0.1' });
    return { user: owner, connection, accounts };
  }

  async function plan(input: Omit<PlanImportInput, 'autoEnrich' | 'batchSize' | 'psuIp'> & Partial<PlanImportInput>) {
    return planImport(deps, { autoEnrich: false, batchSize: 50, psuIp: '127.0.0.1', ...input });
  }

  /** Starts a worker process on this harness's database and bank. */
  function spawnWorker(queue: { queueName: string; channelPrefix: string; concurrency: number }) {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures/worker-process.ts')], {
      cwd: path.join(here, '..'),
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl,
        QUEUE_NAME: queue.queueName,
        CHANNEL_PREFIX: queue.channelPrefix,
        CONCURRENCY: String(queue.concurrency),
        SANDBOX_AUTH_URL: bank.authUrl,
        SANDBOX_API_URL: bank.apiUrl,
        SANDBOX_CLIENT_ID: bank.clientId,
        SANDBOX_CLIENT_SECRET: bank.clientSecret,
        TOKEN_KEY: testTokenKey,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    const waiters: { match(line: string): boolean; resolve(line: string): void }[] = [];
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.match(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    function waitForLine(match: (line: string) => boolean): Promise<string> {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    }
    return {
      lines,
      waitForLine,
      ready: waitForLine((line) => line === 'ready'),
      exited,
      kill(signal: NodeJS.Signals) {
        child.kill(signal);
      },
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  }

  async function close() {
    await bank.close();
    await database.drop();
  }

  return { database, db: database.db as Db, bank, deps, connectUser, plan, spawnWorker, close };
}
export type WorkerProcess = ReturnType<Harness['spawnWorker']>;

/** Resolves with the first event of a job that matches; subscribe before causing it. */
export function nextEvent(progress: ProgressPort, jobId: string, match: (event: ProgressEvent) => boolean): Promise<ProgressEvent> {
  return new Promise((resolve) => {
    const unsubscribe = progress.subscribe(jobId, (event) => {
      if (!match(event)) return;
      unsubscribe();
      resolve(event);
    });
  });
}

/** The stored transactions of some accounts in a comparable form (our ids and timestamps left out). */
export async function storedTransactions(db: Db, accountIds: string[]) {
  const rows = await db.transaction.findMany({
    where: { accountId: { in: accountIds } },
    orderBy: [{ accountId: 'asc' }, { dedupKey: 'asc' }],
    select: { accountId: true, dedupKey: true, status: true, bookingDate: true, amountMinor: true, description: true },
  });
  return rows.map(({ accountId: _, ...row }) => row);
}

/** The counts two runs of the same import must agree on. */
export async function jobTotals(db: Db, jobId: string) {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  return { status: job.status, fetched: job.totalFetched, synced: job.totalSynced, duplicates: job.totalDuplicates, errors: job.totalErrors };
}

/** Transactions an import has stored so far (the job's totals are only written when a run ends). */
export async function syncedSoFar(db: Db, jobId: string): Promise<number> {
  const { _sum } = await db.importProgress.aggregate({ where: { jobId }, _sum: { synced: true } });
  return _sum.synced ?? 0;
}

/** A date `days` before today on the importer's calendar (Europe/London by default). */
export function daysAgo(days: number): string {
  return addDays(todayIn('Europe/London', new Date()), -days);
}
