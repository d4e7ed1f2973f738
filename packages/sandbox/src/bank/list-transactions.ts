import type { ProfileQuirks } from '../profiles';
import { toTransactionJson, type ApiTransaction } from './transaction-json';
import type { TransactionBook } from './transaction-book';

/** Booked transactions with booked dates in [from, to], newest first, as the API serves them. */
export function listBookedTransactions(
  book: TransactionBook,
  from: string,
  to: string,
  today: string,
  churn: string | null,
  quirks: ProfileQuirks = {},
): ApiTransaction[] {
  const accountId = book.spec.accountId;
  const kind = book.spec.kind;
  return book.booked(from, to, today).map((entry) =>
    toTransactionJson(entry.item, {
      accountId,
      status: 'booked',
      date: entry.bookedDate,
      runningBalancePence: entry.runningBalancePence,
      churn,
      quirks,
      kind,
    }),
  );
}

export function listPendingTransactions(
  book: TransactionBook,
  today: string,
  churn: string | null,
  quirks: ProfileQuirks = {},
): ApiTransaction[] {
  const accountId = book.spec.accountId;
  const kind = book.spec.kind;
  return book.pending(today).map((item) =>
    toTransactionJson(item, {
      accountId,
      status: 'pending',
      date: item.date,
      runningBalancePence: null,
      churn,
      quirks,
      kind,
    }),
  );
}
