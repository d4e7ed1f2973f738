import { toDayIndex } from '../calendar';
import { createPrng } from '../prng';
import type { AccountSpec } from './account-specs';
import { ATM_PAIR_EVERY_DAYS, scheduledPerMonthOf } from './current-account-schedule';
import { createAtmDraft, drawRandomDraft } from './draw-draft';
import { finishItem, type GeneratedItem } from './generated-item';
import type { RandomTemplate } from './item-template';
import { CARD_ACTIVITY, CURRENT_ACCOUNT_ACTIVITY, PLACES, SAVINGS_ACTIVITY } from './merchant-catalogue';

const DAYS_PER_MONTH = 30.44;

function scheduledPerMonth(spec: AccountSpec): number {
  if (spec.kind === 'card') return 1;
  if (spec.role === 'current') return scheduledPerMonthOf(spec);
  return spec.savingsPartner ? 2 : 1;
}

/** Day-to-day items per day, after the account's scheduled ones are taken out of its monthly volume. */
export function randomPerDayOf(spec: AccountSpec): number {
  return Math.max(0, spec.monthlyVolume - scheduledPerMonth(spec)) / DAYS_PER_MONTH;
}

function catalogueOf(spec: AccountSpec): readonly RandomTemplate[] {
  if (spec.role === 'current') return CURRENT_ACCOUNT_ACTIVITY;
  return spec.role === 'savings' ? SAVINGS_ACTIVITY : CARD_ACTIVITY;
}

/**
 * The day's count is the difference of a jittered running total (rate × day + noise). Days vary from 0 to twice
 * the rate, yet any range holds the expected total to within one item, so benchmark volumes are predictable.
 */
function countItemsOn(seed: number, spec: AccountSpec, dayIndex: number, perDay: number): number {
  const amplitude = Math.min(perDay / 2, 4);
  const runningTotal = (index: number) =>
    perDay * index + amplitude * (2 * createPrng(seed, spec.accountId, 'count', index).next() - 1);
  return Math.max(0, Math.round(runningTotal(dayIndex + 1)) - Math.round(runningTotal(dayIndex)));
}

function isAtmPairDay(spec: AccountSpec, dayIndex: number): boolean {
  const offset = Number.parseInt(spec.accountId.slice(0, 6), 16) % ATM_PAIR_EVERY_DAYS;
  return spec.role === 'current' && (dayIndex + offset) % ATM_PAIR_EVERY_DAYS === 0;
}

/** The day's unscheduled items, from a PRNG seeded by (seed, account, date): the same on every call and clock. */
export function generateRandomItems(seed: number, spec: AccountSpec, date: string): GeneratedItem[] {
  const dayIndex = toDayIndex(date);
  const prng = createPrng(seed, spec.accountId, date, 'random');
  const catalogue = catalogueOf(spec);
  const count = countItemsOn(seed, spec, dayIndex, randomPerDayOf(spec));
  const items: GeneratedItem[] = [];
  for (let i = 0; i < count; i += 1) {
    items.push(finishItem(spec, date, drawRandomDraft(prng, `r:${i}`, prng.pickWeighted(catalogue))));
  }
  if (isAtmPairDay(spec, dayIndex)) {
    const place = prng.pick(PLACES);
    const amount = 1_000 * prng.pick([2, 4, 5, 10]);
    items.push(finishItem(spec, date, createAtmDraft('atm:0', place, amount)));
    items.push(finishItem(spec, date, createAtmDraft('atm:1', place, amount)));
  }
  return items;
}
