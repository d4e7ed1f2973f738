import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiTransaction, SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

let bank: SandboxBank;

beforeAll(async () => {
  bank = await startBank();
});
afterAll(() => bank.close());

test('every few weeks the current account has two identical cash withdrawals with no shared id', async () => {
  const token = bank.issueTokens().access_token;
  const { current } = idsOf(bank);
  const { body } = await getData<ApiTransaction>(
    bank,
    token,
    `/accounts/${current}/transactions?from=2026-03-01&to=2026-05-31`,
    { psuIp: '203.0.113.9' },
  );
  const groups = new Map<string, ApiTransaction[]>();
  for (const item of body.results.filter((candidate) => candidate.transaction_category === 'ATM')) {
    const key = `${item.timestamp}|${item.amount}|${item.description}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const pairs = [...groups.values()].filter((group) => group.length === 2);
  // 92 days with a pair every 19 days.
  expect(pairs.length).toBeGreaterThanOrEqual(4);
  for (const [a, b] of pairs) {
    expect(a?.transaction_id).not.toBe(b?.transaction_id);
    expect(a?.provider_transaction_id).toBeUndefined();
    expect(a?.normalised_provider_transaction_id).toBeUndefined();
    expect(b?.provider_transaction_id).toBeUndefined();
  }
});
