import { describe, expect, test } from 'vitest';
import { createSignInLimiter, defaultSignInLimits } from './sign-in-limit';

// The same limiter runs on Redis in the scaled mode (apps/server/test/shared-limits.test.ts, two replicas).

describe('the sign-in limiter (in memory, the embedded mode)', () => {
  const config = { ...defaultSignInLimits, freeFailuresPerAccount: 2, freeFailuresPerAddress: 4 };

  test('past the free failures each one holds the account back twice as long, everywhere it is tried from', async () => {
    const limiter = createSignInLimiter({ kind: 'memory' }, config);
    const from = (address: string) => ({ account: 'Someone@Example.test', address });
    await limiter.failed(from('10.0.0.1'));
    await limiter.failed(from('10.0.0.2'));
    expect(await limiter.check(from('10.0.0.3'))).toEqual({ allowed: true });
    await limiter.failed(from('10.0.0.3')); // the 3rd: 2 s
    const first = await limiter.check({ account: 'someone@example.test', address: '10.0.0.4' });
    expect(first).toMatchObject({ allowed: false });
    expect(first.allowed ? 0 : first.retryAfterMs).toBeGreaterThan(1_000);
    expect(first.allowed ? 0 : first.retryAfterMs).toBeLessThanOrEqual(2_000);
    await limiter.failed(from('10.0.0.4')); // the 4th: 4 s
    const second = await limiter.check(from('10.0.0.5'));
    expect(second.allowed ? 0 : second.retryAfterMs).toBeGreaterThan(3_000);
    expect(second.allowed ? 0 : second.retryAfterMs).toBeLessThanOrEqual(4_000);
    // another account from a fresh address is untouched
    expect(await limiter.check({ account: 'other@example.test', address: '10.0.0.9' })).toEqual({
      allowed: true,
    });
  });

  test('many accounts from one address hold the address back; a success forgets only the account', async () => {
    const limiter = createSignInLimiter({ kind: 'memory' }, config);
    for (const account of ['a', 'b', 'c', 'd']) await limiter.failed({ account, address: '10.0.0.1' });
    expect(await limiter.check({ account: 'e', address: '10.0.0.1' })).toEqual({ allowed: true });
    await limiter.failed({ account: 'e', address: '10.0.0.1' }); // the address's 5th
    expect(await limiter.check({ account: 'f', address: '10.0.0.1' })).toMatchObject({ allowed: false });
    expect(await limiter.check({ account: 'f', address: '10.0.0.2' })).toEqual({ allowed: true });

    await limiter.failed({ account: 'g', address: '10.0.0.3' });
    await limiter.failed({ account: 'g', address: '10.0.0.3' });
    await limiter.succeeded({ account: 'g', address: '10.0.0.3' });
    await limiter.failed({ account: 'g', address: '10.0.0.3' }); // counted from zero again: free
    expect(await limiter.check({ account: 'g', address: '10.0.0.3' })).toEqual({ allowed: true });
  });
});
