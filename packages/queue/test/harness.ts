import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '@app/db';
import { testPostgresUrl } from '@app/db/testing';
import type { ProgressEvent, ProgressPort } from '@app/importer';
import {
  createHarness as createImporterHarness,
  storedTransactions as storedTransactionsOf,
  testTokenKey,
  type SandboxOptions,
} from '@app/importer/testing';
import { Queue } from 'bullmq';

const here = path.dirname(fileURLToPath(import.meta.url));
export { daysAgo, testTokenKey } from '@app/importer/testing';

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

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** The importer's test harness (database, sandbox bank, importer deps), plus worker processes on the same ones. */
export async function createHarness(
  options: { provider?: 'sqlite' | 'postgresql'; sandbox?: SandboxOptions; progress?: ProgressPort } = {},
) {
  const base = await createImporterHarness({ ...options, workers: 3 });
  const { database, bank } = base;

  /** Starts a worker process on this harness's database and bank. */
  function spawnWorker(queue: { queueName: string; channelPrefix: string; concurrency: number }) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures/worker-process.ts')],
      {
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
      },
    );
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

  return { ...base, spawnWorker };
}
export type WorkerProcess = ReturnType<Harness['spawnWorker']>;

/** Resolves with the first event of a job that matches; subscribe before causing it. */
export function nextEvent(
  progress: ProgressPort,
  jobId: string,
  match: (event: ProgressEvent) => boolean,
): Promise<ProgressEvent> {
  return new Promise((resolve) => {
    const unsubscribe = progress.subscribe(jobId, (event) => {
      if (!match(event)) return;
      unsubscribe();
      resolve(event);
    });
  });
}

/** The stored transactions of some accounts, comparable across connections (account ids left out). */
export async function storedTransactions(db: Db, accountIds: string[]) {
  return (await storedTransactionsOf(db, accountIds)).map(({ accountId: _, ...row }) => row);
}

/** The counts two runs of the same import must agree on. */
export async function jobTotals(db: Db, jobId: string) {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  return {
    status: job.status,
    fetched: job.totalFetched,
    synced: job.totalSynced,
    duplicates: job.totalDuplicates,
    errors: job.totalErrors,
  };
}

/** Transactions an import has stored so far (the job's totals are only written when a run ends). */
export async function syncedSoFar(db: Db, jobId: string): Promise<number> {
  const { _sum } = await db.importProgress.aggregate({ where: { jobId }, _sum: { synced: true } });
  return _sum.synced ?? 0;
}
