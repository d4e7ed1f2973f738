/**
 * Bank timestamps come in every shape ISO 8601 allows, and often without a zone (`2017-10-02T00:00:00`). The
 * calendar date is always the first ten characters as sent; an instant is only derived where we need one (consent
 * expiry), reading a zone-less time as UTC rather than as this machine's local time.
 */

/** The calendar date as the bank wrote it (YYYY-MM-DD), never shifted by time zones. */
export function calendarDateOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

const PARTS =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The instant a timestamp names; zone-less ones are read as UTC. Null when it is no timestamp at all. */
export function instantOf(timestamp: string): Date | null {
  const match = PARTS.exec(timestamp.trim());
  if (!match) return null;
  const [, date, hm = '00:00', seconds = '00', fraction = '', zone = 'Z'] = match;
  // Date.parse takes at most milliseconds reliably: longer fractions (.4606763) are cut, not rounded.
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone === 'Z' || zone === 'z' ? 'Z' : normaliseOffset(zone);
  const ms = Date.parse(`${date}T${hm}:${seconds}.${millis}${offset}`);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function normaliseOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${(digits.slice(2) || '00').padEnd(2, '0')}`;
}
