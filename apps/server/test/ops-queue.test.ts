import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { importerConfigSchema } from '@app/importer';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOps, type Ops } from '../src/ops/create-ops';
import { captureLogs, eventually, parseMetrics, valueOf } from './ops-helpers';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)('in the scaled mode (needs TEST_REDIS_URL)', () => {
  const queueName = `ops-${randomUUID()}`;
  let database: TestDatabase;
  let ops: Ops;
  let queue: Queue;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    ops = createOps({
      db: database.db,
      databaseUrl: database.url,
      logger: captureLogs().logger,
      now: () => new Date(),
      config: { metrics: { port: null } },
      importer: importerConfigSchema.parse({}),
      scaled: { redisUrl: redisUrl ?? '', queueName },
    });
    queue = new Queue(queueName, { connection: { url: redisUrl } });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    await ops?.close();
    await database?.drop();
  });

  test('the queue depth is reported, and readiness waits for a worker', async () => {
    await queue.add('import', { jobId: 'a' }, { delay: 60_000 });
    await queue.add('import', { jobId: 'b' });
    await queue.add('import', { jobId: 'c' });
    const samples = parseMetrics(await ops.metrics.registry.metrics());
    expect(valueOf(samples, 'spending_queue_jobs', { state: 'waiting' })).toBe(2);
    expect(valueOf(samples, 'spending_queue_jobs', { state: 'delayed' })).toBe(1);
    expect(valueOf(samples, 'spending_queue_jobs', { state: 'active' })).toBe(0);

    const without = await ops.readiness.check();
    expect(without).toMatchObject({
      ready: false,
      reason: 'not ready: workers',
      checks: { redis: { ok: true }, workers: { ok: false, reason: 'no worker is connected to the queue' } },
    });

    const worker = new Worker(queueName, async () => 'done', { connection: { url: redisUrl } });
    try {
      await worker.waitUntilReady();
      const withWorker = await eventually(
        () => ops.readiness.check(),
        (r) => r.ready,
      );
      expect(withWorker.checks.workers).toMatchObject({ ok: true });
      const drained = await eventually(
        async () => parseMetrics(await ops.metrics.registry.metrics()),
        (s) => valueOf(s, 'spending_queue_jobs', { state: 'waiting' }) === 0,
      );
      expect(valueOf(drained, 'spending_queue_jobs', { state: 'waiting' })).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
