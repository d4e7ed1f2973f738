// Errors of reading a statement file. Each has a `code`; `line` points into the file where it applies.
import type { DateOrder, DecimalMark, RowProblem } from './statement-schema';

export class StatementError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
  }
}

export class UnknownFormatError extends StatementError {
  constructor(name: string) {
    super('STATEMENT_FORMAT_UNKNOWN', `${name} is not a CSV, OFX/QFX, QIF, CAMT or MT940 statement.`);
  }
}

/** The file breaks its format's syntax, so it cannot be read as a whole. */
export class StatementSyntaxError extends StatementError {
  constructor(message: string, line: number | null) {
    super('STATEMENT_SYNTAX', message, line);
  }
}

/** A CSV whose columns could not be recognised: a mapping is needed. `columns` are its header's names. */
export class CsvMappingRequiredError extends StatementError {
  constructor(
    message: string,
    readonly columns: string[],
    line: number | null,
  ) {
    super('CSV_MAPPING_REQUIRED', message, line);
  }
}

export class InvalidCsvMappingError extends StatementError {
  constructor(message: string) {
    super('CSV_MAPPING_INVALID', message);
  }
}

/** Every date fits more than one order and they give different days: the person (or a saved mapping) chooses. */
export class AmbiguousDateOrderError extends StatementError {
  constructor(readonly candidates: DateOrder[]) {
    super(
      'DATE_ORDER_AMBIGUOUS',
      `The file's dates can be read as ${candidates.join(' or ')}: choose the order.`,
    );
  }
}

export class AmbiguousDecimalMarkError extends StatementError {
  constructor(readonly candidates: DecimalMark[]) {
    super(
      'DECIMAL_MARK_AMBIGUOUS',
      `The file's amounts can be read with "${candidates.join('" or "')}" as decimal mark: choose one.`,
    );
  }
}

export class CurrencyRequiredError extends StatementError {
  constructor() {
    super('CURRENCY_REQUIRED', 'The file does not say its currency: give the account currency.');
  }
}

export class UnknownCurrencyError extends StatementError {
  constructor(currency: string, line: number | null) {
    super('CURRENCY_UNKNOWN', `"${currency}" is not an ISO 4217 currency code.`, line);
  }
}

/** Raised in whole-file mode: some rows cannot be read, so nothing of the file should be stored. */
export class UnreadableRowsError extends StatementError {
  constructor(
    readonly problems: RowProblem[],
    readonly problemCount: number,
  ) {
    const first = problems[0];
    super(
      'STATEMENT_ROWS_UNREADABLE',
      `${problemCount} row(s) cannot be read${first ? `, the first at line ${first.line}: ${first.message}` : ''}.`,
    );
  }
}
