import { weekdayOf } from '../calendar';

/** Salaries land on the 25th, or the Friday before when it falls on a weekend. */
export function paydayOf(month: string): string {
  const the25th = `${month}-25`;
  const weekday = weekdayOf(the25th);
  if (weekday === 6) return `${month}-24`;
  if (weekday === 0) return `${month}-23`;
  return the25th;
}

/** The salary-day transfer to savings happens the day after payday. */
export function savingsDayOf(month: string): string {
  const payday = paydayOf(month);
  return `${month}-${String(Number(payday.slice(8)) + 1).padStart(2, '0')}`;
}
