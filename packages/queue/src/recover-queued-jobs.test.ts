import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createHarness,
  daysAgo,
  obliterateQueue,
  redisSkipReason,
  testRedisUrl,
  uniqueQueueName,
  type Harness,
} from '../test/harness';
import { createBullTransport, type BullTransport } from './bull-transport';
import { recoverQueuedJobs } from './recover-queued-jobs';

describe.skipIf(!testRedisUrl)(`recovering imports after Redis lost its queue${redisSkipReason}`, () => {
  const queueName = uniqueQueueName('recover');
  let h: Harness;
  let transport: BullTransport;
  beforeAll(async () => {
    h = await createHarness();
    transport = createBullTransport({ connection: testRedisUrl, queueName });
  });
  afterAll(async () => {
    await transport?.close();
    await obliterateQueue(queueName);
    await h?.close();
  });

  test('enqueues the queued and running imports BullMQ holds no run of, and only those', async () => {
    const { user, connection } = await h.connectUser('recover@example.test', 'john');
    const planJob = async (status: 'planned' | 'queued' | 'running' | 'paused' | 'completed') => {
      const { job } = await h.plan({
        userId: user.id,
        connectionId: connection.id,
        fromDate: daysAgo(30),
        toDate: daysAgo(0),
      });
      await h.db.importJob.update({ where: { id: job.id }, data: { status } });
      return job.id;
    };
    const lostQueued = await planJob('queued');
    const lostRunning = await planJob('running');
    const stillHeld = await planJob('queued');
    const others = [await planJob('planned'), await planJob('paused'), await planJob('completed')];
    await transport.enqueue(stillHeld);

    expect(await recoverQueuedJobs(h.db, transport)).toBe(2);
    for (const jobId of [lostQueued, lostRunning, stillHeld])
      expect(await transport.isScheduled(jobId)).toBe(true);
    for (const jobId of others) expect(await transport.isScheduled(jobId)).toBe(false);
    // A second start (another replica) finds every run in place.
    expect(await recoverQueuedJobs(h.db, transport)).toBe(0);
  });
});
