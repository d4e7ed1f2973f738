// Calendar dates are YYYY-MM-DD strings: a bank's booking date is a date as written, never shifted by a time zone.

const dayMs = 86_400_000;

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Days since 1970-01-01. */
export function toDayIndex(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

export function fromDayIndex(index: number): string {
  return new Date(index * dayMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayIndex(toDayIndex(date) + days);
}

/** Same day of month `months` later (or earlier), clamped to the month's length. */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = daysInMonth(first.getUTCFullYear(), first.getUTCMonth() + 1);
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The bank is in the UK, so "today" is the London calendar date. */
export function londonDateOf(instant: Date): string {
  return londonDate.format(instant);
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

function lastSundayOf(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const weekday = new Date(Date.UTC(year, month - 1, last)).getUTCDay();
  return last - weekday;
}

/** British Summer Time runs from the last Sunday of March to the last Sunday of October. */
export function isBritishSummerTime(date: string): boolean {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  if (month < 3 || month > 10) return false;
  if (month > 3 && month < 10) return true;
  const switchDay = lastSundayOf(year, month);
  return month === 3 ? day >= switchDay : day < switchDay;
}
