import { describe, expect, test } from 'vitest';
import { clipToHistory, effectiveFrom, readRequestedRange } from './date-window';

const settings = { today: '2026-06-03', historyMonths: 24, scaMaxDays: 90, withinScaGrace: false };
const read = (query: string) => readRequestedRange(new URLSearchParams(query));

describe('reading from and to', () => {
  test('takes the calendar date as written from dates and date-times', () => {
    expect(read('from=2026-01-01&to=2026-01-31T23:59:59-05:00')).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(read('from=2026-01-01T00:00:00.000Z')).toEqual({ from: '2026-01-01', to: null });
  });

  test('refuses unreadable values and from after to', () => {
    expect(read('from=01/02/2026')).toBeNull();
    expect(read('to=2026-13-01')).toBeNull();
    expect(read('from=2026-02-02&to=2026-02-01')).toBeNull();
  });
});

describe('the served window', () => {
  test('is clipped to the history and to today', () => {
    expect(clipToHistory('2000-01-01', '2030-01-01', settings)).toEqual({
      from: '2024-06-03',
      to: '2026-06-03',
    });
  });

  test('defaults to the whole history within the SCA grace period and to the SCA-exempt days after it', () => {
    expect(effectiveFrom({ from: null, to: null }, { ...settings, withinScaGrace: true })).toBe('2024-06-03');
    expect(effectiveFrom({ from: null, to: null }, settings)).toBe('2026-03-05');
  });
});
