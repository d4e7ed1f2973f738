// Text for people, in one locale (en-GB, like the web app and the UK/EU banks behind TrueLayer).
const locale = 'en-GB';
const integer = new Intl.NumberFormat(locale);

export function formatCount(value: number): string {
  return integer.format(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Enrichment costs are millionths of a US dollar; below a dollar, fractions of a cent still show. */
export function formatCostMicros(micros: number): string {
  const dollars = micros / 1_000_000;
  const maximumFractionDigits = Math.abs(dollars) < 1 ? 4 : 2;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits,
  }).format(dollars);
}

export { formatDuration } from '@app/domain';

/** Instants in UTC with the zone named, the same on every machine. */
export function formatDateTime(value: Date | null): string {
  return value ? `${value.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}

export function formatDateRange(from: string, to: string): string {
  return from === to ? from : `${from} – ${to}`;
}
