import { randomBytes } from 'node:crypto';
import { createApiClient, type ApiClient } from '@app/api/client';
import { createTokenCipher, type Db } from '@app/db';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '@app/db/testing';
import {
  connectBank,
  createInProcessProgressPort,
  createJobRunner,
  importerConfigSchema,
  listEventsSince,
  planImport,
  silentLogger,
  startImport,
  type ImporterDeps,
  type ProgressEvent,
} from '@app/importer';
import { createSandboxBank, type SandboxBank } from '@app/sandbox';
import { createTrueLayerClient, truelayerConfigSchema } from '@app/truelayer';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { followImport } from './follow-import';
import { spawnApp, startCountingProxy, type AppProcess } from './scaled-processes';
import { daysAgo } from './server-harness';

const redisUrl = process.env.TEST_REDIS_URL ?? '';
const skipReason = !redisUrl
  ? ' (skipped: TEST_REDIS_URL is not set)'
  : !testPostgresUrl
    ? ' (skipped: TEST_POSTGRES_URL is not set)'
    : '';

/** Node 20 has no global WebSocket; the `ws` class stands in for the browser's. */
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
// Every import of the users below is of the sandbox's `john` over this range, so one embedded run is the reference.
const range = { fromDate: daysAgo(90), toDate: daysAgo(0), batchSize: 20 };
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const jobRunning = 'import job running';

/** A connection's stored transactions in a comparable form (our ids and timestamps left out). */
function storedTransactions(db: Db, connectionId: string) {
  return db.transaction.findMany({
    where: { account: { connectionId } },
    orderBy: [{ account: { providerAccountId: 'asc' } }, { dedupKey: 'asc' }],
    select: { dedupKey: true, status: true, bookingDate: true, amountMinor: true, description: true },
  });
}

async function jobTotals(db: Db, jobId: string) {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  return {
    status: job.status,
    fetched: job.totalFetched,
    synced: job.totalSynced,
    duplicates: job.totalDuplicates,
    errors: job.totalErrors,
  };
}

