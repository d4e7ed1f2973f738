// Formatting for people. One locale for the whole app so server and browser render the same text (no
// hydration mismatches); `en-GB` matches the UK/EU banks behind TrueLayer.
const locale = 'en-GB';

const integer = new Intl.NumberFormat(locale);

export function formatCount(value: number): string {
  return integer.format(value);
}

/** Minor units (pence, cents) in the account's currency; negative is money out. */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** Enrichment costs are stored in millionths of a US dollar. */
export function formatCostMicros(micros: number): string {
  const dollars = micros / 1_000_000;
  // Enrichment is cheap: below a dollar, show fractions of a cent rather than rounding them to nothing.
  const maximumFractionDigits = Math.abs(dollars) < 1 ? 4 : 2;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits,
  }).format(dollars);
}

export { formatDuration, formatTimeLeft } from '@app/domain';

const dateTime = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const dateOnly = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Timestamps are shown in UTC with the zone named, so the server's and the browser's text agree. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '—';
  return `${dateTime.format(new Date(value))} UTC`;
}

/** A bank's calendar date (YYYY-MM-DD) as a readable date, never shifted by a time zone. */
export function formatCalendarDate(value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? value : dateOnly.format(parsed);
}

export function formatDateRange(from: string, to: string): string {
  return from === to ? formatCalendarDate(from) : `${formatCalendarDate(from)} – ${formatCalendarDate(to)}`;
}

export function formatRelative(value: Date | string | null | undefined, now: Date): string {
  if (!value) return 'never';
  const ms = now.getTime() - new Date(value).getTime();
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return days === 1 ? 'yesterday' : `${days} days ago`;
  return formatDateTime(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
