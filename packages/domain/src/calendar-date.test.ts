import { describe, expect, test } from 'vitest';
import {
  addDays,
  addMonths,
  daysInMonth,
  daysInRange,
  fromDayIndex,
  isCalendarDate,
  londonTimeZone,
  toDayIndex,
  todayIn,
  weekdayOf,
} from './calendar-date';

describe('calendar dates', () => {
  test('only real days written as YYYY-MM-DD are calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-3')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
  });

  test('days and months move across month, year and clock-change boundaries without shifting', () => {
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // the BST switch
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  test('a range counts both ends, and a reversed one is empty', () => {
    expect(daysInRange('2025-01-01', '2025-01-01')).toBe(1);
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInRange('2025-01-02', '2025-01-01')).toBeLessThanOrEqual(0);
  });

  test("today is London's date, also in the hour after midnight in summer time", () => {
    expect(todayIn(londonTimeZone, new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(todayIn(londonTimeZone, new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });

  test('weekdays, month lengths and day indexes agree with the calendar', () => {
    expect(weekdayOf('2025-12-07')).toBe(0); // a Sunday
    expect(weekdayOf('2025-12-06')).toBe(6);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(toDayIndex('1970-01-02')).toBe(1);
    expect(fromDayIndex(toDayIndex('2025-06-15'))).toBe('2025-06-15');
  });
});
