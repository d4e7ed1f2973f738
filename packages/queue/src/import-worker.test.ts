import { pauseImport, resumeImport, runImportJob, startImport, type ProgressEvent } from '@app/importer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createHarness,
  daysAgo,
  jobTotals,
  nextEvent,
  obliterateQueue,
  redisSkipReason,
  storedTransactions,
  testRedisUrl,
  uniqueQueueName,
  type Harness,
} from '../test/harness';
import { createBullTransport, type BullTransport } from './bull-transport';
import { createImportWorker, type ImportWorker } from './import-worker';

describe.skipIf(!testRedisUrl)(`an import worker in this process${redisSkipReason}`, () => {
  const queueName = uniqueQueueName('worker');
  const range = { fromDate: daysAgo(180), toDate: daysAgo(0), batchSize: 20 };
  let h: Harness;
  let transport: BullTransport;
  const workers: ImportWorker[] = [];
  const startWorker = async () => {
    const worker = createImportWorker(h.deps, { connection: testRedisUrl, queueName, concurrency: 2 });
    workers.push(worker);
    await worker.ready();
    return worker;
  };
  beforeAll(async () => {
    h = await createHarness({ sandbox: { latency: { fixedMs: 10, jitterMs: 10 } } });
    transport = createBullTransport({ connection: testRedisUrl, queueName });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await transport?.close();
    await obliterateQueue(queueName);
    await h?.close();
  });

  test('closing a worker mid-import leaves the job queued, and another worker finishes it like an uninterrupted run', async () => {
    const reference = await h.connectUser('reference@example.test', 'john5');
    const refPlan = await h.plan({
      userId: reference.user.id,
      connectionId: reference.connection.id,
      ...range,
    });
    await h.db.importJob.update({ where: { id: refPlan.job.id }, data: { status: 'queued' } });
    await runImportJob(h.deps, refPlan.job.id);

    const victim = await h.connectUser('shutdown@example.test', 'john5');
    const { job } = await h.plan({ userId: victim.user.id, connectionId: victim.connection.id, ...range });
    const first = await startWorker();
    const working = nextEvent(h.deps.progress, job.id, (event) => event.job.totals.synced > 0);
    await startImport({ ...h.deps, transport }, victim.user.id, job.id);
    await working;
    await first.close();

    expect((await jobTotals(h.db, job.id)).status).toBe('queued');
    expect(await transport.isScheduled(job.id)).toBe(true); // handed on, waiting for a worker
    const finished = nextEvent(h.deps.progress, job.id, (event) => event.kind === 'finished');
    await startWorker();
    expect((await finished).job.status).toBe('completed');
    expect(await jobTotals(h.db, job.id)).toEqual(await jobTotals(h.db, refPlan.job.id));
    expect(
      await storedTransactions(
        h.db,
        victim.accounts.map((a) => a.id),
      ),
    ).toEqual(
      await storedTransactions(
        h.db,
        reference.accounts.map((a) => a.id),
      ),
    );
  });

  test('a pause interrupts the bank requests in flight at once, and resume finishes the job', async () => {
    await startWorker();
    const { user, connection } = await h.connectUser('interrupt@example.test', 'john6');
    const { job } = await h.plan({ userId: user.id, connectionId: connection.id, ...range });
    const controls = { ...h.deps, transport };
    // Every data request now hangs at the bank; the client would wait 5 s (its timeout) before giving up.
    h.bank.setFaults({ rateTimeout: 1, timeoutMs: 60_000 });
    h.bank.resetStats();
    await startImport(controls, user.id, job.id);
    await expect
      .poll(() => h.bank.stats().byStatus.timeout ?? 0, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(3);

    const paused = nextEvent(
      h.deps.progress,
      job.id,
      (event: ProgressEvent) => event.job.status === 'paused',
    );
    const asked = Date.now();
    await pauseImport(controls, user.id, job.id);
    await paused;
    expect(Date.now() - asked).toBeLessThan(2_000);

    h.bank.setFaults({ rateTimeout: 0 });
    const finished = nextEvent(h.deps.progress, job.id, (event) => event.kind === 'finished');
    await resumeImport(controls, user.id, job.id);
    expect((await finished).job.status).toBe('completed');
  });
});
