export {
  AmbiguousDateOrderError,
  AmbiguousDecimalMarkError,
  CsvMappingRequiredError,
  CurrencyRequiredError,
  InvalidCsvMappingError,
  StatementError,
  StatementSyntaxError,
  UnknownCurrencyError,
  UnknownFormatError,
  UnreadableRowsError,
} from './errors';
export {
  CsvMappingSchema,
  exportCsvMapping,
  importCsvMapping,
  type CsvLayout,
  type CsvMapping,
  type CsvMappingInput,
} from './formats/csv/csv-mapping';
export { inspectStatement, requireReadable, type StatementInspection } from './inspect/inspect-statement';
export { readStatementRows, type RowBatch } from './inspect/read-statement-rows';
export { sourceFromBytes, sourceFromFile, type StatementSource } from './source';
export {
  StatementFactsSchema,
  StatementOptionsSchema,
  type ReadProgress,
  type StatementFacts,
  type StatementOptions,
  type StatementOptionsInput,
} from './statement-facts';
export {
  StatementAccountSchema,
  StatementBalanceSchema,
  StatementRowSchema,
  RowProblemSchema,
  type DateOrder,
  type DecimalMark,
  type RowProblem,
  type StatementAccount,
  type StatementBalance,
  type StatementFormat,
  type StatementRow,
} from './statement-schema';
