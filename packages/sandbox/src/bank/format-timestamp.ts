import { isBritishSummerTime } from '../calendar';
import type { TimeStyle } from './generated-item';

/**
 * Writes a timestamp for a calendar date the way providers do, unevenly: mostly midnight UTC, sometimes with
 * fractions or `+00:00`, sometimes a UK local clock time. In summer a `00:30:00+01:00` item keeps its calendar
 * date although it is the previous day in UTC, which is exactly what trips naive importers.
 */
export function formatTimestamp(date: string, style: TimeStyle, localTime: string, zoneless = false): string {
  // Providers that send no offset at all: the calendar date and clock time as the bank holds them.
  if (zoneless) {
    if (style === 'local') return `${date}T${localTime}`;
    return style === 'fraction' ? `${date}T00:00:00.0000000` : `${date}T00:00:00`;
  }
  switch (style) {
    case 'midnight':
      return `${date}T00:00:00Z`;
    case 'fraction':
      return `${date}T00:00:00.000Z`;
    case 'offset':
      return `${date}T00:00:00+00:00`;
    case 'local':
      return `${date}T${localTime}${isBritishSummerTime(date) ? '+01:00' : '+00:00'}`;
  }
}
