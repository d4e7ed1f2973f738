import { randomBytes } from 'node:crypto';
import { createTokenCipher } from '@app/db';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '@app/db/testing';
import {
  connectBank,
  createInProcessProgressPort,
  importerConfigSchema,
  planImport,
  silentLogger,
  startImport,
  type ImporterDeps,
} from '@app/importer';
import { createBullTransport } from '@app/queue';
import { createSandboxBank, type SandboxBank } from '@app/sandbox';
import { createTrueLayerClient, truelayerConfigSchema } from '@app/truelayer';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnApp, type AppProcess } from './scaled-processes';
import { daysAgo } from './server-harness';

const redisUrl = process.env.TEST_REDIS_URL ?? '';
const skipReason = !redisUrl
  ? ' (skipped: TEST_REDIS_URL is not set)'
  : !testPostgresUrl
    ? ' (skipped: TEST_POSTGRES_URL is not set)'
    : '';

/** The value of an unlabelled Prometheus sample in a /metrics body. */
function sample(body: string, name: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.slice(name.length + 1));
}

describe.skipIf(skipReason !== '')(
  `a scaled worker's ops port, and readiness without Redis${skipReason}`,
  () => {
    const queueName = `test-worker-ops-${randomBytes(4).toString('hex')}`;
    const tokenKey = randomBytes(32).toString('base64');
    let database: TestDatabase;
    let bank: SandboxBank;
    const processes: AppProcess[] = [];
    const envFor = (redis: string) => ({
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: redis,
      QUEUE_NAME: queueName,
      SANDBOX_URL: bank.url,
      TRUELAYER_CLIENT_ID: bank.clientId,
      TRUELAYER_CLIENT_SECRET: bank.clientSecret,
      TOKEN_ENCRYPTION_KEYS: `test:${tokenKey}`,
    });

    beforeAll(async () => {
      database = await createTestDatabase('postgresql');
      bank = await createSandboxBank({ seed: 7 }).listen(0, '127.0.0.1');
    }, 60_000);

    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()));
      if (redisUrl) {
        const queue = new Queue(queueName, { connection: { url: redisUrl } });
        await queue.obliterate({ force: true });
        await queue.close();
      }
      await bank?.close();
      await database?.drop();
    }, 60_000);

    test("the worker's /metrics counts the transactions of the import it ran", async () => {
      const worker = spawnApp('worker', 'src/worker.ts', { ...envFor(redisUrl), WORKER_OPS_PORT: '0' });
      processes.push(worker);
      const served = await worker.waitFor((r) => r.msg === 'worker ops served (/healthz, /readyz, /metrics)');
      const ops = `http://127.0.0.1:${String(served.port)}`;

      // The job is planned and queued from here, as an API replica would, so only the worker runs it.
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
        config: importerConfigSchema.parse({}),
        logger: silentLogger,
        now: () => new Date(),
      };
      const owner = await database.db.user.create({ data: { email: 'ops@example.test', passwordHash: 'x' } });
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
        fromDate: daysAgo(90),
        toDate: daysAgo(0),
        batchSize: 20,
        autoEnrich: false,
        psuIp: '127.0.0.1',
      });
      const transport = createBullTransport({ connection: redisUrl, queueName });
      try {
        await startImport({ ...deps, transport }, owner.id, job.id);
      } finally {
        await transport.close();
      }
      await worker.waitFor((r) => r.msg === 'import job running' && r.jobId === job.id);
      let done = await database.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
      for (let i = 0; i < 300 && done.status !== 'completed' && done.status !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        done = await database.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
      }
      expect(done.status).toBe('completed');
      expect(done.totalSynced).toBeGreaterThan(0);

      const metrics = await fetch(`${ops}/metrics`);
      expect(metrics.status).toBe(200);
      expect(sample(await metrics.text(), 'spending_transactions_ingested_total')).toBe(done.totalSynced);
      expect((await fetch(`${ops}/healthz`)).status).toBe(200);
      const ready = await fetch(`${ops}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ checks: { database: { ok: true }, redis: { ok: true } } });
    }, 60_000);

    test('an API process whose Redis does not answer starts, and its /readyz is 503 naming Redis', async () => {
      // nothing listens on port 1: the process must start anyway and report Redis as the reason it is not ready
      const api = spawnApp('api-dead-redis', 'src/main.ts', envFor('redis://127.0.0.1:1'));
      processes.push(api);
      const running = await api.waitFor((r) => r.msg === 'spending import is running');
      const ready = await fetch(`${String(running.url)}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { reason: string; checks: Record<string, { ok: boolean }> };
      expect(body.reason).toMatch(/^not ready: .*\bredis\b/);
      expect(body.checks.redis?.ok).toBe(false);
      expect(body.checks.database?.ok).toBe(true);
    }, 30_000);
  },
);
