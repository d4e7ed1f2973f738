import { UsageError } from '../errors';
import { addDays, addMonths, isCalendarDate } from '@app/domain';

export type DateRangeOptions = { from?: string; to?: string; last?: string };
export type DateRange = { fromDate: string; toDate: string };

function requireDate(option: string, value: string): string {
  if (!isCalendarDate(value))
    throw new UsageError(`${option}: "${value}" is not a calendar date; use YYYY-MM-DD, e.g. 2025-01-31.`);
  return value;
}

/** `--last 7d` is the 7 days ending today; `3m` and `1y` are calendar months and years ending today. */
function lastPeriod(value: string, today: string): DateRange {
  const match = /^(\d{1,4})([dmy])$/.exec(value.trim());
  const count = Number(match?.[1] ?? 0);
  if (!match || count < 1)
    throw new UsageError(
      `--last: "${value}" is not a period; use a number and d, m or y, e.g. 7d, 30d, 3m or 1y.`,
    );
  const unit = match[2];
  const start = unit === 'd' ? addDays(today, -count) : addMonths(today, unit === 'm' ? -count : -12 * count);
  return { fromDate: addDays(start, 1), toDate: today };
}

/** The range to import from either `--from` and `--to` or `--last`. Whether the bank serves it is the server's call. */
export function resolveDateRange(options: DateRangeOptions, today: string): DateRange {
  const explicit = options.from !== undefined || options.to !== undefined;
  if (options.last !== undefined) {
    if (explicit) throw new UsageError('Give either --last or --from and --to, not both.');
    return lastPeriod(options.last, today);
  }
  if (options.from === undefined || options.to === undefined)
    throw new UsageError('Give --from and --to (YYYY-MM-DD), or --last (7d, 30d, 3m, 1y).');
  return { fromDate: requireDate('--from', options.from), toDate: requireDate('--to', options.to) };
}