describe.skipIf(skipReason !== '')(
  `the scaled mode: 2 API processes and 3 worker processes on PostgreSQL and Redis${skipReason}`,
  () => {
    const queueName = `test-scaled-${randomBytes(4).toString('hex')}`;
    const tokenKey = randomBytes(32).toString('base64');
    let database: TestDatabase;
    let bank: SandboxBank;
    let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
    let apis: AppProcess[] = [];
    let workers: AppProcess[] = [];
    let replicaUrls: string[] = [];
    const clients: ApiClient[] = [];
    let reference: { jobId: string; connectionId: string };

    function client(replica: number, sessionToken?: string) {
      const url = replicaUrls[replica];
      if (!url) throw new Error(`no replica ${replica}`);
      const api = createApiClient({ url, sessionToken, WebSocket: NodeWebSocket });
      clients.push(api);
      return api;
    }

    /** Signs up on one replica and connects the sandbox bank through its OAuth round trip. */
    async function signUpAndConnect(email: string, replica: number) {
      const { sessionToken } = await client(replica).auth.signUp.mutate({
        email,
        password: 'correct horse battery',
      });
      const api = client(replica, sessionToken);
      const { url } = await api.connections.startOAuth.mutate({});
      const consent = await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' });
      const callback = new URL(consent.headers.get('location') ?? '');
      const connection = await api.connections.completeOAuth.mutate({
        code: callback.searchParams.get('code') ?? '',
        state: callback.searchParams.get('state') ?? '',
      });
      return { sessionToken, api, connectionId: connection.id };
    }

    /** The embedded mode's run of the same import, in this process: the in-process runner, no Redis. */
    async function runEmbeddedReference() {
      const deps: ImporterDeps = {
        db: database.db,
        bank: createTrueLayerClient(
          truelayerConfigSchema.parse({
            authUrl: bank.authUrl,
            apiUrl: bank.apiUrl,
            clientId: bank.clientId,
            clientSecret: bank.clientSecret,
            redirectUri: 'http://127.0.0.1/callback',
          }),
        ),
        cipher: createTokenCipher({ test: tokenKey }, 'test'),
        progress: createInProcessProgressPort(),
        config: importerConfigSchema.parse({ workers: 3 }),
        logger: silentLogger,
        now: () => new Date(),
      };
      const owner = await database.db.user.create({
        data: { email: 'reference@example.test', passwordHash: 'x' },
      });
      const issued = bank.issueTokens('john');
      const tokens = {
        accessToken: issued.access_token,
        refreshToken: issued.refresh_token,
        expiresAt: new Date(Date.now() + issued.expires_in * 1000),
        scopes: [],
      };
      const { connection } = await connectBank(deps, { userId: owner.id, tokens, psuIp: '127.0.0.1' });
      const { job } = await planImport(deps, {
        userId: owner.id,
        connectionId: connection.id,
        ...range,
        autoEnrich: false,
        psuIp: '127.0.0.1',
      });
      const runner = createJobRunner(deps);
      await startImport({ ...deps, transport: runner }, owner.id, job.id);
      await runner.idle();
      return { jobId: job.id, connectionId: connection.id };
    }

    async function expectSameAsReference(imported: { jobId: string; connectionId: string }) {
      const expected = await jobTotals(database.db, reference.jobId);
      expect(expected.status).toBe('completed');
      expect(await jobTotals(database.db, imported.jobId)).toEqual(expected);
      expect(await storedTransactions(database.db, imported.connectionId)).toEqual(
        await storedTransactions(database.db, reference.connectionId),
      );
    }

    /** Every event of the job, ids 1..N with N its last seq, equal to its journal, ending with a completed job. */
    async function expectEveryEvent(jobId: string, ids: number[], events: ProgressEvent[]) {
      const journal = await listEventsSince(database.db, jobId, 0);
      expect(ids).toEqual(oneToN(journal.length));
      expect(events).toEqual(journal);
      expect(events.at(-1)).toMatchObject({ kind: 'finished', job: { status: 'completed' } });
    }

    const runsOf = (jobId: string) =>
      workers.flatMap((worker) => worker.logged(jobRunning, jobId).map(() => worker.name));
    const workerRunning = (jobId: string) =>
      Promise.race(
        workers.map((w) => w.waitFor((r) => r.msg === jobRunning && r.jobId === jobId).then(() => w)),
      );

    beforeAll(async () => {
      database = await createTestDatabase('postgresql');
      bank = await createSandboxBank({ seed: 7, latency: { fixedMs: 5, jitterMs: 5 } }).listen(
        0,
        '127.0.0.1',
      );
      proxy = await startCountingProxy(bank.url);
      const env = {
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        QUEUE_NAME: queueName,
        // one sandbox bank for every process, reached through the counting proxy
        SANDBOX_URL: proxy.url,
        TRUELAYER_CLIENT_ID: bank.clientId,
        TRUELAYER_CLIENT_SECRET: bank.clientSecret,
        TOKEN_ENCRYPTION_KEYS: `test:${tokenKey}`,
        IMPORT_WORKERS: '3',
        // one job per worker at a time, so concurrent jobs spread over the processes
        JOB_CONCURRENCY: '1',
        MAX_REQUESTS_PER_CONNECTION: '2',
        // a killed worker's job and request slots are taken over within seconds, not the production half-minute
        JOB_LOCK_MS: '2000',
        MUTATIONS_PER_MINUTE: '10000',
      };
      apis = ['api-a', 'api-b'].map((name) => spawnApp(name, 'src/main.ts', env));
      workers = ['worker-1', 'worker-2', 'worker-3'].map((name) => spawnApp(name, 'src/worker.ts', env));
      // The API processes migrate the new database themselves; the reference waits for that.
      const running = await Promise.all(
        apis.map((api) => api.waitFor((r) => r.msg === 'spending import is running')),
      );
      replicaUrls = running.map((record) => String(record.url));
      reference = await runEmbeddedReference();
      await Promise.all(workers.map((worker) => worker.waitFor((r) => r.msg === 'import worker ready')));
    }, 90_000);

    afterAll(async () => {
      await Promise.all(clients.map((c) => c.close()));
      await Promise.all([...apis, ...workers].map((p) => p.stop()));
      const queue = new Queue(queueName, { connection: { url: redisUrl } });
      await queue.obliterate({ force: true });
      await queue.close();
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${queueName}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await proxy?.close();
      await bank?.close();
      await database?.drop();
    }, 60_000);
    afterEach(() => proxy.slowDown(0));

    test('several users import at once across the workers, each job once, with the embedded mode’s data', async () => {
      const users = await Promise.all(
        [0, 1, 2, 3].map((n) => signUpAndConnect(`many-${n}@example.test`, n % 2)),
      );
      const imports = await Promise.all(
        users.map(async (user, n) => {
          const { jobId } = await user.api.importPlan.mutate({ connectionId: user.connectionId, ...range });
          // followed on the other replica than the one it is started on
          const followed = followImport(client((n + 1) % 2, user.sessionToken), jobId);
          await user.api.importStart.mutate({ jobId });
          return { jobId, connectionId: user.connectionId, followed: await followed };
        }),
      );

      for (const { jobId, connectionId, followed } of imports) {
        await expectEveryEvent(jobId, followed.ids, followed.events);
        expect(runsOf(jobId)).toHaveLength(1);
        await expectSameAsReference({ jobId, connectionId });
      }
      expect(new Set(imports.flatMap(({ jobId }) => runsOf(jobId))).size).toBeGreaterThan(1);
    });

    test('a subscriber that loses replica A resumes on replica B from its last event, missing and repeating none', async () => {
      const user = await signUpAndConnect('resume@example.test', 0);
      const { jobId } = await user.api.importPlan.mutate({ connectionId: user.connectionId, ...range });
      const ids: number[] = [];
      const events: ProgressEvent[] = [];
      const firstPart = new Promise<void>((resolve, reject) => {
        const subscription = client(0, user.sessionToken).importStatus.subscribe(
          { jobId },
          {
            onData: ({ id, data }) => {
              ids.push(Number(id));
              events.push(data);
              if (ids.length === 3) {
                subscription.unsubscribe();
                resolve();
              }
            },
            onError: reject,
          },
        );
      });
      await user.api.importStart.mutate({ jobId });
      await firstPart;
      await new Promise<void>((resolve, reject) => {
        client(1, user.sessionToken).importStatus.subscribe(
          { jobId, lastEventId: String(ids.at(-1)) },
          {
            onData: ({ id, data }) => {
              ids.push(Number(id));
              events.push(data);
            },
            onComplete: resolve,
            onError: reject,
          },
        );
      });
      await expectEveryEvent(jobId, ids, events);
    });

    test('two jobs of one connection on two workers share its bank-request cap instead of each having it', async () => {
      const user = await signUpAndConnect('cap@example.test', 0);
      const jobIds = await Promise.all(
        [0, 1].map(async () => {
          const plan = { connectionId: user.connectionId, ...range, fromDate: daysAgo(240) };
          return (await user.api.importPlan.mutate(plan)).jobId;
        }),
      );
      proxy.resetPeak();
      proxy.slowDown(150);
      const followed = jobIds.map((jobId) => followImport(user.api, jobId));
      await Promise.all(jobIds.map((jobId, n) => client(n, user.sessionToken).importStart.mutate({ jobId })));
      const done = await Promise.all(followed);

      expect(done.map(({ events }) => events.at(-1)?.job.status)).toEqual(['completed', 'completed']);
      const ranOn = jobIds.map((jobId) => runsOf(jobId));
      expect(ranOn.every((names) => names.length === 1)).toBe(true);
      expect(ranOn[0]).not.toEqual(ranOn[1]);
      const windows = jobIds.map((jobId) => {
        const times = workers
          .flatMap((w) => w.records.filter((r) => r.jobId === jobId))
          .map((r) => Number(r.time));
        return { from: Math.min(...times), to: Math.max(...times) };
      });
      const [first, second] = windows;
      expect(first && second && first.from < second.to && second.from < first.to).toBe(true); // they overlapped
      // MAX_REQUESTS_PER_CONNECTION=2 across both processes (each alone would have allowed 2, so 4 together);
      // nothing else talks to the bank meanwhile, so every request counted is this connection's
      expect(proxy.peak()).toBe(2);
    });

    test('a worker stopped gracefully mid-job checkpoints it, and another worker finishes it like one run', async () => {
      const user = await signUpAndConnect('graceful@example.test', 1);
      const { jobId } = await user.api.importPlan.mutate({ connectionId: user.connectionId, ...range });
      proxy.slowDown(100); // the job is still mid-way when the worker gets its signal
      let midJob: () => void = () => undefined;
      const reachedMidJob = new Promise<void>((resolve) => (midJob = resolve));
      const followed = followImport(client(0, user.sessionToken), jobId, (_event, count) => {
        if (count === 6) midJob();
      });
      await user.api.importStart.mutate({ jobId });
      const stopping = await workerRunning(jobId);
      await reachedMidJob;
      await stopping.stop();
      workers = workers.filter((w) => w !== stopping);

      const { ids, events } = await followed;
      await expectEveryEvent(jobId, ids, events);
      expect(stopping.logged('import job handed back to the queue', jobId)).toHaveLength(1);
      expect(runsOf(jobId)).toHaveLength(1); // the run after the hand-over, on a remaining worker
      await expectSameAsReference({ jobId, connectionId: user.connectionId });
    });

    test('a worker SIGKILLed mid-job loses nothing: another takes the job over and the data equal one run', async () => {
      const user = await signUpAndConnect('killed@example.test', 0);
      const { jobId } = await user.api.importPlan.mutate({ connectionId: user.connectionId, ...range });
      proxy.slowDown(100); // the job is still mid-way when the worker gets its signal
      let midJob: () => void = () => undefined;
      const reachedMidJob = new Promise<void>((resolve) => (midJob = resolve));
      const followed = followImport(client(1, user.sessionToken), jobId, (_event, count) => {
        if (count === 6) midJob();
      });
      await user.api.importStart.mutate({ jobId });
      const victim = await workerRunning(jobId);
      await reachedMidJob;
      victim.kill('SIGKILL');
      await victim.exited;
      expect((await jobTotals(database.db, jobId)).status).toBe('running');
      const survivors = workers.filter((w) => w !== victim);

      const { ids, events } = await followed;
      await expectEveryEvent(jobId, ids, events);
      expect(survivors.flatMap((w) => w.logged(jobRunning, jobId))).toHaveLength(1);
      await expectSameAsReference({ jobId, connectionId: user.connectionId });
    });
  },
);
