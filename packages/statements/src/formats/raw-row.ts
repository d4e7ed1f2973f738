import type { CsvLayout } from './csv/csv-mapping';
import type {
  DecimalMark,
  RowProblem,
  RowStatus,
  SignConvention,
  StatementAccount,
  StatementBalance,
} from '../statement-schema';

/** An amount as the file writes it, before the file's decimal mark is decided. */
export type RawAmount =
  /** `sign` -1 when the file marks the row as a debit separately (MT940 D, CAMT DBIT, an indicator column). */
  { kind: 'text'; text: string; sign: 1 | -1 } | { kind: 'debit-credit'; debit: string; credit: string };

/** A row as a format reader finds it; the file-wide decisions (date order, decimal mark) turn it into a row. */
export type RawRow = {
  line: number;
  accountKey: string;
  status: RowStatus;
  date: string;
  valueDate: string | null;
  amount: RawAmount;
  /** The row's own currency when the file gives one per row or per statement. */
  currency: string | null;
  description: string;
  payee: string | null;
  memo: string | null;
  fileTransactionId: string | null;
};

/** What a format reader reports while it reads, in file order. */
export type ReadEvent =
  | { kind: 'row'; row: RawRow }
  | { kind: 'account'; account: StatementAccount }
  | { kind: 'balance'; balance: StatementBalance }
  | { kind: 'problem'; problem: RowProblem }
  | { kind: 'layout'; signConvention: SignConvention; csv?: CsvLayout };

/** What a format fixes for the whole file, before any row is read. */
export type FormatTraits = {
  /** The decimal marks the format allows: one for formats that define it. */
  decimalMarks: DecimalMark[];
  /** Whether dates are in a fixed syntax (ISO / YYYYMMDD after the reader), or in any order. */
  fixedDates: boolean;
  signConvention: SignConvention;
};

export function describeRow(parts: {
  payee: string | null;
  memo: string | null;
  text?: string | null;
}): string {
  return normaliseSpaces(parts.text || parts.payee || parts.memo || '');
}

export function normaliseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function emptyToNull(text: string | undefined | null): string | null {
  const value = text ? normaliseSpaces(text) : '';
  return value === '' ? null : value;
}

export function accountFor(key: string, ids: Partial<Omit<StatementAccount, 'key'>>): StatementAccount {
  return {
    key,
    iban: ids.iban ?? null,
    accountNumber: ids.accountNumber ?? null,
    bankId: ids.bankId ?? null,
    branchId: ids.branchId ?? null,
    accountType: ids.accountType ?? null,
    currency: ids.currency ?? null,
    name: ids.name ?? null,
  };
}
