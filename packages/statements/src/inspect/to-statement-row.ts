import type { RawRow } from '../formats/raw-row';
import type { DateOrder, DecimalMark, StatementRow } from '../statement-schema';
import { currencyDigits } from '../values/currency-digits';
import { readAmount, readDate } from '../values/read-raw-values';

export type RowDecisions = {
  dateOrder: DateOrder;
  decimalMark: DecimalMark;
  currencyOf(row: RawRow): string;
  isSharedId(accountKey: string, id: string): boolean;
};

/** A raw row read with the file's decisions, or null when it is unreadable (the first pass listed it). */
export function toStatementRow(
  raw: RawRow,
  decisions: RowDecisions,
): Omit<StatementRow, 'occurrence'> | null {
  const bookingDate = readDate(raw.date, decisions.dateOrder);
  const valueDate = raw.valueDate ? readDate(raw.valueDate, decisions.dateOrder) : null;
  const currency = decisions.currencyOf(raw);
  const amount = readAmount(raw.amount, decisions.decimalMark, currencyDigits(currency, raw.line));
  if (!bookingDate.ok || (valueDate && !valueDate.ok) || !amount.ok) return null;
  return {
    line: raw.line,
    accountKey: raw.accountKey,
    status: raw.status,
    bookingDate: bookingDate.value,
    valueDate: valueDate?.ok ? valueDate.value : null,
    amountMinor: amount.value,
    currency,
    direction: amount.value < 0 ? 'DEBIT' : 'CREDIT',
    description: raw.description,
    payee: raw.payee,
    memo: raw.memo,
    fileTransactionId: raw.fileTransactionId,
    fileTransactionIdShared: raw.fileTransactionId
      ? decisions.isSharedId(raw.accountKey, raw.fileTransactionId)
      : false,
  };
}
