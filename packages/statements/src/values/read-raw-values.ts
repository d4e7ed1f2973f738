import type { RawAmount } from '../formats/raw-row';
import type { DateOrder, DecimalMark } from '../statement-schema';
import { parseDecimal, toMinorUnits } from './parse-amount';
import { interpretDate, tokenizeDate } from './parse-date';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function readDate(text: string, order: DateOrder): ValueResult<string> {
  const tokens = tokenizeDate(text);
  const date = tokens ? interpretDate(tokens, order) : null;
  return date
    ? { ok: true, value: date }
    : { ok: false, message: `"${text}" is not a date in ${order} order` };
}

/** Signed minor units of a raw amount (debits negative). */
export function readAmount(amount: RawAmount, mark: DecimalMark, digits: number): ValueResult<number> {
  if (amount.kind === 'text') {
    const value = readMagnitude(amount.text, mark, digits);
    return value.ok ? ok(value.value * amount.sign || 0) : value; // never -0
  }
  const debit = amount.debit.trim() ? readMagnitude(amount.debit, mark, digits) : ok(0);
  if (!debit.ok) return debit;
  const credit = amount.credit.trim() ? readMagnitude(amount.credit, mark, digits) : ok(0);
  if (!credit.ok) return credit;
  if (!amount.debit.trim() && !amount.credit.trim()) return { ok: false, message: 'the row has no amount' };
  // Banks write debits as "12.50" or "-12.50" in a debit column: the column says the direction.
  return ok(Math.abs(credit.value) - Math.abs(debit.value));
}

function readMagnitude(text: string, mark: DecimalMark, digits: number): ValueResult<number> {
  if (!text.trim()) return { ok: false, message: 'the row has no amount' };
  const decimal = parseDecimal(text, mark);
  if (!decimal) return { ok: false, message: `"${text}" is not an amount with "${mark}" as decimal mark` };
  const minor = toMinorUnits(decimal, digits);
  if (minor === null) return { ok: false, message: `"${text}" has more decimals than the currency allows` };
  return ok(minor);
}

function ok<T>(value: T): ValueResult<T> {
  return { ok: true, value };
}
