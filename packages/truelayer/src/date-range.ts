import { TrueLayerError } from './errors';
import type { DateRange } from './types';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 for a YYYY-MM-DD string; throws VALIDATION for anything that is not a real date. */
export function toDayNumber(date: string): number {
  const ms = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  // Date.parse rolls 2024-02-30 over to March, so round-trip to catch impossible dates.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new TrueLayerError('VALIDATION', `"${date}" is not a calendar date in YYYY-MM-DD form.`);
  }
  return ms / DAY_MS;
}

/** The YYYY-MM-DD string of a day number. */
export function toIsoDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Throws VALIDATION unless `from` and `to` are real dates with from <= to. */
export function requireDateRange(range: DateRange): { first: number; last: number } {
  const first = toDayNumber(range.from);
  const last = toDayNumber(range.to);
  if (first > last) {
    throw new TrueLayerError(
      'VALIDATION',
      `The date range starts (${range.from}) after it ends (${range.to}).`,
    );
  }
  return { first, last };
}

/**
 * Splits an inclusive range into consecutive inclusive windows of at most `maxDays` days, oldest first,
 * so a long history is fetched in requests the bank accepts.
 */
export function splitDateRange(range: DateRange, maxDays: number): DateRange[] {
  if (!Number.isInteger(maxDays) || maxDays < 1) {
    throw new TrueLayerError(
      'VALIDATION',
      `A date window must be at least one whole day (got ${String(maxDays)}).`,
    );
  }
  const { first, last } = requireDateRange(range);
  const windows: DateRange[] = [];
  for (let start = first; start <= last; start += maxDays) {
    windows.push({ from: toIsoDate(start), to: toIsoDate(Math.min(start + maxDays - 1, last)) });
  }
  return windows;
}
