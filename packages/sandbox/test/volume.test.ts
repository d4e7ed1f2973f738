import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

let bank: SandboxBank;

beforeAll(async () => {
  // The benchmark's account size: about 1,000 items a month, a little under a year.
  bank = await startBank({ transactionsPerMonth: 1_000, historyMonths: 11 });
});
afterAll(() => bank.close());

test('a 10,000-transaction account comes back whole in one response', async () => {
  const token = bank.issueTokens().access_token;
  const { current } = idsOf(bank);
  const { status, body } = await getData(
    bank,
    token,
    `/accounts/${current}/transactions?from=2025-07-03&to=2026-06-03`,
    { psuIp: '203.0.113.9' },
  );
  expect(status).toBe(200);
  expect(body.results.length).toBeGreaterThanOrEqual(10_000);
  expect(body.results.length).toBe(
    bank.expectedTransactions('john', current, { from: '2025-07-03', to: '2026-06-03' }).length,
  );
});
