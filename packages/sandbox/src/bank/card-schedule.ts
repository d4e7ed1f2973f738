import { addDays, addMonths } from '../calendar';
import type { CardSpec } from './account-specs';
import { createScheduledDraft } from './draw-draft';
import type { GeneratedItem, ItemDraft } from './generated-item';

export const CARD_PAYMENT_DAY = 20;

/**
 * The statement balance owed (positive): the previous calendar month's purchases net of refunds (the holder pays
 * in full). Items are signed money-out negative, so what is owed is minus their sum.
 */
export function statementBalancePence(
  date: string,
  randomItemsOn: (date: string) => readonly GeneratedItem[],
): number {
  const firstOfMonth = `${date.slice(0, 7)}-01`;
  let total = 0;
  // Only day-to-day items count: payments are scheduled items, so this never recurses into earlier months.
  for (let day = addMonths(firstOfMonth, -1); day < firstOfMonth; day = addDays(day, 1)) {
    for (const item of randomItemsOn(day)) total += item.amountPence;
  }
  return Math.max(0, -total);
}

/** The monthly payment to the card on the 20th: money in, a positive CREDIT. */
export function draftCardSchedule(
  spec: CardSpec,
  date: string,
  randomItemsOn: (date: string) => readonly GeneratedItem[],
): ItemDraft[] {
  if (Number(date.slice(8, 10)) !== CARD_PAYMENT_DAY) return [];
  const amount = statementBalancePence(date, randomItemsOn);
  if (amount === 0) return [];
  return [
    createScheduledDraft(
      's:payment',
      {
        description: 'PAYMENT RECEIVED - THANK YOU',
        merchantName: null,
        category: 'CREDIT',
        classification: ['Transfer', 'Credit Card Payment'],
        providerCategory: 'PAYMENT',
        direction: 'CREDIT',
      },
      amount,
      null,
    ),
  ];
}
