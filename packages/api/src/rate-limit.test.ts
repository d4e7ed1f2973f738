import { describe, expect, test } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('the token bucket', () => {
  test('allows a burst, then refuses with the time until the next token', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.5 }, () => now);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 2_000 });
    now = 1_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 1_000 });
    now = 2_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
  });

  test('keeps one bucket per key', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1 }, () => 0);
    expect(limiter.take('user:a')).toEqual({ allowed: true });
    expect(limiter.take('user:b')).toEqual({ allowed: true });
    expect(limiter.take('user:a').allowed).toBe(false);
  });
});
