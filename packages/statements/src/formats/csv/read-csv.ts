import { Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { StatementSyntaxError } from '../../errors';
import type { StatementOptions } from '../../statement-facts';
import { accountFor, emptyToNull, normaliseSpaces, type RawAmount, type ReadEvent } from '../raw-row';
import type { CsvMapping } from './csv-mapping';
import { detectDelimiter } from './detect-delimiter';
import { findCsvHeader, type ColumnIndexes, type CsvRecord } from './find-csv-header';

const sampleChars = 64 * 1024;
const fileAccount = 'file';

/**
 * Reads a CSV export: any delimiter, junk lines above the header skipped, columns named by a mapping or recognised
 * by their header names. Records are streamed through csv-parse, so quoted fields may span lines.
 */
export async function* readCsv(
  chunks: AsyncIterable<string>,
  options: StatementOptions,
): AsyncGenerator<ReadEvent> {
  const { sample, rest } = await takeSample(chunks);
  const delimiter = options.csvMapping?.delimiter ?? detectDelimiter(sample);
  const records = readRecords(rest, delimiter);
  const { mapping, headerLine, indexes, pending } = await findCsvHeader(
    records,
    delimiter,
    options.csvMapping,
  );
  yield { kind: 'account', account: accountFor(fileAccount, { currency: mapping.currency ?? null }) };
  yield {
    kind: 'layout',
    signConvention: signConventionOf(mapping),
    csv: { delimiter, headerLine, mapping },
  };
  const width = Math.max(...Object.values(indexes).filter((index) => index !== undefined)) + 1;
  const all = (async function* () {
    yield* pending;
    yield* records;
  })();
  for await (const record of all) {
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    if (record.cells.length < width) {
      yield {
        kind: 'problem',
        problem: {
          line: record.line,
          code: 'ROW_TOO_SHORT',
          message: `the row has ${record.cells.length} field(s), the header has at least ${width}`,
        },
      };
      continue;
    }
    const cell = (index: number | undefined) => (index === undefined ? '' : (record.cells[index] ?? ''));
    const amount = amountOf(mapping, indexes, cell);
    if (!amount) {
      const indicator = cell(indexes.indicator);
      yield {
        kind: 'problem',
        problem: {
          line: record.line,
          code: 'INDICATOR_UNKNOWN',
          message: `"${indicator}" is neither debit nor credit`,
        },
      };
      continue;
    }
    const payee = emptyToNull(cell(indexes.payee));
    const memo = emptyToNull(cell(indexes.memo));
    yield {
      kind: 'row',
      row: {
        line: record.line,
        accountKey: fileAccount,
        status: 'booked',
        date: cell(indexes.date),
        valueDate: emptyToNull(cell(indexes.valueDate)),
        amount,
        currency: emptyToNull(cell(indexes.currency))?.toUpperCase() ?? null,
        description: normaliseSpaces(cell(indexes.description) || payee || memo || ''),
        payee,
        memo,
        fileTransactionId: emptyToNull(cell(indexes.reference)),
      },
    };
  }
}

function amountOf(
  mapping: CsvMapping,
  indexes: ColumnIndexes,
  cell: (index: number | undefined) => string,
): RawAmount | null {
  const amount = mapping.columns.amount;
  switch (amount.kind) {
    case 'signed':
      return { kind: 'text', text: cell(indexes.amount), sign: amount.positiveIs === 'credit' ? 1 : -1 };
    case 'debit-credit':
      return { kind: 'debit-credit', debit: cell(indexes.debit), credit: cell(indexes.credit) };
    case 'indicator': {
      const indicator = cell(indexes.indicator).trim().toUpperCase();
      const matches = (values: string[]) => values.some((value) => value.toUpperCase() === indicator);
      // The indicator gives the direction; a sign written on the amount as well is ignored.
      const text = cell(indexes.amount).replace(/^\s*[-+]/, '');
      if (matches(amount.debitValues)) return { kind: 'text', text, sign: -1 };
      if (matches(amount.creditValues)) return { kind: 'text', text, sign: 1 };
      return null;
    }
  }
}

function signConventionOf(mapping: CsvMapping) {
  const amount = mapping.columns.amount;
  if (amount.kind === 'debit-credit') return 'debit-credit-columns' as const;
  if (amount.kind === 'indicator') return 'indicator' as const;
  return amount.positiveIs === 'credit' ? ('signed' as const) : ('signed-inverted' as const);
}

async function takeSample(
  chunks: AsyncIterable<string>,
): Promise<{ sample: string; rest: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: string[] = [];
  let length = 0;
  while (length < sampleChars) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
    length += next.value.length;
  }
  const rest = (async function* () {
    yield* taken;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  return { sample: taken.join('').slice(0, sampleChars), rest };
}

type LineRecord = { cells: string[]; endLine: number };

/** csv-parse records with the line each starts on (csv-parse counts the line each ends on). */
async function* readRecords(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<CsvRecord> {
  const options: Options<LineRecord, string[]> = {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // cheaper than `info: true`, which copies the whole info object for every record
    on_record: (cells, context) => ({ cells, endLine: context.lines }),
  };
  // csv-parse's overloads type on_record's result only together with `columns`; at run time any result is kept
  const parser = Readable.from(chunks).pipe(parse(options as unknown as Options));
  let nextLine = 1;
  try {
    for await (const { cells, endLine } of parser as AsyncIterable<LineRecord>) {
      yield { cells, line: nextLine };
      nextLine = endLine + 1;
    }
  } catch (error) {
    // an unclosed quote or an endless field: the file cannot be read as a whole past this line
    if (error instanceof CsvError) {
      throw new StatementSyntaxError(error.message, typeof error.lines === 'number' ? error.lines : nextLine);
    }
    throw error;
  }
}
