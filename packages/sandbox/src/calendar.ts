// Calendar dates are YYYY-MM-DD strings: a bank's booking date is a date as written, never shifted by a time zone.
// The arithmetic is @app/domain's (shared with the importer, web and CLI); only the bank's London habits live here.
import { daysInMonth, londonTimeZone, todayIn } from '@app/domain';

export {
  addDays,
  addMonths,
  daysInMonth,
  fromDayIndex,
  isCalendarDate,
  toDayIndex,
  weekdayOf,
} from '@app/domain';

/** The bank is in the UK, so "today" is the London calendar date. */
export function londonDateOf(instant: Date): string {
  return todayIn(londonTimeZone, instant);
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
