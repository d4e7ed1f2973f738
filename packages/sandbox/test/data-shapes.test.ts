import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiTransaction, SandboxBank } from '../src/index';
import { getData, idsOf, startBank } from './sandbox-client';

const CATEGORIES = [
  'ATM',
  'BILL_PAYMENT',
  'CASH',
  'CASHBACK',
  'CHEQUE',
  'CORRECTION',
  'CREDIT',
  'DEBIT',
  'DIRECT_DEBIT',
  'DIVIDEND',
  'FEE_CHARGE',
  'INTEREST',
  'OTHER',
  'PURCHASE',
  'STANDING_ORDER',
  'TRANSFER',
  'UNKNOWN',
];
const PSU = { psuIp: '203.0.113.9' };

let bank: SandboxBank;
let token: string;
let ids: { current: string; savings: string; card: string };

beforeAll(async () => {
  bank = await startBank();
  token = bank.issueTokens('john').access_token;
  ids = idsOf(bank);
});
afterAll(() => bank.close());

const hasAtMostTwoDecimals = (amount: number) => /^-?\d+(\.\d{1,2})?$/.test(String(amount));

describe('shapes', () => {
  test('/me names the mock provider and the consent expiry', async () => {
    const [me] = (await getData(bank, token, '/me')).body.results;
    expect(me).toMatchObject({
      client_id: bank.clientId,
      provider: { provider_id: 'mock', display_name: 'MOCK' },
    });
    expect(Date.parse(String(me?.consent_expires_at)) - Date.parse(String(me?.consent_created_at))).toBe(
      90 * 86_400_000,
    );
  });

  test('/info describes the account holder', async () => {
    const [info] = (await getData(bank, token, '/info')).body.results;
    expect(info).toMatchObject({ full_name: 'John Doe', emails: ['john@example.com'] });
    expect(info?.addresses).toEqual([expect.objectContaining({ city: 'London', country: 'GB' })]);
  });

  test('accounts are a current and a savings account in GBP, as accountsOf lists them', async () => {
    const { body } = await getData(bank, token, '/accounts');
    expect(body.results).toEqual(bank.accountsOf('john').accounts);
    expect(body.results.map((account) => account.account_type)).toEqual(['TRANSACTION', 'SAVINGS']);
    expect(body.results[0]).toMatchObject({
      currency: 'GBP',
      account_number: {
        sort_code: expect.stringMatching(/^\d{2}-\d{2}-\d{2}$/),
        iban: expect.stringMatching(/^GB\d{2}MOCK\d{14}$/),
      },
    });
  });

  test('the card is a VISA credit card', async () => {
    const { body } = await getData(bank, token, '/cards');
    expect(body.results).toEqual(bank.accountsOf('john').cards);
    expect(body.results[0]).toMatchObject({
      card_network: 'VISA',
      card_type: 'CREDIT',
      currency: 'GBP',
      partial_card_number: expect.stringMatching(/^\d{4}$/),
    });
  });

  test('balances have current and available amounts; the card adds its credit limit', async () => {
    const [account] = (await getData(bank, token, `/accounts/${ids.current}/balance`, PSU)).body.results;
    expect(account).toMatchObject({
      currency: 'GBP',
      current: expect.any(Number),
      available: expect.any(Number),
      overdraft: expect.any(Number),
    });
    const [card] = (await getData(bank, token, `/cards/${ids.card}/balance`, PSU)).body.results;
    expect(card).toMatchObject({
      current: expect.any(Number),
      credit_limit: expect.any(Number),
      last_statement_balance: expect.any(Number),
      payment_due_date: expect.any(String),
    });
  });

  test('transactions have the documented fields, categories and pence-exact amounts', async () => {
    const { body } = await getData<ApiTransaction>(bank, token, `/accounts/${ids.current}/transactions`, PSU);
    expect(body.results.length).toBeGreaterThan(500);
    for (const item of body.results) {
      expect(item.transaction_id).toMatch(/^[0-9a-f]{32}$/);
      expect(item.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(hasAtMostTwoDecimals(item.amount)).toBe(true);
      expect(CATEGORIES).toContain(item.transaction_category);
      expect(item.currency).toBe('GBP');
      expect(item.meta.provider_transaction_category).toBeTruthy();
      expect(Math.sign(item.amount)).toBe(item.transaction_type === 'DEBIT' ? -1 : 1);
      expect(item.running_balance?.currency).toBe('GBP');
    }
    const merchants = new Set(body.results.map((item) => item.merchant_name));
    for (const merchant of [
      'Tesco',
      "Sainsbury's",
      'Pret A Manger',
      'Transport for London',
      'Amazon',
      'Netflix',
      'Spotify',
      'Boots',
      'Deliveroo',
    ])
      expect(merchants).toContain(merchant);
    const categories = new Set(body.results.map((item) => item.transaction_category));
    for (const category of ['STANDING_ORDER', 'DIRECT_DEBIT', 'ATM', 'TRANSFER', 'CREDIT'])
      expect(categories).toContain(category);
  });

  test('running balances add up from one item to the next, oldest first', async () => {
    const { body } = await getData<ApiTransaction>(
      bank,
      token,
      `/accounts/${ids.current}/transactions?from=2026-01-01&to=2026-05-31`,
      PSU,
    );
    const oldestFirst = body.results.toReversed();
    for (let i = 1; i < oldestFirst.length; i += 1) {
      const previous = oldestFirst[i - 1]?.running_balance?.amount ?? 0;
      const item = oldestFirst[i];
      expect(Math.round((previous + (item?.amount ?? 0)) * 100)).toBe(
        Math.round((item?.running_balance?.amount ?? 0) * 100),
      );
    }
  });

  test('timestamps are mostly midnight UTC with some fractions, +00:00 and BST local times', async () => {
    const { body } = await getData<ApiTransaction>(bank, token, `/accounts/${ids.current}/transactions`, PSU);
    const stamps = body.results.map((item) => item.timestamp);
    const midnight = stamps.filter((stamp) => stamp.endsWith('T00:00:00Z'));
    expect(midnight.length / stamps.length).toBeGreaterThan(0.6);
    expect(stamps.some((stamp) => stamp.endsWith('T00:00:00.000Z'))).toBe(true);
    expect(stamps.some((stamp) => stamp.endsWith('T00:00:00+00:00'))).toBe(true);
    const earlyBst = stamps.find((stamp) => /T00:\d{2}:\d{2}\+01:00$/.test(stamp)) ?? '';
    expect(earlyBst).not.toBe('');
    // The calendar date as written is a day after the UTC date.
    expect(new Date(earlyBst).toISOString().slice(0, 10) < earlyBst.slice(0, 10)).toBe(true);
  });

  test('identity fields: mostly normalised ids, some provider-only, a few with neither', async () => {
    const { body } = await getData<ApiTransaction>(bank, token, `/accounts/${ids.current}/transactions`, PSU);
    const normalised = body.results.filter((item) => item.normalised_provider_transaction_id).length;
    const providerOnly = body.results.filter(
      (item) => !item.normalised_provider_transaction_id && item.provider_transaction_id,
    ).length;
    const neither = body.results.filter(
      (item) => !item.normalised_provider_transaction_id && !item.provider_transaction_id,
    ).length;
    expect(normalised / body.results.length).toBeGreaterThan(0.6);
    expect(providerOnly).toBeGreaterThan(0);
    expect(neither).toBeGreaterThan(0);
  });

  // Issue #16: TrueLayer's own card fixture signs card spending negative, like accounts; this test used to pin the
  // sandbox's old assumption (purchases positive, payments negative).
  test('card purchases are negative DEBITs and payments to the card positive CREDITs, as TrueLayer signs cards', async () => {
    const { body } = await getData<ApiTransaction>(bank, token, `/cards/${ids.card}/transactions`, PSU);
    const purchases = body.results.filter(
      (item) => item.transaction_category === 'PURCHASE' && item.transaction_type === 'DEBIT',
    );
    expect(purchases.length).toBeGreaterThan(0);
    expect(purchases.every((item) => item.amount < 0)).toBe(true);
    const payments = body.results.filter((item) => item.description === 'PAYMENT RECEIVED - THANK YOU');
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.every((item) => item.amount > 0 && item.transaction_type === 'CREDIT')).toBe(true);
  });

  test('transactions come newest first', async () => {
    const { body } = await getData<ApiTransaction>(bank, token, `/accounts/${ids.savings}/transactions`, PSU);
    const dates = body.results.map((item) => item.timestamp.slice(0, 10));
    expect(dates).toEqual(dates.toSorted().toReversed());
  });
});
