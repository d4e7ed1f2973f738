import type { StatementRow } from '../statement-schema';

type Identity = Pick<
  StatementRow,
  'accountKey' | 'status' | 'bookingDate' | 'amountMinor' | 'currency' | 'description'
>;

/**
 * Numbers rows that look the same (account, status, date, amount, currency, description) in file order. When the
 * file's dates are in order, a day that has passed never comes back, so only each account's current day is kept.
 */
export class OccurrenceCounter {
  private readonly days = new Map<string, Map<string, Map<string, number>>>();

  constructor(private readonly datesInOrder: boolean) {}

  next(row: Identity): number {
    let accountDays = this.days.get(row.accountKey);
    if (!accountDays) {
      accountDays = new Map();
      this.days.set(row.accountKey, accountDays);
    }
    let counts = accountDays.get(row.bookingDate);
    if (!counts) {
      if (this.datesInOrder) accountDays.clear();
      counts = new Map();
      accountDays.set(row.bookingDate, counts);
    }
    const key = [row.status, row.amountMinor, row.currency, row.description.toUpperCase()].join('\u0000');
    const occurrence = counts.get(key) ?? 0;
    counts.set(key, occurrence + 1);
    return occurrence;
  }
}
