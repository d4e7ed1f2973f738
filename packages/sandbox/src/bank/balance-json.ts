import { addDays, addMonths } from '../calendar';
import { CARD_PAYMENT_DAY } from './card-schedule';
import { toMajorUnits } from './money';
import type { TransactionBook } from './transaction-book';

/** `/accounts/{id}/balance` or `/cards/{id}/balance` for the book's account as of `now`. */
export function toBalanceJson(
  book: TransactionBook,
  today: string,
  now: Date,
  zoneless = false,
): Record<string, unknown> {
  // Statement dates come as TrueLayer's card fixture writes them: a midnight without a zone.
  const asDate = (date: string) => `${date}T00:00:00`;
  const asInstant = (date: Date) => (zoneless ? date.toISOString().slice(0, -1) : date.toISOString());
  const { bookedPence, pendingPence } = book.balances(today);
  const { spec } = book;
  if (spec.kind === 'account') {
    return {
      currency: 'GBP',
      available: toMajorUnits(bookedPence + pendingPence + spec.overdraftPence),
      current: toMajorUnits(bookedPence),
      overdraft: toMajorUnits(spec.overdraftPence),
      update_timestamp: asInstant(now),
    };
  }
  const statement = book.statementPence(today);
  const paid = Number(today.slice(8, 10)) >= CARD_PAYMENT_DAY;
  const dueMonth = paid ? addMonths(`${today.slice(0, 7)}-01`, 1).slice(0, 7) : today.slice(0, 7);
  // Card items are signed money-out negative; the balance is what is owed, positive (TrueLayer's card fixture:
  // current 21.0, available 5479.0 of a 5500.0 limit).
  const owedPence = -bookedPence;
  return {
    currency: 'GBP',
    available: toMajorUnits(spec.creditLimitPence - owedPence + pendingPence),
    current: toMajorUnits(owedPence),
    credit_limit: toMajorUnits(spec.creditLimitPence),
    last_statement_balance: toMajorUnits(statement),
    last_statement_date: asDate(addDays(`${today.slice(0, 7)}-01`, -1)),
    payment_due: toMajorUnits(paid ? 0 : statement),
    payment_due_date: asDate(`${dueMonth}-${CARD_PAYMENT_DAY}`),
    update_timestamp: asInstant(now),
  };
}
