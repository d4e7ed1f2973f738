import { toTransactionJson, type ApiTransaction } from './transaction-json';
import type { TransactionBook } from './transaction-book';

/** Booked transactions with booked dates in [from, to], newest first, as the API serves them. */
export function listBookedTransactions(
  book: TransactionBook,
  from: string,
  to: string,
  today: string,
  churn: string | null,
): ApiTransaction[] {
  const accountId = book.spec.accountId;
  return book.booked(from, to, today).map((entry) =>
    toTransactionJson(entry.item, {
      accountId,
      status: 'booked',
      date: entry.bookedDate,
      runningBalancePence: entry.runningBalancePence,
      churn,
    }),
  );
}

export function listPendingTransactions(
  book: TransactionBook,
  today: string,
  churn: string | null,
): ApiTransaction[] {
  const accountId = book.spec.accountId;
  return book.pending(today).map((item) =>
    toTransactionJson(item, {
      accountId,
      status: 'pending',
      date: item.date,
      runningBalancePence: null,
      churn,
    }),
  );
}
