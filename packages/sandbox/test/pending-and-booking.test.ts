import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiTransaction, SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

const PSU = { psuIp: '203.0.113.9' };
const DAY = 86_400_000;
let bank: SandboxBank;

beforeAll(async () => {
  bank = await startBank({ transactionsPerMonth: 200 });
});
afterAll(() => bank.close());

const providerKey = (item: ApiTransaction) => item.provider_transaction_id ?? '';

test('pending items are the last pendingDays days and never among booked ones', async () => {
  const token = bank.issueTokens().access_token;
  const { current } = idsOf(bank);
  const pending = (
    await getData<ApiTransaction>(bank, token, `/accounts/${current}/transactions/pending`, PSU)
  ).body.results;
  const booked = (await getData<ApiTransaction>(bank, token, `/accounts/${current}/transactions`, PSU)).body
    .results;
  expect(pending.length).toBeGreaterThan(0);
  expect(new Set(pending.map((item) => item.timestamp.slice(0, 10)))).toEqual(
    new Set(['2026-06-03', '2026-06-02']),
  );
  const bookedIds = new Set(booked.map((item) => item.transaction_id));
  expect(pending.some((item) => bookedIds.has(item.transaction_id))).toBe(false);
  expect(booked.every((item) => item.timestamp.slice(0, 10) <= '2026-06-02')).toBe(true);
});

test('after the clock advances, pending items are booked with a new transaction_id and the same provider ids', async () => {
  const { current } = idsOf(bank);
  const token = bank.issueTokens().access_token;
  const pending = (
    await getData<ApiTransaction>(bank, token, `/accounts/${current}/transactions/pending`, PSU)
  ).body.results;
  const start = bank.now();
  bank.advanceClock(3 * DAY);
  const fresh = bank.issueTokens().access_token;
  const booked = (
    await getData<ApiTransaction>(
      bank,
      fresh,
      `/accounts/${current}/transactions?from=2026-06-01&to=2026-06-06`,
      PSU,
    )
  ).body.results;
  bank.setClock(start);

  const withIds = pending.filter((item) => item.provider_transaction_id);
  expect(withIds.length).toBeGreaterThan(0);
  const bookedByProviderId = new Map(booked.map((item) => [providerKey(item), item]));
  let laterDays = 0;
  for (const item of withIds) {
    const match = bookedByProviderId.get(providerKey(item));
    expect(match, `pending ${item.description} should be booked`).toBeDefined();
    expect(match?.transaction_id).not.toBe(item.transaction_id);
    expect(match?.normalised_provider_transaction_id).toBe(item.normalised_provider_transaction_id);
    expect(match?.amount).toBe(item.amount);
    if ((match?.timestamp.slice(0, 10) ?? '') > item.timestamp.slice(0, 10)) laterDays += 1;
  }
  // Some purchases book a day after they were pending.
  expect(laterDays).toBeGreaterThan(0);
});
