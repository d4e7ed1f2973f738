import { addDays, addMonths } from '../calendar';
import { CARD_PAYMENT_DAY } from './card-schedule';
import { toMajorUnits } from './money';
import type { TransactionBook } from './transaction-book';

/** `/accounts/{id}/balance` or `/cards/{id}/balance` for the book's account as of `now`. */
export function toBalanceJson(book: TransactionBook, today: string, now: Date): Record<string, unknown> {
  const { bookedPence, pendingPence } = book.balances(today);
  const { spec } = book;
  if (spec.kind === 'account') {
    return {
      currency: 'GBP',
      available: toMajorUnits(bookedPence + pendingPence + spec.overdraftPence),
      current: toMajorUnits(bookedPence),
      overdraft: toMajorUnits(spec.overdraftPence),
      update_timestamp: now.toISOString(),
    };
  }
  const statement = book.statementPence(today);
  const paid = Number(today.slice(8, 10)) >= CARD_PAYMENT_DAY;
  const dueMonth = paid ? addMonths(`${today.slice(0, 7)}-01`, 1).slice(0, 7) : today.slice(0, 7);
  return {
    currency: 'GBP',
    available: toMajorUnits(spec.creditLimitPence - bookedPence - pendingPence),
    current: toMajorUnits(bookedPence),
    credit_limit: toMajorUnits(spec.creditLimitPence),
    last_statement_balance: toMajorUnits(statement),
    last_statement_date: addDays(`${today.slice(0, 7)}-01`, -1),
    payment_due: toMajorUnits(paid ? 0 : statement),
    payment_due_date: `${dueMonth}-${CARD_PAYMENT_DAY}`,
    update_timestamp: now.toISOString(),
  };
}
