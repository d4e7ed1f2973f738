import type { DateOrder } from '../statement-schema';

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

type DateToken = { digits: string } | { month: number };

/**
 * Splits a written date into its three parts: "31.12.2024", "12/31/24", "2/10'2020", "2024-12-31T23:30:00+01:00",
 * "20241231", "5 Jan 2024". A time after the date is ignored, the date is never converted through a time zone.
 */
export function tokenizeDate(text: string): DateToken[] | null {
  const trimmed = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s\d.[])/.exec(trimmed);
  if (compact)
    return [{ digits: compact[1] ?? '' }, { digits: compact[2] ?? '' }, { digits: compact[3] ?? '' }];
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(trimmed);
  if (iso) return [{ digits: iso[1] ?? '' }, { digits: iso[2] ?? '' }, { digits: iso[3] ?? '' }];
  const parts = trimmed.split(/[\s\-./',]+/).filter(Boolean);
  const tokens: DateToken[] = [];
  for (const part of parts) {
    if (tokens.length === 3) {
      if (/^\d{1,2}:\d{2}/.test(part) || /^(am|pm)$/i.test(part)) continue;
      return null;
    }
    if (/^\d{1,4}$/.test(part)) tokens.push({ digits: part });
    else {
      const month = monthNames.indexOf(part.slice(0, 3).toLowerCase());
      if (month < 0 || !/^[a-z]+$/i.test(part)) return null;
      tokens.push({ month: month + 1 });
    }
  }
  return tokens.length === 3 ? tokens : null;
}

/** The calendar date (YYYY-MM-DD) the tokens mean in the given order, or null if they mean no real day. */
export function interpretDate(tokens: DateToken[], order: DateOrder): string | null {
  const [first, second, third] = tokens;
  if (!first || !second || !third) return null;
  const [yearToken, monthToken, dayToken] =
    order === 'YMD'
      ? [first, second, third]
      : order === 'DMY'
        ? [third, second, first]
        : [third, first, second];
  if (!('digits' in yearToken) || !('digits' in dayToken)) return null;
  if (yearToken.digits.length !== 2 && yearToken.digits.length !== 4) return null;
  if (order === 'YMD' && yearToken.digits.length !== 4) return null;
  if (dayToken.digits.length > 2) return null;
  const month =
    'month' in monthToken ? monthToken.month : monthToken.digits.length <= 2 ? Number(monthToken.digits) : 0;
  return calendarDate(expandYear(yearToken.digits), month, Number(dayToken.digits));
}

/** Two-digit years: 70-99 are 19xx, 00-69 are 20xx (statements are recent; SWIFT and Quicken use the same). */
export function expandYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year >= 70 ? 1900 + year : 2000 + year;
}

export function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
