import { randomUUID } from 'node:crypto';
import type { Logger, RequestLimiter } from '@app/importer';
import { Redis, type Result } from 'ioredis';

export type RedisRequestLimiter = RequestLimiter & { close(): Promise<void> };

export type RedisRequestLimiterOptions = {
  connection: string;
  /** Bank requests in flight per connection, across every process sharing `keyPrefix`. */
  maxInFlight: number;
  keyPrefix?: string;
  /** A lease not renewed for this long is dropped: what a crashed process held frees up after it. */
  leaseMs?: number;
  /** How often a waiting request asks again. */
  pollMs?: number;
  logger: Logger;
};

// Each connection has a line of leases: `line` orders them by ticket, `expiry` holds when each lapses. The first
// `limit` leases of the line hold a slot; the others wait their turn, so a process that just released a slot
// cannot take it straight back ahead of the waiters of other processes. Redis's clock keeps expiries consistent
// across machines.
const lapseAndNow = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lapsed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, lease in ipairs(lapsed) do
  redis.call('ZREM', KEYS[1], lease)
  redis.call('ZREM', KEYS[2], lease)
end
`;
const keepKeys = `
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2]) * 2) end
`;

/** KEYS: line, expiry, ticket counter. ARGV: lease, leaseMs, limit. Joins the line if absent; 1 when it holds a slot. */
const takeScript = `${lapseAndNow}
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[3]), ARGV[1])
end
${keepKeys}
if redis.call('ZRANK', KEYS[1], ARGV[1]) < tonumber(ARGV[3]) then return 1 end
return 0`;

/** KEYS: line, expiry, ticket counter. ARGV: lease, leaseMs. Extends a lease still in line; 0 if it lapsed. */
const renewScript = `${lapseAndNow}
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
${keepKeys}
return 1`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    takeRequestSlot(
      line: string,
      expiry: string,
      tickets: string,
      lease: string,
      leaseMs: number,
      limit: number,
    ): Result<number, Context>;
    renewRequestSlot(
      line: string,
      expiry: string,
      tickets: string,
      lease: string,
      leaseMs: number,
    ): Result<number, Context>;
  }
}

/**
 * The scaled mode's per-connection cap on bank requests in flight, held across worker processes: a counting
 * semaphore of expiring leases in Redis. If Redis cannot be reached the request goes ahead uncapped (logged):
 * failing accounts over a protective limit would be worse, and BullMQ stalls on the same outage anyway.
 */
export function createRedisRequestLimiter(options: RedisRequestLimiterOptions): RedisRequestLimiter {
  const { logger, maxInFlight } = options;
  const prefix = options.keyPrefix ?? 'import-limit:';
  const leaseMs = options.leaseMs ?? 10_000;
  const pollMs = options.pollMs ?? 20;
  const redis = new Redis(options.connection);
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'request limiter connection error'));
  redis.defineCommand('takeRequestSlot', { numberOfKeys: 3, lua: takeScript });
  redis.defineCommand('renewRequestSlot', { numberOfKeys: 3, lua: renewScript });

  // A hash tag keeps a connection's keys in one slot of a Redis Cluster.
  const keysOf = (connectionId: string) =>
    [
      `${prefix}{${connectionId}}:line`,
      `${prefix}{${connectionId}}:expiry`,
      `${prefix}{${connectionId}}:tickets`,
    ] as const;

  async function waitForSlot(keys: ReturnType<typeof keysOf>, lease: string, signal?: AbortSignal) {
    for (;;) {
      signal?.throwIfAborted();
      if ((await redis.takeRequestSlot(...keys, lease, leaseMs, maxInFlight)) === 1) return;
      await pause(pollMs * (0.5 + Math.random()), signal);
    }
  }

  async function release(keys: ReturnType<typeof keysOf>, lease: string) {
    await redis.multi().zrem(keys[0], lease).zrem(keys[1], lease).exec();
  }

  return {
    async run(connectionId, request, signal) {
      const keys = keysOf(connectionId);
      const lease = randomUUID();
      try {
        await waitForSlot(keys, lease, signal);
      } catch (error) {
        await release(keys, lease).catch((err: Error) =>
          logger.warn({ connectionId, err: err.message }, 'request slot release failed; it lapses'),
        );
        if (signal?.aborted) throw signal.reason;
        logger.warn(
          { connectionId, err: String(error) },
          'request limiter unavailable; sending the request uncapped',
        );
        return request();
      }
      const renewal = setInterval(() => {
        redis
          .renewRequestSlot(...keys, lease, leaseMs)
          .catch((err: Error) =>
            logger.warn({ connectionId, err: err.message }, 'request slot renewal failed'),
          );
      }, leaseMs / 3);
      try {
        return await request();
      } finally {
        clearInterval(renewal);
        await release(keys, lease).catch((err: Error) =>
          logger.warn({ connectionId, err: err.message }, 'request slot release failed; it lapses'),
        );
      }
    },
    async close() {
      await redis.quit();
    },
  };
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
