import { silentLogger } from '@app/importer';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redisSkipReason, testRedisUrl, uniqueQueueName } from '../test/harness';
import { createRedisRequestLimiter, type RedisRequestLimiter } from './redis-request-limiter';

/** A request that stays in flight until the test lets it go. */
function heldRequest() {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let started = false;
  return {
    request: async () => {
      started = true;
      await done;
    },
    get started() {
      return started;
    },
    finish,
  };
}

describe.skipIf(!testRedisUrl)(`the Redis request limiter${redisSkipReason}`, () => {
  const keyPrefix = `${uniqueQueueName('limit')}:`;
  const limiters: RedisRequestLimiter[] = [];
  let redis: Redis;
  /** One limiter per simulated process: each has its own Redis connection, as worker processes do. */
  const processLimiter = (maxInFlight: number, leaseMs?: number) => {
    const limiter = createRedisRequestLimiter({
      connection: testRedisUrl,
      keyPrefix,
      maxInFlight,
      leaseMs,
      logger: silentLogger,
    });
    limiters.push(limiter);
    return limiter;
  };
  const lineLength = (connectionId: string) => redis.zcard(`${keyPrefix}{${connectionId}}:line`);
  async function untilLineHas(connectionId: string, length: number) {
    while ((await lineLength(connectionId)) !== length) await new Promise((resolve) => setImmediate(resolve));
  }

  beforeAll(() => {
    redis = new Redis(testRedisUrl);
  });
  afterAll(async () => {
    await Promise.all(limiters.map((limiter) => limiter.close()));
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test('three processes never have more than the cap of one connection in flight, and reach it', async () => {
    const processes = [processLimiter(2), processLimiter(2), processLimiter(2)];
    const inFlight = new Map<string, number>();
    const most = new Map<string, number>();
    const request = (connectionId: string) => async () => {
      const now = (inFlight.get(connectionId) ?? 0) + 1;
      inFlight.set(connectionId, now);
      most.set(connectionId, Math.max(most.get(connectionId) ?? 0, now));
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
      inFlight.set(connectionId, (inFlight.get(connectionId) ?? 0) - 1);
    };
    await Promise.all(
      processes.flatMap((limiter) =>
        ['conn-a', 'conn-b'].flatMap((connectionId) =>
          Array.from({ length: 8 }, () => limiter.run(connectionId, request(connectionId))),
        ),
      ),
    );
    expect(Object.fromEntries(most)).toEqual({ 'conn-a': 2, 'conn-b': 2 });
    expect(await lineLength('conn-a')).toBe(0);
  });

  test('waiting requests are served in the order they arrived, whichever process asks', async () => {
    const [first, second] = [processLimiter(1), processLimiter(1)];
    const holder = heldRequest();
    const order: string[] = [];
    const held = first.run('conn-order', holder.request);
    await untilLineHas('conn-order', 1);
    const waiters = [second, first, second].map(async (limiter, index) => {
      await untilLineHas('conn-order', index + 1); // each joins the line after the previous one
      await limiter.run('conn-order', async () => void order.push(`waiter ${index}`));
    });
    await untilLineHas('conn-order', 4);
    holder.finish();
    await Promise.all([held, ...waiters]);
    expect(order).toEqual(['waiter 0', 'waiter 1', 'waiter 2']);
  });

  test('a request given up while waiting rejects with the abort reason and leaves the line', async () => {
    const limiter = processLimiter(1);
    const holder = heldRequest();
    const held = limiter.run('conn-abort', holder.request);
    const controller = new AbortController();
    const waiter = heldRequest();
    const waiting = limiter.run('conn-abort', waiter.request, controller.signal);
    await untilLineHas('conn-abort', 2);
    controller.abort(new Error('paused'));
    await expect(waiting).rejects.toThrow('paused');
    expect(waiter.started).toBe(false);
    expect(await lineLength('conn-abort')).toBe(1);
    holder.finish();
    await held;
    await limiter.run('conn-abort', async () => undefined);
  });

  test('the slot of a process that died frees up once its lease lapses', async () => {
    const dying = processLimiter(1, 300);
    const survivor = processLimiter(1, 300);
    const orphan = heldRequest();
    void dying.run('conn-crash', orphan.request);
    await untilLineHas('conn-crash', 1);
    limiters.splice(limiters.indexOf(dying), 1);
    await dying.close(); // no more renewals, as after a SIGKILL
    const askedAt = Date.now();
    await survivor.run('conn-crash', async () => undefined);
    expect(Date.now() - askedAt).toBeGreaterThanOrEqual(150);
    orphan.finish();
  });
});
