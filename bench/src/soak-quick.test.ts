import { expect, test } from 'vitest';
import { runSoak } from './soak';

// The quick form of `pnpm --filter @app/bench load --soak`: 15 s of the mixed traffic, every kind of it answered
// right. RSS flatness needs the full run's minute of warm-up, so it is reported here, not asserted.
test(
  '15 s of imports under faults, subscriptions, page loads and sign-ins: no error',
  { timeout: 120_000 },
  async () => {
    const result = await runSoak({ durationMs: 15_000 });
    expect(result.errorSamples).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.importsCompleted).toBeGreaterThan(0);
    expect(result.faultedRequests).toBeGreaterThan(0);
    expect(result.wrongPasswords).toBeGreaterThan(0);
    for (const route of [
      'trpc importStart',
      'subscription to job end',
      'trpc auth.signIn',
      'trpc auth.signIn (wrong password)',
    ])
      expect(result.routes[route]?.count, route).toBeGreaterThan(0);
    expect(Object.keys(result.routes).filter((route) => route.startsWith('page ')).length).toBeGreaterThan(0);
    expect(result.rss.startMiB).toBeGreaterThan(0);
  },
);
