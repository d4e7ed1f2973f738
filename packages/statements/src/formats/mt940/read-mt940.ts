import { StatementSyntaxError } from '../../errors';
import type { StatementOptions } from '../../statement-facts';
import type { Balance, StatementBalance } from '../../statement-schema';
import { splitLines } from '../../text/decode-source';
import { currencyDigits } from '../../values/currency-digits';
import { calendarDate, expandYear } from '../../values/parse-date';
import { readAmount } from '../../values/read-raw-values';
import { accountFor, emptyToNull, normaliseSpaces, type RawRow, type ReadEvent } from '../raw-row';
import { readMt940Fields, type Mt940Field } from './read-mt940-fields';

// :61: value date, entry date (MMDD), mark (C, D, RC reversal of credit, RD reversal of debit), third letter of
// the currency, amount, transaction type, reference for the account owner, //the bank's reference.
const statementLine =
  /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([A-Z][A-Z0-9]{3})([^/\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;
const balanceLine = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)/;

type Statement = {
  id: string | null;
  accountKey: string | null;
  currency: string | null;
  opening: Balance | null;
  movements: number;
  pending: RawRow | null;
};

/**
 * Reads SWIFT MT940 statements line by line. Each statement's opening balance plus its movements is checked
 * against its closing balance; the result is reported, not thrown, so a person sees it in the plan.
 */
export async function* readMt940(
  chunks: AsyncIterable<string>,
  _options: StatementOptions,
): AsyncGenerator<ReadEvent> {
  let statement: Statement = emptyStatement();
  const accounts = new Set<string>();
  for await (const field of readMt940Fields(splitLines(chunks))) {
    switch (field.tag) {
      case '20':
        if (statement.pending) yield { kind: 'row', row: statement.pending };
        statement = { ...emptyStatement(), id: field.value.trim() };
        break;
      case '25': {
        const account = field.value.trim();
        statement.accountKey = `mt940:${account}`;
        if (!accounts.has(account)) {
          accounts.add(account);
          yield { kind: 'account', account: accountFor(statement.accountKey, identifiersOf(account)) };
        }
        break;
      }
      case '60F':
      case '60M':
        statement.opening = readBalance(field);
        statement.currency = statement.opening.currency;
        break;
      case '61':
        if (statement.pending) yield { kind: 'row', row: statement.pending };
        statement.pending = readStatementLine(field, statement);
        break;
      case '86':
        if (statement.pending) {
          Object.assign(statement.pending, describe(field.value));
          yield { kind: 'row', row: statement.pending };
          statement.pending = null;
        }
        break;
      case '62F':
      case '62M': {
        if (statement.pending) yield { kind: 'row', row: statement.pending };
        statement.pending = null;
        yield { kind: 'balance', balance: checkBalance(statement, readBalance(field), field.line) };
        break;
      }
    }
  }
  if (statement.pending) yield { kind: 'row', row: statement.pending };
}

function emptyStatement(): Statement {
  return { id: null, accountKey: null, currency: null, opening: null, movements: 0, pending: null };
}

function readStatementLine(field: Mt940Field, statement: Statement): RawRow {
  const match = statementLine.exec(field.value.trim());
  if (!match || !statement.accountKey || !statement.currency) {
    throw new StatementSyntaxError(`":61:${field.value.split('\n')[0]}" is not a statement line`, field.line);
  }
  const [, valueDate = '', entryDate, mark = '', , amountText = '', , ownerReference = '', bankReference] =
    match;
  const sign = mark === 'D' || mark === 'RC' ? -1 : 1;
  const amount = readAmount(
    { kind: 'text', text: amountText, sign },
    ',',
    currencyDigits(statement.currency),
  );
  if (amount.ok) statement.movements += amount.value;
  const value = yymmdd(valueDate);
  return {
    line: field.line,
    accountKey: statement.accountKey,
    status: 'booked',
    date: entryDate ? entryDateNear(entryDate, value) : value,
    valueDate: value,
    amount: { kind: 'text', text: amountText, sign },
    currency: statement.currency,
    description: normaliseSpaces(match[9] ?? ownerReference),
    payee: null,
    memo: null,
    fileTransactionId: emptyToNull(bankReference?.split('\n')[0]) ?? null,
  };
}

/** :86: text; German (?20..?29 remittance, ?32/?33 name) and Dutch (/NAME/.../REMI/...) structures are read. */
function describe(text: string): Pick<RawRow, 'description' | 'payee' | 'memo'> {
  const joined = text.replace(/\n/g, '');
  if (/^\d{3}\?/.test(joined)) {
    const subfields = new Map<string, string>();
    for (const part of joined.slice(3).split('?').slice(1)) {
      const code = part.slice(0, 2);
      subfields.set(code, (subfields.get(code) ?? '') + part.slice(2));
    }
    const remittance = [...subfields]
      .filter(([code]) => code >= '20' && code <= '29')
      .map(([, part]) => part);
    const payee = emptyToNull(`${subfields.get('32') ?? ''}${subfields.get('33') ?? ''}`);
    return {
      description: normaliseSpaces(remittance.join('') || payee || ''),
      payee,
      memo: emptyToNull(subfields.get('00')),
    };
  }
  if (/^\/[A-Z]{3,4}\//.test(joined)) {
    const parts = new Map(
      [...joined.matchAll(/\/([A-Z]{3,4})\/([^/]*)/g)].map((part) => [part[1], part[2] ?? '']),
    );
    const payee = emptyToNull(parts.get('NAME'));
    return {
      description: normaliseSpaces(parts.get('REMI') || payee || ''),
      payee,
      memo: emptyToNull(parts.get('TRTP')),
    };
  }
  return { description: normaliseSpaces(text), payee: null, memo: null };
}

function readBalance(field: Mt940Field): Balance {
  const match = balanceLine.exec(field.value.trim());
  if (!match) throw new StatementSyntaxError(`":${field.tag}:${field.value}" is not a balance`, field.line);
  const [, mark = 'C', date = '', currency = '', amountText = ''] = match;
  const amount = readAmount(
    { kind: 'text', text: amountText, sign: mark === 'D' ? -1 : 1 },
    ',',
    currencyDigits(currency, field.line),
  );
  if (!amount.ok) throw new StatementSyntaxError(`"${amountText}" is not an amount`, field.line);
  const parsedDate = yymmdd(date);
  return { date: /^\d{4}-/.test(parsedDate) ? parsedDate : null, amountMinor: amount.value, currency };
}

function checkBalance(statement: Statement, closing: Balance, line: number): StatementBalance {
  return {
    accountKey: statement.accountKey ?? 'mt940:',
    statementId: statement.id,
    line,
    opening: statement.opening,
    closing,
    movementsMinor: statement.movements,
    balanced: statement.opening
      ? statement.opening.amountMinor + statement.movements === closing.amountMinor
      : null,
  };
}

/** YYMMDD as a calendar date, or the text as written when it is no date (the row is then listed unreadable). */
function yymmdd(text: string): string {
  const date = calendarDate(expandYear(text.slice(0, 2)), Number(text.slice(2, 4)), Number(text.slice(4, 6)));
  return date ?? text;
}

/** The entry date has no year: the one that puts it nearest the value date (a booking may cross New Year). */
function entryDateNear(mmdd: string, valueDate: string): string {
  const year = Number(valueDate.slice(0, 4));
  const month = Number(mmdd.slice(0, 2));
  const valueMonth = Number(valueDate.slice(5, 7));
  const entryYear = month - valueMonth > 6 ? year - 1 : valueMonth - month > 6 ? year + 1 : year;
  return calendarDate(entryYear, month, Number(mmdd.slice(2, 4))) ?? mmdd;
}

function identifiersOf(account: string) {
  const compact = account.replace(/\s/g, '');
  const iban = /^([A-Z]{2}\d{2}[A-Z0-9]{10,30}?)([A-Z]{3})?$/.exec(compact);
  if (iban) return { iban: iban[1] ?? compact, accountNumber: iban[1] ?? compact };
  const [bankId, accountNumber] = compact.includes('/') ? compact.split('/', 2) : [null, compact];
  return { bankId: bankId ?? null, accountNumber: accountNumber ?? compact };
}
