import { expect, test } from 'vitest';
import { runLoad } from './load';

// The quick form of `pnpm --filter @app/bench load`: imports under bank faults followed by resuming subscribers.
test(
  'under bank faults and dropped sockets, no import, event or transaction is lost',
  { timeout: 180_000 },
  async () => {
    const result = await runLoad({ quick: true });
    expect(result.faultedRequests).toBeGreaterThan(0);
    expect(result.drops).toBeGreaterThan(0);
    expect(result).toMatchObject({
      completed: result.imports,
      lostEvents: 0,
      repeatedEvents: 0,
      failedSubscriptions: 0,
      lostTransactions: 0,
      unexpectedTransactions: 0,
    });
  },
);
