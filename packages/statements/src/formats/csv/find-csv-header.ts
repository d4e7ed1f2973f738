import { CsvMappingRequiredError } from '../../errors';
import type { CsvColumn, CsvMapping } from './csv-mapping';
import { inferCsvMapping, normaliseHeader } from './infer-csv-mapping';

export type CsvRecord = { cells: string[]; line: number };

/** Positions of the mapped columns in the file. */
export type ColumnIndexes = {
  date: number;
  valueDate?: number;
  amount?: number;
  debit?: number;
  credit?: number;
  indicator?: number;
  description?: number;
  payee?: number;
  memo?: number;
  reference?: number;
  currency?: number;
};

/** Lines a header may be preceded by (account name, period, export date ... above the table). */
const headerSearchRecords = 50;

/**
 * Finds where the table starts: the first record holding every column the mapping names, or, without a mapping,
 * the first whose names are recognised. Records above it are junk and skipped. Consumes records from `records`
 * and returns those it read past the header, so the caller goes on from there.
 */
export async function findCsvHeader(
  records: AsyncIterator<CsvRecord>,
  delimiter: string,
  given: CsvMapping | undefined,
): Promise<{ mapping: CsvMapping; headerLine: number | null; indexes: ColumnIndexes; pending: CsvRecord[] }> {
  const seen: CsvRecord[] = [];
  for (let index = 0; index < headerSearchRecords; index += 1) {
    const next = await records.next();
    if (next.done) break;
    seen.push(next.value);
  }
  if (given && !given.header) {
    const width = widestColumn(given) + 1;
    const start = seen.findIndex((record) => record.cells.length >= width);
    return {
      mapping: given,
      headerLine: null,
      indexes: resolveColumns(given, []),
      pending: seen.slice(Math.max(start, 0)),
    };
  }
  for (const [position, record] of seen.entries()) {
    const mapping = given ?? inferCsvMapping(record.cells, asDelimiter(delimiter));
    if (!mapping || !namesAll(mapping, record.cells)) continue;
    return {
      mapping: { ...mapping, delimiter: asDelimiter(delimiter) },
      headerLine: record.line,
      indexes: resolveColumns(mapping, record.cells),
      pending: seen.slice(position + 1),
    };
  }
  const widest = seen.reduce<CsvRecord | undefined>(
    (best, record) => (record.cells.length > (best?.cells.length ?? 1) ? record : best),
    undefined,
  );
  throw new CsvMappingRequiredError(
    given
      ? `No line of the file has all the mapping's columns (${mappedNames(given).join(', ')}).`
      : 'The date and amount columns were not recognised: map the columns.',
    widest?.cells ?? [],
    widest?.line ?? null,
  );
}

function namesAll(mapping: CsvMapping, header: string[]): boolean {
  const names = new Set(header.map(normaliseHeader));
  return mappedNames(mapping).every((name) => names.has(normaliseHeader(name)));
}

function mappedColumns(mapping: CsvMapping): CsvColumn[] {
  const { amount, ...others } = mapping.columns;
  const amountColumns =
    amount.kind === 'debit-credit'
      ? [amount.debit, amount.credit]
      : amount.kind === 'indicator'
        ? [amount.column, amount.indicator]
        : [amount.column];
  return [...Object.values(others), ...amountColumns].filter((column) => column !== undefined);
}

function mappedNames(mapping: CsvMapping): string[] {
  return mappedColumns(mapping).filter((column): column is string => typeof column === 'string');
}

function widestColumn(mapping: CsvMapping): number {
  return Math.max(...mappedColumns(mapping).map((column) => (typeof column === 'number' ? column : 0)));
}

function resolveColumns(mapping: CsvMapping, header: string[]): ColumnIndexes {
  const normalised = header.map(normaliseHeader);
  const indexOf = (column: CsvColumn | undefined) =>
    column === undefined
      ? undefined
      : typeof column === 'number'
        ? column
        : normalised.indexOf(normaliseHeader(column));
  const { amount, ...columns } = mapping.columns;
  return {
    date: indexOf(columns.date) ?? 0,
    valueDate: indexOf(columns.valueDate),
    description: indexOf(columns.description),
    payee: indexOf(columns.payee),
    memo: indexOf(columns.memo),
    reference: indexOf(columns.reference),
    currency: indexOf(columns.currency),
    ...(amount.kind === 'debit-credit'
      ? { debit: indexOf(amount.debit), credit: indexOf(amount.credit) }
      : amount.kind === 'indicator'
        ? { amount: indexOf(amount.column), indicator: indexOf(amount.indicator) }
        : { amount: indexOf(amount.column) }),
  };
}

function asDelimiter(delimiter: string): CsvMapping['delimiter'] {
  return delimiter === ';' || delimiter === '\t' || delimiter === '|' ? delimiter : ',';
}
