import { describe, expect, test } from 'vitest';
import { formatCalendarDate, formatCostMicros, formatDuration, formatMoney } from './format';

describe('formatting for people', () => {
  test('amounts are minor units in their currency, negative for money out', () => {
    expect(formatMoney(-1234, 'GBP')).toBe('-£12.34');
    expect(formatMoney(250000, 'EUR')).toBe('€2,500.00');
    expect(formatMoney(1500, 'JPY')).toBe('JP¥1,500');
  });

  test('a bank calendar date is shown on its own day whatever the time zone', () => {
    expect(formatCalendarDate('2026-03-29')).toBe('29 Mar 2026');
  });

  test('durations and enrichment costs read naturally', () => {
    expect(formatDuration(95_000)).toBe('1 min 35 s');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatCostMicros(12_345)).toBe('US$0.0123');
    expect(formatCostMicros(2_500_000)).toBe('US$2.50');
  });
});
