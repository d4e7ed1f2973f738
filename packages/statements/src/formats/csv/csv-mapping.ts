import { z } from 'zod';
import { InvalidCsvMappingError } from '../../errors';
import { CurrencySchema, DateOrderSchema, DecimalMarkSchema } from '../../statement-schema';

/** A column by its header name, or by its 0-based position in a file without a header. */
export const CsvColumnSchema = z.union([z.string().min(1), z.number().int().nonnegative()]);
export type CsvColumn = z.infer<typeof CsvColumnSchema>;

export const CsvAmountMappingSchema = z.discriminatedUnion('kind', [
  /** One signed column; `positiveIs` is 'debit' for card exports that write purchases as positive numbers. */
  z.object({
    kind: z.literal('signed'),
    column: CsvColumnSchema,
    positiveIs: z.enum(['credit', 'debit']).default('credit'),
  }),
  z.object({ kind: z.literal('debit-credit'), debit: CsvColumnSchema, credit: CsvColumnSchema }),
  /** An unsigned amount and a column saying which way it goes ("D"/"C", "S"/"H", "Debit"/"Credit"). */
  z.object({
    kind: z.literal('indicator'),
    column: CsvColumnSchema,
    indicator: CsvColumnSchema,
    debitValues: z.array(z.string().min(1)).min(1),
    creditValues: z.array(z.string().min(1)).min(1),
  }),
]);
export type CsvAmountMapping = z.infer<typeof CsvAmountMappingSchema>;

/**
 * How to read one bank's CSV export: saved per account and exported/imported as a JSON file. `version` lets a
 * later shape read files written by this one.
 */
export const CsvMappingSchema = z
  .object({
    version: z.literal(1),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** false for files whose first data line has no header above it (columns are then positions). */
    header: z.boolean().default(true),
    columns: z.object({
      date: CsvColumnSchema,
      valueDate: CsvColumnSchema.optional(),
      amount: CsvAmountMappingSchema,
      description: CsvColumnSchema.optional(),
      payee: CsvColumnSchema.optional(),
      memo: CsvColumnSchema.optional(),
      reference: CsvColumnSchema.optional(),
      currency: CsvColumnSchema.optional(),
    }),
    dateOrder: DateOrderSchema.optional(),
    decimalMark: DecimalMarkSchema.optional(),
    currency: CurrencySchema.optional(),
  })
  .strict();
export type CsvMapping = z.infer<typeof CsvMappingSchema>;
export type CsvMappingInput = z.input<typeof CsvMappingSchema>;

/** Where the data is in a CSV and how it was read: shown in the plan, and the mapping to save. */
export type CsvLayout = { delimiter: string; headerLine: number | null; mapping: CsvMapping };

export function exportCsvMapping(mapping: CsvMapping): string {
  return `${JSON.stringify(CsvMappingSchema.parse(mapping), null, 2)}\n`;
}

/** Reads a mapping file, listing every problem at once. */
export function importCsvMapping(json: string): CsvMapping {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new InvalidCsvMappingError(`The mapping file is not JSON: ${(error as Error).message}`);
  }
  const result = CsvMappingSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new InvalidCsvMappingError(`The mapping file is not valid: ${issues.join('; ')}`);
  }
  return result.data;
}
