import { describe, expect, test } from 'vitest';
import { addDays, addMonths, isBritishSummerTime, isCalendarDate, londonDateOf } from './calendar';

describe('calendar dates', () => {
  test('adding months clamps to the end of shorter months', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-06-03', -24)).toBe('2024-06-03');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  test('British Summer Time starts and ends on the last Sundays of March and October', () => {
    expect(isBritishSummerTime('2026-03-28')).toBe(false);
    expect(isBritishSummerTime('2026-03-29')).toBe(true);
    expect(isBritishSummerTime('2026-10-24')).toBe(true);
    expect(isBritishSummerTime('2026-10-25')).toBe(false);
    expect(isBritishSummerTime('2026-01-15')).toBe(false);
  });

  test('today is the London date, a day ahead of UTC just after midnight in summer', () => {
    expect(londonDateOf(new Date('2026-05-31T23:30:00Z'))).toBe('2026-06-01');
    expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  test('impossible dates are not calendar dates', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });
});
