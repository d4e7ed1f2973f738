import { formatReaders } from '../formats/format-reader';
import type { ReadProgress } from '../statement-facts';
import type { StatementRow } from '../statement-schema';
import { decodeSource, type ReadCounter } from '../text/decode-source';
import type { StatementInspection } from './inspect-statement';
import { OccurrenceCounter } from './occurrence-counter';
import { currencyOf, idKey } from './statement-survey';
import { toStatementRow } from './to-statement-row';

export type RowBatch = { rows: StatementRow[]; progress: ReadProgress };

/**
 * The second pass: streams the file's rows in batches, read with the decisions of the first pass, with the bytes
 * and rows read so far. Memory stays bounded by the batch size whatever the file's length. Unreadable rows are
 * skipped here: the inspection listed them.
 */
export async function* readStatementRows(
  inspection: StatementInspection,
  batchSize = 500,
): AsyncGenerator<RowBatch> {
  const { facts, options, source } = inspection;
  const reader = formatReaders[facts.format];
  const counter: ReadCounter = { bytesRead: 0 };
  const accounts = new Map(facts.accounts.map((account) => [account.key, account]));
  const occurrences = new OccurrenceCounter(facts.dateSequence !== 'unordered');
  const decisions = {
    dateOrder: facts.dateOrder.order,
    decimalMark: facts.decimalMark.mark,
    currencyOf: (row: Parameters<typeof currencyOf>[0]) => currencyOf(row, accounts, options, facts.csv),
    isSharedId: (accountKey: string, id: string) => inspection.sharedIds.has(idKey(accountKey, id)),
  };
  let rows: StatementRow[] = [];
  let rowsRead = 0;
  const progress = () => ({ bytesRead: counter.bytesRead, totalBytes: source.size, rowsRead });
  // the second pass reads a CSV with the mapping the first one found, even when it was inferred
  const readOptions = { ...options, csvMapping: facts.csv?.mapping ?? options.csvMapping };
  for await (const event of reader.read(decodeSource(source, facts.encoding, counter, false), readOptions)) {
    if (event.kind !== 'row') continue;
    const row = toStatementRow(event.row, decisions);
    if (!row) continue;
    rows.push({ ...row, occurrence: occurrences.next(row) });
    rowsRead += 1;
    if (rows.length >= batchSize) {
      yield { rows, progress: progress() };
      rows = [];
    }
  }
  if (rows.length > 0) yield { rows, progress: progress() };
}
