// Calendar dates as YYYY-MM-DD strings: a bank's booking date is a date, not an instant, so it is never converted
// through a time zone (that is how other importers shift payments by a day around midnight/BST). The arithmetic is
// Temporal's PlainDate (through the polyfill until runtimes ship it), not milliseconds divided by 86,400,000.
import { Temporal } from 'temporal-polyfill';

/** The banks behind the sandbox and TrueLayer's UK connections keep London's calendar; so does the importer. */
export const londonTimeZone = 'Europe/London';

const shape = /^\d{4}-\d{2}-\d{2}$/;

function plain(date: string): Temporal.PlainDate {
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

/** A real day on the calendar written as YYYY-MM-DD (not 2025-02-30, not 2025-2-3). */
export function isCalendarDate(value: string): boolean {
  if (!shape.test(value)) return false;
  try {
    plain(value);
    return true;
  } catch {
    return false;
  }
}

const dayMs = 86_400_000;

/** Days since 1970-01-01 (an index for deterministic generators and day steps). */
export function toDayIndex(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

export function fromDayIndex(index: number): string {
  return new Date(index * dayMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayIndex(toDayIndex(date) + days);
}

/** Whole months back or forward; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  return plain(date).add({ months }, { overflow: 'constrain' }).toString();
}

/** Days from `from` to `to`, both included: 1 for the same day, 0 or less when reversed. */
export function daysInRange(from: string, to: string): number {
  return toDayIndex(to) - toDayIndex(from) + 1;
}

/** Today's calendar date in a time zone, e.g. '2026-11-25'. */
export function todayIn(timeZone: string, now: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

export function daysInMonth(year: number, month: number): number {
  return Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
}

/** 0 = Sunday … 6 = Saturday (as `Date#getDay`). */
export function weekdayOf(date: string): number {
  return (((toDayIndex(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
