import { CurrencyRequiredError } from '../errors';
import type { CsvLayout } from '../formats/csv/csv-mapping';
import type { FormatTraits, RawRow, ReadEvent } from '../formats/raw-row';
import type { StatementOptions } from '../statement-facts';
import type {
  DateOrder,
  DecimalMark,
  RowProblem,
  SignConvention,
  StatementAccount,
  StatementBalance,
} from '../statement-schema';
import { currencyDigits } from '../values/currency-digits';
import { AmountSurvey } from './amount-survey';
import { allDateOrders, DateSurvey } from './date-survey';

/** Problems listed by line; beyond this many only their count grows (a broken 100,000-row file lists the first). */
export const problemListLimit = 1000;

/** The first pass over a file: tallies everything needed to decide its conventions and list what is unreadable. */
export class StatementSurvey {
  readonly accounts = new Map<string, StatementAccount>();
  readonly balances: StatementBalance[] = [];
  readonly structuralProblems: RowProblem[] = [];
  structuralProblemCount = 0;
  signConvention: SignConvention;
  csv: CsvLayout | null = null;
  rowsSeen = 0;
  readonly dates: DateSurvey;
  readonly amounts: AmountSurvey;
  readonly currencies = new Set<string>();
  /** Rows unreadable under each (date order, decimal mark) pair. */
  private readonly rowFailures = new Map<string, number>();
  private readonly idCounts = new Map<string, number>();

  constructor(
    traits: FormatTraits,
    private readonly options: StatementOptions,
  ) {
    this.signConvention = traits.signConvention;
    this.dates = new DateSurvey(traits.fixedDates ? ['YMD'] : allDateOrders, problemListLimit);
    this.amounts = new AmountSurvey(traits.decimalMarks, problemListLimit);
  }

  add(event: ReadEvent): void {
    switch (event.kind) {
      case 'account':
        if (!this.accounts.has(event.account.key)) this.accounts.set(event.account.key, event.account);
        return;
      case 'balance':
        this.balances.push(event.balance);
        return;
      case 'problem':
        this.structuralProblemCount += 1;
        if (this.structuralProblems.length < problemListLimit) this.structuralProblems.push(event.problem);
        return;
      case 'layout':
        this.signConvention = event.signConvention;
        this.csv = event.csv ?? null;
        return;
      case 'row':
        this.addRow(event.row);
    }
  }

  private addRow(row: RawRow): void {
    this.rowsSeen += 1;
    const currency = currencyOf(row, this.accounts, this.options, this.csv);
    this.currencies.add(currency);
    const failedOrders = new Set(this.dates.add(row.line, row.date, true));
    if (row.valueDate)
      for (const order of this.dates.add(row.line, row.valueDate, false)) failedOrders.add(order);
    const failedMarks = this.amounts.add(row.line, row.amount, currencyDigits(currency, row.line));
    for (const order of this.dates.tallies.keys()) {
      for (const mark of this.amounts.tallies.keys()) {
        if (failedOrders.has(order) || failedMarks.includes(mark)) {
          const key = `${order}${mark}`;
          this.rowFailures.set(key, (this.rowFailures.get(key) ?? 0) + 1);
        }
      }
    }
    if (row.fileTransactionId) {
      const key = idKey(row.accountKey, row.fileTransactionId);
      this.idCounts.set(key, (this.idCounts.get(key) ?? 0) + 1);
    }
  }

  failedRows(order: DateOrder, mark: DecimalMark): number {
    return this.rowFailures.get(`${order}${mark}`) ?? 0;
  }

  /** Ids that more than one row of an account carries. */
  sharedIds(): Set<string> {
    return new Set([...this.idCounts].filter(([, count]) => count > 1).map(([key]) => key));
  }
}

export function idKey(accountKey: string, id: string): string {
  return `${accountKey}\u0000${id}`;
}

/** A row's currency: its own, else its account's, else the mapping's or the caller's. */
export function currencyOf(
  row: RawRow,
  accounts: Map<string, StatementAccount>,
  options: StatementOptions,
  csv: CsvLayout | null,
): string {
  const currency =
    row.currency ?? accounts.get(row.accountKey)?.currency ?? csv?.mapping.currency ?? options.currency;
  if (!currency) throw new CurrencyRequiredError();
  return currency;
}
