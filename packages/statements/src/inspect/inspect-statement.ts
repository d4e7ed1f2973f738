import iconv from 'iconv-lite';
import { detectFormat } from '../detect-format';
import { UnreadableRowsError } from '../errors';
import { formatReaders } from '../formats/format-reader';
import { readHead, type StatementSource } from '../source';
import {
  StatementOptionsSchema,
  type ReadProgress,
  type StatementFacts,
  type StatementOptions,
  type StatementOptionsInput,
} from '../statement-facts';
import type { RowProblem } from '../statement-schema';
import { decodeSource, type ReadCounter } from '../text/decode-source';
import { detectEncoding, sampleNonAscii, type EncodingGuess } from '../text/detect-encoding';
import { decideDateOrder, decideDecimalMark } from './decide-conventions';
import { problemListLimit, StatementSurvey } from './statement-survey';

const headBytes = 64 * 1024;

/** A file read once as a whole: its facts, its unreadable rows, and what the second pass needs to stream rows. */
export type StatementInspection = {
  source: StatementSource;
  facts: StatementFacts;
  /** Unreadable rows and lines, by line (the first thousand; `facts.problemCount` counts them all). */
  problems: RowProblem[];
  /** Ids carried by more than one row of an account (keys of `idKey`). */
  sharedIds: ReadonlySet<string>;
  options: StatementOptions;
};

/**
 * The first pass: detects encoding and format, reads every row to decide the file's date order and decimal mark
 * from all of them, and lists what cannot be read. Throws a StatementError when the file cannot be read at all.
 */
export async function inspectStatement(
  source: StatementSource,
  optionsInput: StatementOptionsInput = {},
  onProgress?: (progress: ReadProgress) => void,
): Promise<StatementInspection> {
  const options = StatementOptionsSchema.parse(optionsInput);
  const head = await readHead(source, headBytes);
  const guess: EncodingGuess = options.encoding
    ? { encoding: options.encoding, confirmOnRead: false }
    : detectEncoding(head, null);
  try {
    return await survey(source, head, guess, options, onProgress);
  } catch (error) {
    if (!(guess.confirmOnRead && isInvalidUtf8(error))) throw error;
    const sample = await sampleNonAscii(source.open());
    return survey(source, head, detectEncoding(head, sample), options, onProgress);
  }
}

/** Whole-file mode: nothing of a file is stored unless every row of it can be read. */
export function requireReadable(inspection: StatementInspection): StatementInspection {
  if (inspection.facts.problemCount > 0) {
    throw new UnreadableRowsError(inspection.problems, inspection.facts.problemCount);
  }
  return inspection;
}

async function survey(
  source: StatementSource,
  head: Uint8Array,
  guess: EncodingGuess,
  options: StatementInspection['options'],
  onProgress: ((progress: ReadProgress) => void) | undefined,
): Promise<StatementInspection> {
  const format = options.format ?? detectFormat(iconv.decode(Buffer.from(head), guess.encoding), source.name);
  const reader = formatReaders[format];
  const state = new StatementSurvey(reader.traits, options);
  const counter: ReadCounter = { bytesRead: 0 };
  for await (const event of reader.read(
    decodeSource(source, guess.encoding, counter, guess.confirmOnRead),
    options,
  )) {
    state.add(event);
    if (onProgress && event.kind === 'row' && state.rowsSeen % 1000 === 0) {
      onProgress({ bytesRead: counter.bytesRead, totalBytes: source.size, rowsRead: state.rowsSeen });
    }
  }
  onProgress?.({ bytesRead: counter.bytesRead, totalBytes: source.size, rowsRead: state.rowsSeen });

  const dateOrder = decideDateOrder(
    state.dates,
    reader.traits.fixedDates,
    options.dateOrder ?? state.csv?.mapping.dateOrder,
  );
  const decimalMark = decideDecimalMark(
    state.amounts,
    reader.traits.decimalMarks.length === 1,
    options.decimalMark ?? state.csv?.mapping.decimalMark,
  );
  const failedRows = state.failedRows(dateOrder.order, decimalMark.mark);
  const problems = [
    ...state.structuralProblems,
    ...[...(state.dates.tallies.get(dateOrder.order)?.failed ?? [])].map(([line, text]) => ({
      line,
      code: 'DATE_UNREADABLE',
      message: `"${text}" is not a date in ${dateOrder.order} order`,
    })),
    ...[...(state.amounts.tallies.get(decimalMark.mark)?.failed ?? [])].map(([line, message]) => ({
      line,
      code: 'AMOUNT_UNREADABLE',
      message,
    })),
  ]
    .sort((a, b) => a.line - b.line)
    .slice(0, problemListLimit);

  return {
    source,
    options,
    problems,
    sharedIds: state.sharedIds(),
    facts: {
      format,
      encoding: guess.encoding,
      dateOrder,
      decimalMark,
      signConvention: state.signConvention,
      dateSequence: state.dates.sequence(dateOrder.order),
      accounts: [...state.accounts.values()],
      balances: state.balances,
      period: state.dates.period(dateOrder.order),
      currencies: [...state.currencies].sort(),
      rowCount: state.rowsSeen - failedRows,
      problemCount: state.structuralProblemCount + failedRows,
      csv: state.csv,
    },
  };
}

function isInvalidUtf8(error: unknown): boolean {
  return (
    error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
  );
}
