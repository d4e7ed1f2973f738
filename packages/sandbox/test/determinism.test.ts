import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ApiTransaction, SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

const PSU = { psuIp: '203.0.113.9' };
let first: SandboxBank;
let second: SandboxBank;
let otherSeed: SandboxBank;

beforeAll(async () => {
  [first, second, otherSeed] = await Promise.all([
    startBank({ seed: 7 }),
    startBank({ seed: 7 }),
    startBank({ seed: 8 }),
  ]);
});
afterAll(() => Promise.all([first.close(), second.close(), otherSeed.close()]));

async function fetchEverything(bank: SandboxBank, user: string) {
  const token = bank.issueTokens(user).access_token;
  const ids = idsOf(bank, user);
  const paths = [
    '/info',
    '/accounts',
    '/cards',
    `/accounts/${ids.current}/balance`,
    `/accounts/${ids.current}/transactions`,
    `/accounts/${ids.current}/transactions/pending`,
    `/accounts/${ids.savings}/transactions`,
    `/cards/${ids.card}/transactions`,
    `/cards/${ids.card}/balance`,
  ];
  return Promise.all(paths.map(async (path) => (await getData(bank, token, path, PSU)).body.results));
}

test('two banks with the same seed return identical data', async () => {
  expect(await fetchEverything(first, 'john')).toEqual(await fetchEverything(second, 'john'));
});

test('repeated calls return identical transactions', async () => {
  const token = first.issueTokens('john').access_token;
  const path = `/accounts/${idsOf(first).current}/transactions?from=2026-01-01&to=2026-03-31`;
  const once = await getData(first, token, path, PSU);
  const twice = await getData(first, token, path, PSU);
  expect(twice.body.results).toEqual(once.body.results);
});

test('different users get different accounts and transactions', async () => {
  expect(idsOf(first, 'john1').current).not.toBe(idsOf(first, 'john2').current);
  const [john1, john2] = await Promise.all([
    fetchEverything(first, 'john1'),
    fetchEverything(first, 'john2'),
  ]);
  const descriptions = (results: unknown[]) =>
    (results as ApiTransaction[]).map((item) => `${item.description}${item.amount}`);
  expect(descriptions(john1[4] ?? [])).not.toEqual(descriptions(john2[4] ?? []));
});

test('a different seed gives different data', () => {
  expect(idsOf(otherSeed).current).not.toBe(idsOf(first).current);
});

test('expectedTransactions is exactly what the API returns', async () => {
  const token = first.issueTokens('john').access_token;
  const { current } = idsOf(first);
  const { body } = await getData(
    first,
    token,
    `/accounts/${current}/transactions?from=2025-11-15&to=2026-02-10`,
    PSU,
  );
  expect(body.results).toEqual(
    first.expectedTransactions('john', current, { from: '2025-11-15', to: '2026-02-10' }),
  );
});

test("a day's transactions do not depend on the clock", () => {
  const { savings } = idsOf(first);
  const before = first.expectedTransactions('john', savings, { from: '2026-01-01', to: '2026-01-31' });
  const later = [first.now(), 40 * 86_400_000] as const;
  first.advanceClock(later[1]);
  const after = first.expectedTransactions('john', savings, { from: '2026-01-01', to: '2026-01-31' });
  first.setClock(later[0]);
  expect(after).toEqual(before);
});
