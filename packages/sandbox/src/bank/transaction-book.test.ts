import { describe, expect, test } from 'vitest';
import { buildAccountSpecs } from './account-specs';
import { createTransactionBook } from './transaction-book';

const specs = buildAccountSpecs({
  seed: 42,
  user: 'john',
  counts: { current: 1, savings: 1, cards: 1 },
  transactionsPerMonth: 50,
  anchorDate: '2024-06-01',
});
const bookOf = (index: number) => {
  const spec = specs[index];
  if (!spec) throw new Error('missing spec');
  return createTransactionBook({ seed: 42, spec, pendingDays: 2, anchorDate: '2024-06-01' });
};

describe('a current account', () => {
  test('its booked balance is the newest running balance', () => {
    const book = bookOf(0);
    const [newest] = book.booked('2026-05-01', '2026-06-03', '2026-06-03');
    expect(book.balances('2026-06-03').bookedPence).toBe(newest?.runningBalancePence);
  });

  test('gets about transactionsPerMonth items a month', () => {
    const items = bookOf(0).booked('2025-06-01', '2026-05-31', '2026-06-03');
    expect(items.length / 12).toBeGreaterThan(45);
    expect(items.length / 12).toBeLessThan(55);
  });

  test('gets the salary on the Friday before a weekend 25th and moves some to savings the day after', () => {
    const current = bookOf(0)
      .booked('2026-04-01', '2026-04-30', '2026-06-03')
      .map((entry) => entry.item);
    const savings = bookOf(1)
      .booked('2026-04-01', '2026-04-30', '2026-06-03')
      .map((entry) => entry.item);
    const salary = current.find((item) => item.description.endsWith('SALARY'));
    const out = current.find((item) => item.description.startsWith('TO SAVINGS'));
    const into = savings.find((item) => item.description.startsWith('FROM CURRENT ACCOUNT'));
    expect(salary?.date).toBe('2026-04-24');
    expect(out?.date).toBe('2026-04-25');
    expect(into?.date).toBe('2026-04-25');
    expect(out?.amountPence).toBe(-(into?.amountPence ?? 0));
  });
});

describe('a credit card', () => {
  test("its payment on the 20th clears last month's purchases", () => {
    const book = bookOf(2);
    const isPayment = (description: string) => description === 'PAYMENT RECEIVED - THANK YOU';
    const payment = book
      .booked('2026-05-20', '2026-05-20', '2026-06-03')
      .find((entry) => isPayment(entry.item.description));
    // Purchases made in April, whichever day they were booked on.
    const april = book
      .booked('2026-04-01', '2026-05-01', '2026-06-03')
      .filter((entry) => entry.item.date.startsWith('2026-04') && !isPayment(entry.item.description));
    expect(april.length).toBeGreaterThan(0);
    expect(payment?.item.amountPence).toBe(-april.reduce((sum, entry) => sum + entry.item.amountPence, 0));
  });
});
