/** Whether one more call is allowed now, and if not, when the next one will be. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** In memory (synchronous) or shared in Redis (asynchronous); callers await either. */
export type RateLimiter = { take(key: string): RateLimitDecision | Promise<RateLimitDecision> };

export type RateLimitConfig = {
  /** Calls allowed in a burst. */
  capacity: number;
  /** Calls regained per second, up to `capacity`. */
  refillPerSecond: number;
};

/** Buckets this many and more are swept of full (idle) ones, so memory stays bounded by active keys. */
const sweepAt = 10_000;

/**
 * In-memory token buckets, one per key (a user, or an address for anonymous calls). Per process: behind several
 * replicas each enforces its own share, which is enough to stop a runaway client, not a distributed quota.
 */
export function createRateLimiter(
  config: RateLimitConfig,
  now: () => number = Date.now,
): { take(key: string): RateLimitDecision } {
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refill(bucket: { tokens: number; at: number }, time: number) {
    bucket.tokens = Math.min(
      config.capacity,
      bucket.tokens + ((time - bucket.at) / 1000) * config.refillPerSecond,
    );
    bucket.at = time;
  }

  function sweep(time: number) {
    for (const [key, bucket] of buckets) {
      refill(bucket, time);
      if (bucket.tokens >= config.capacity) buckets.delete(key);
    }
  }

  return {
    take(key) {
      const time = now();
      if (buckets.size >= sweepAt) sweep(time);
      const bucket = buckets.get(key) ?? { tokens: config.capacity, at: time };
      buckets.set(key, bucket);
      refill(bucket, time);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterMs: Math.ceil(((1 - bucket.tokens) / config.refillPerSecond) * 1000),
      };
    },
  };
}
