import { addDays, fromDayIndex, toDayIndex } from '../calendar';
import type { AccountSpec } from './account-specs';
import { draftCardSchedule, statementBalancePence } from './card-schedule';
import { draftCurrentAccountSchedule } from './current-account-schedule';
import { finishItem, numberDuplicates, type GeneratedItem, type ItemDraft } from './generated-item';
import { generateRandomItems, randomPerDayOf } from './random-items';
import { draftSavingsSchedule } from './savings-schedule';

export type BookedEntry = {
  item: GeneratedItem;
  bookedDate: string;
  /** Only current accounts report a running balance. */
  runningBalancePence: number | null;
};

export interface TransactionBook {
  readonly spec: AccountSpec;
  /** Booked items with a booked date in [from, to], newest first, as visible on `today`. */
  booked(from: string, to: string, today: string): BookedEntry[];
  /** Items of the last `pendingDays` days, newest first. */
  pending(today: string): GeneratedItem[];
  balances(today: string): { bookedPence: number; pendingPence: number };
  /** For card statements: last month's purchases, which the payment on the 20th clears. */
  statementPence(today: string): number;
}

export type BookInput = {
  seed: number;
  spec: AccountSpec;
  pendingDays: number;
  /** The day opening balances apply to; running balances are sums from it. */
  anchorDate: string;
};

/**
 * One account's transactions, generated a day at a time on demand and cached. A day's items never depend on the
 * clock; the clock only decides which are pending and which are visible as booked.
 */
export function createTransactionBook(input: BookInput): TransactionBook {
  const { seed, spec, pendingDays } = input;
  const randomPerDay = randomPerDayOf(spec);
  const anchorIndex = toDayIndex(input.anchorDate);
  const randomCache = new Map<string, GeneratedItem[]>();
  const dayCache = new Map<string, GeneratedItem[]>();
  const randomItemsOn = (date: string): GeneratedItem[] => {
    let items = randomCache.get(date);
    if (!items) {
      items = generateRandomItems(seed, spec, date);
      randomCache.set(date, items);
    }
    return items;
  };

  // A card starts owing last month's statement, which its first payment on the 20th then clears.
  const openingPence =
    spec.kind === 'card' ? statementBalancePence(input.anchorDate, randomItemsOn) : spec.openingPence;
  // startBalances[i] is the balance at the start of day anchor + i.
  const startBalances: number[] = [openingPence];

  const draftScheduled = (date: string): ItemDraft[] => {
    if (spec.kind === 'card') return draftCardSchedule(spec, date, randomItemsOn);
    return spec.role === 'current'
      ? draftCurrentAccountSchedule(seed, spec, randomPerDay, date)
      : draftSavingsSchedule(seed, spec, date);
  };

  /** Everything that happened on a date, in the order it happened: scheduled payments post first. */
  const itemsOn = (date: string): GeneratedItem[] => {
    let items = dayCache.get(date);
    if (!items) {
      const scheduled = draftScheduled(date).map((draft) => finishItem(spec, date, draft));
      items = numberDuplicates([...scheduled, ...randomItemsOn(date)]);
      dayCache.set(date, items);
    }
    return items;
  };

  /** Items booked on a date in posting order: yesterday's late bookings come before today's own items. */
  const bookedOn = (date: string): GeneratedItem[] => [
    ...itemsOn(addDays(date, -1)).filter((item) => item.lagDays === 1),
    ...itemsOn(date).filter((item) => item.lagDays === 0),
  ];

  const sumOf = (items: readonly GeneratedItem[]) => items.reduce((sum, item) => sum + item.amountPence, 0);

  const startBalanceOf = (date: string): number => {
    const offset = toDayIndex(date) - anchorIndex;
    if (offset < 0) {
      // Before the anchor (the clock was set back): walk backwards instead of caching.
      let balance = openingPence;
      for (let i = -1; i >= offset; i -= 1) balance -= sumOf(bookedOn(fromDayIndex(anchorIndex + i)));
      return balance;
    }
    let last = startBalances[startBalances.length - 1] ?? openingPence;
    while (startBalances.length <= offset) {
      last += sumOf(bookedOn(fromDayIndex(anchorIndex + startBalances.length - 1)));
      startBalances.push(last);
    }
    return startBalances[offset] ?? last;
  };

  const withBalances = (date: string, items: GeneratedItem[]): BookedEntry[] => {
    if (spec.role !== 'current')
      return items.map((item) => ({ item, bookedDate: date, runningBalancePence: null }));
    let balance = startBalanceOf(date);
    return items.map((item) => {
      balance += item.amountPence;
      return { item, bookedDate: date, runningBalancePence: balance };
    });
  };

  return {
    spec,
    booked: (from, to, today) => {
      const cutoff = addDays(today, -pendingDays);
      // A late booking of the last pending-free day lands one day after the cutoff (never after today).
      const last = [to, addDays(cutoff, 1), today].reduce((earliest, date) =>
        date < earliest ? date : earliest,
      );
      const entries: BookedEntry[] = [];
      for (let date = last; date >= from; date = addDays(date, -1)) {
        const visible = bookedOn(date).filter((item) => item.date <= cutoff);
        const dayEntries = withBalances(date, visible);
        for (let i = dayEntries.length - 1; i >= 0; i -= 1) {
          const entry = dayEntries[i];
          if (entry) entries.push(entry);
        }
      }
      return entries;
    },
    pending: (today) => {
      const items: GeneratedItem[] = [];
      for (let back = 0; back < pendingDays; back += 1)
        items.push(...itemsOn(addDays(today, -back)).toReversed());
      return items;
    },
    balances: (today) => {
      const firstPendingDay = addDays(today, 1 - pendingDays);
      const lateBookings = itemsOn(addDays(firstPendingDay, -1)).filter((item) => item.lagDays === 1);
      let pendingPence = 0;
      for (let back = 0; back < pendingDays; back += 1) pendingPence += sumOf(itemsOn(addDays(today, -back)));
      return { bookedPence: startBalanceOf(firstPendingDay) + sumOf(lateBookings), pendingPence };
    },
    statementPence: (today) => statementBalancePence(today, randomItemsOn),
  };
}
