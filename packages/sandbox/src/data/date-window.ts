import { addDays, addMonths, isCalendarDate } from '../calendar';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The calendar date of a `from`/`to` value (a date or a date-time, as written); null when unreadable. */
function readDate(value: string): string | null {
  if (isCalendarDate(value)) return value;
  const match = DATE_TIME.exec(value);
  const date = match?.[1];
  if (!date || !isCalendarDate(date) || Number.isNaN(Date.parse(value))) return null;
  return date;
}

export type RequestedRange = { from: string | null; to: string | null };

/** Reads `from` and `to`; null means 400 invalid_date_range (unreadable, or from after to). */
export function readRequestedRange(params: URLSearchParams): RequestedRange | null {
  const rawFrom = params.get('from');
  const rawTo = params.get('to');
  const from = rawFrom === null ? null : readDate(rawFrom);
  const to = rawTo === null ? null : readDate(rawTo);
  if ((rawFrom !== null && from === null) || (rawTo !== null && to === null)) return null;
  if (from !== null && to !== null && from > to) return null;
  return { from, to };
}

export type WindowSettings = {
  today: string;
  historyMonths: number;
  scaMaxDays: number;
  withinScaGrace: boolean;
};

/** The first date the SCA exemption still covers: older history needs a recent authentication. */
export function scaHorizon(settings: WindowSettings): string {
  return addDays(settings.today, -settings.scaMaxDays);
}

/**
 * The requested `from` with TrueLayer-like defaults: the whole history right after authentication, only the
 * SCA-exempt days later (so a plain "give me what you have" call never trips sca_exceeded).
 */
export function effectiveFrom(range: RequestedRange, settings: WindowSettings): string {
  if (range.from !== null) return range.from;
  const historyStart = addMonths(settings.today, -settings.historyMonths);
  return settings.withinScaGrace ? historyStart : maxDate(historyStart, scaHorizon(settings));
}

/** The dates actually served: ranges past the history or into the future give what exists. */
export function clipToHistory(
  from: string,
  to: string | null,
  settings: WindowSettings,
): { from: string; to: string } {
  return {
    from: maxDate(from, addMonths(settings.today, -settings.historyMonths)),
    to: to === null || to > settings.today ? settings.today : to,
  };
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
