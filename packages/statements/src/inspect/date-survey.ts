import type { DateOrder } from '../statement-schema';
import { interpretDate, tokenizeDate } from '../values/parse-date';

export const allDateOrders: DateOrder[] = ['YMD', 'DMY', 'MDY'];

/** How the file's booking dates follow each other in file order, per date order. */
export type DateSequence = 'ascending' | 'descending' | 'unordered';

type OrderTally = {
  failures: number;
  /** Failing dates by line, up to the survey's limit. */
  failed: Map<number, string>;
  first: string | null;
  last: string | null;
  previous: string | null;
  rose: boolean;
  fell: boolean;
};

/**
 * Reads every date of a file in every candidate order at once, so the order is decided from all of the file's
 * dates, never from its first row. Memory stays bounded: failing lines are kept up to a limit per order.
 */
export class DateSurvey {
  readonly tallies = new Map<DateOrder, OrderTally>();
  /** Pairs of orders that read some date as two different days. */
  private readonly differingPairs = new Set<string>();

  constructor(
    orders: DateOrder[],
    private readonly keepLines: number,
  ) {
    for (const order of orders) {
      this.tallies.set(order, {
        failures: 0,
        failed: new Map(),
        first: null,
        last: null,
        previous: null,
        rose: false,
        fell: false,
      });
    }
  }

  /** Tallies one date; returns the orders it cannot be read in. */
  add(line: number, text: string, isBookingDate: boolean): DateOrder[] {
    const tokens = tokenizeDate(text);
    const readings: [DateOrder, string][] = [];
    const failedOrders: DateOrder[] = [];
    for (const [order, tally] of this.tallies) {
      const date = tokens ? interpretDate(tokens, order) : null;
      if (!date) {
        failedOrders.push(order);
        tally.failures += 1;
        if (tally.failed.size < this.keepLines) tally.failed.set(line, text);
        continue;
      }
      readings.push([order, date]);
      if (!isBookingDate) continue;
      if (tally.first === null || date < tally.first) tally.first = date;
      if (tally.last === null || date > tally.last) tally.last = date;
      if (tally.previous !== null && date > tally.previous) tally.rose = true;
      if (tally.previous !== null && date < tally.previous) tally.fell = true;
      tally.previous = date;
    }
    for (const [order, date] of readings) {
      for (const [other, otherDate] of readings) {
        if (date !== otherDate) this.differingPairs.add(`${order}|${other}`);
      }
    }
    return failedOrders;
  }

  /** Orders that read every date, and whether they disagree on some date. */
  candidates(): { readable: DateOrder[]; differing: boolean } {
    const readable = [...this.tallies].filter(([, tally]) => tally.failures === 0).map(([order]) => order);
    const differing = readable.some((order) =>
      readable.some((other) => this.differingPairs.has(`${order}|${other}`)),
    );
    return { readable, differing };
  }

  sequence(order: DateOrder): DateSequence {
    const tally = this.tallies.get(order);
    if (!tally || (tally.rose && tally.fell)) return 'unordered';
    return tally.fell ? 'descending' : 'ascending';
  }

  period(order: DateOrder): { from: string; to: string } | null {
    const tally = this.tallies.get(order);
    return tally?.first && tally.last ? { from: tally.first, to: tally.last } : null;
  }
}
