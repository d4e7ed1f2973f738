import { z } from 'zod';
import { CsvMappingSchema } from './formats/csv/csv-mapping';
import {
  CalendarDateSchema,
  CurrencySchema,
  DateOrderSchema,
  DecimalMarkSchema,
  DecisionBasisSchema,
  SignConventionSchema,
  StatementAccountSchema,
  StatementBalanceSchema,
  StatementFormatSchema,
} from './statement-schema';

/** What the first pass learnt about the whole file: the plan shows it, the second pass reads rows with it. */
export const StatementFactsSchema = z.object({
  format: StatementFormatSchema,
  encoding: z.string(),
  /** `candidates` are the orders that read every date: more than one means the file alone cannot tell. */
  dateOrder: z.object({
    order: DateOrderSchema,
    basis: DecisionBasisSchema,
    candidates: z.array(DateOrderSchema),
  }),
  decimalMark: z.object({
    mark: DecimalMarkSchema,
    basis: DecisionBasisSchema,
    candidates: z.array(DecimalMarkSchema),
  }),
  signConvention: SignConventionSchema,
  dateSequence: z.enum(['ascending', 'descending', 'unordered']),
  accounts: z.array(StatementAccountSchema),
  balances: z.array(StatementBalanceSchema),
  period: z.object({ from: CalendarDateSchema, to: CalendarDateSchema }).nullable(),
  currencies: z.array(CurrencySchema),
  /** Rows the second pass will give; unreadable rows are not counted here but in `problemCount`. */
  rowCount: z.number().int().nonnegative(),
  problemCount: z.number().int().nonnegative(),
  csv: z
    .object({
      delimiter: z.string(),
      headerLine: z.number().int().positive().nullable(),
      mapping: CsvMappingSchema,
    })
    .nullable(),
});
export type StatementFacts = z.infer<typeof StatementFactsSchema>;

export const StatementOptionsSchema = z.object({
  format: StatementFormatSchema.optional(),
  /** An encoding name iconv-lite knows, when detection gets it wrong. */
  encoding: z.string().optional(),
  /** The account's currency, for files that do not say theirs (CSV, QIF, some OFX). */
  currency: CurrencySchema.optional(),
  /** Used when the file's dates fit more than one order. */
  dateOrder: DateOrderSchema.optional(),
  decimalMark: DecimalMarkSchema.optional(),
  csvMapping: CsvMappingSchema.optional(),
});
export type StatementOptions = z.infer<typeof StatementOptionsSchema>;
export type StatementOptionsInput = z.input<typeof StatementOptionsSchema>;

/** Progress of either pass: bytes of the file read and rows found so far. */
export type ReadProgress = { bytesRead: number; totalBytes: number; rowsRead: number };
