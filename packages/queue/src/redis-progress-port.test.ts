import { silentLogger, type ProgressEvent } from '@app/importer';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redisSkipReason, testRedisUrl, uniqueQueueName } from '../test/harness';
import { createRedisProgressPort, type RedisProgressPort } from './redis-progress-port';

function eventOf(jobId: string, seq: number): ProgressEvent {
  return {
    jobId,
    seq,
    at: new Date(0).toISOString(),
    kind: 'job',
    job: {
      jobId,
      status: 'running',
      percent: 0,
      accountsTotal: 1,
      accountsDone: 0,
      totals: { fetched: 0, synced: 0, duplicates: 0, errors: 0 },
      etaMs: null,
      errorMessage: null,
      deferredUntil: null,
    },
    account: null,
  };
}

describe.skipIf(!testRedisUrl)(`the Redis progress port${redisSkipReason}`, () => {
  const channelPrefix = `${uniqueQueueName('progress')}:`;
  let publisher: RedisProgressPort;
  let replica: RedisProgressPort;
  let admin: Redis;
  beforeAll(() => {
    // Two ports, as in two processes: a worker publishing and an API replica subscribing.
    publisher = createRedisProgressPort({ connection: testRedisUrl, channelPrefix, logger: silentLogger });
    replica = createRedisProgressPort({ connection: testRedisUrl, channelPrefix, logger: silentLogger });
    admin = new Redis(testRedisUrl);
  });
  afterAll(async () => {
    await Promise.all([publisher?.close(), replica?.close(), admin?.quit()]);
  });

  /** How many connections Redis counts on a job's channel (polled: SUBSCRIBE is acknowledged asynchronously). */
  async function subscribersOf(jobId: string, expected: number) {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const [, count] = (await admin.pubsub('NUMSUB', channelPrefix + jobId)) as [string, number];
      if (count === expected || Date.now() > deadline) return count;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  test('a subscriber receives every event of its job in order, and none of other jobs', async () => {
    const received: number[] = [];
    const done = new Promise<void>((resolve) =>
      replica.subscribe('job-a', (event) => {
        received.push(event.seq);
        if (event.seq === 50) resolve();
      }),
    );
    expect(await subscribersOf('job-a', 1)).toBe(1);
    for (let seq = 1; seq <= 50; seq += 1) {
      publisher.publish(eventOf('job-a', seq));
      publisher.publish(eventOf('job-b', seq));
    }
    await done;
    expect(received).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('listeners of one job share one channel subscription until the last one leaves', async () => {
    const first: number[] = [];
    const second: number[] = [];
    const leaveFirst = replica.subscribe('job-shared', (event) => first.push(event.seq));
    const secondHeard = new Promise<void>((resolve) =>
      replica.subscribe('job-shared', (event) => {
        second.push(event.seq);
        if (event.seq === 2) resolve();
      }),
    );
    expect(await subscribersOf('job-shared', 1)).toBe(1);

    publisher.publish(eventOf('job-shared', 1));
    await expect.poll(() => first).toEqual([1]);
    leaveFirst();
    leaveFirst(); // leaving twice must not take the other listener's subscription away
    expect(await subscribersOf('job-shared', 1)).toBe(1);
    publisher.publish(eventOf('job-shared', 2));
    await secondHeard;
    expect(first).toEqual([1]);
    expect(second).toEqual([1, 2]);
  });

  test('the channel is unsubscribed when its last listener leaves, and subscribed again for a new one', async () => {
    const leave = replica.subscribe('job-gone', () => {});
    expect(await subscribersOf('job-gone', 1)).toBe(1);
    leave();
    expect(await subscribersOf('job-gone', 0)).toBe(0);

    const again = new Promise<ProgressEvent>((resolve) => replica.subscribe('job-gone', resolve));
    expect(await subscribersOf('job-gone', 1)).toBe(1);
    publisher.publish(eventOf('job-gone', 7));
    expect((await again).seq).toBe(7);
  });
});
