import { describe, expect, test } from 'vitest';
import { budgetMarginMs, startTimeFor, summariseBudget } from './call-budget';

const hour = 3_600_000;
const now = new Date('2026-06-01T12:00:00Z');
const callAt = (hoursAgo: number, status = 200) => ({
  at: new Date(now.getTime() - hoursAgo * hour),
  status,
  rateLimited: status === 429,
});

describe('the unattended-call budget', () => {
  test('counts the calls of the last 24 h that reached the bank, keeping one in reserve', () => {
    const budget = summariseBudget([callAt(30), callAt(20), callAt(5, 401), callAt(4, 429), callAt(3)], {
      limit: 4,
      reserve: 1,
      now,
    });
    expect(budget).toMatchObject({ used: 2, left: 1, rateLimited: 1 });
    expect(budget.nextFreeAt?.getTime()).toBe(now.getTime() + 4 * hour + budgetMarginMs);
  });

  test('a provider without a limit never waits', () => {
    expect(summariseBudget([callAt(1), callAt(1)], { limit: null, reserve: 1, now }).left).toBeNull();
    expect(startTimeFor([callAt(1)], { limit: null, reserve: 1, needed: 50, now })).toBeNull();
  });

  test('work that fits starts now; otherwise it waits until enough calls have left the window', () => {
    expect(startTimeFor([callAt(10)], { limit: 4, reserve: 1, needed: 2, now })).toBeNull();
    const wait = startTimeFor([callAt(10), callAt(2)], { limit: 4, reserve: 1, needed: 2, now });
    expect(wait?.getTime()).toBe(now.getTime() + 14 * hour + budgetMarginMs); // the older call frees a slot
  });

  test('work bigger than a day waits for a whole day’s budget, then continues from its checkpoint', () => {
    expect(startTimeFor([], { limit: 4, reserve: 1, needed: 9, now })).toBeNull();
    const wait = startTimeFor([callAt(20), callAt(6), callAt(1)], { limit: 4, reserve: 1, needed: 9, now });
    expect(wait?.getTime()).toBe(now.getTime() + 23 * hour + budgetMarginMs);
  });
});
