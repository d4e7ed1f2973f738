import { z } from 'zod';

// The one shape every statement format is read into. The import engine stores rows of this shape; the plan shows
// the facts. Types are derived from these schemas.

export const StatementFormatSchema = z.enum(['csv', 'ofx', 'qif', 'camt', 'mt940']);
export type StatementFormat = z.infer<typeof StatementFormatSchema>;

/** The order of day, month and year in a file's dates. */
export const DateOrderSchema = z.enum(['YMD', 'DMY', 'MDY']);
export type DateOrder = z.infer<typeof DateOrderSchema>;

export const DecimalMarkSchema = z.enum(['.', ',']);
export type DecimalMark = z.infer<typeof DecimalMarkSchema>;

/** A calendar date as written in the file, never moved through a time zone. */
export const CalendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/);

export const RowStatusSchema = z.enum(['booked', 'pending']);
export type RowStatus = z.infer<typeof RowStatusSchema>;

export const DirectionSchema = z.enum(['CREDIT', 'DEBIT']);

/** The identifiers a file gives for an account; `key` ties rows to it within the file. */
export const StatementAccountSchema = z.object({
  key: z.string(),
  iban: z.string().nullable(),
  accountNumber: z.string().nullable(),
  /** OFX BANKID, a sort code, or a BIC. */
  bankId: z.string().nullable(),
  branchId: z.string().nullable(),
  accountType: z.string().nullable(),
  currency: CurrencySchema.nullable(),
  name: z.string().nullable(),
});
export type StatementAccount = z.infer<typeof StatementAccountSchema>;

export const StatementRowSchema = z.object({
  /** The line of the file where the row starts (1-based). */
  line: z.number().int().positive(),
  accountKey: z.string(),
  status: RowStatusSchema,
  bookingDate: CalendarDateSchema,
  valueDate: CalendarDateSchema.nullable(),
  /** Signed: money out is negative. Exact integer minor units of `currency`. */
  amountMinor: z.number().int(),
  currency: CurrencySchema,
  direction: DirectionSchema,
  description: z.string(),
  payee: z.string().nullable(),
  memo: z.string().nullable(),
  /** The file's own id for the row: OFX FITID, CAMT AcctSvcrRef or EndToEndId, MT940 bank reference. */
  fileTransactionId: z.string().nullable(),
  /** Another row of the same account carries the same id (banks reuse FITIDs): the id alone does not identify it. */
  fileTransactionIdShared: z.boolean(),
  /**
   * Index among the file's rows with the same account, status, date, amount, currency and description, in file
   * order: a re-imported file gives every row the same index again, two real identical payments get 0 and 1.
   */
  occurrence: z.number().int().nonnegative(),
});
export type StatementRow = z.infer<typeof StatementRowSchema>;

export const BalanceSchema = z.object({
  date: CalendarDateSchema.nullable(),
  amountMinor: z.number().int(),
  currency: CurrencySchema,
});
export type Balance = z.infer<typeof BalanceSchema>;

/** A statement's balances and, when it has both, whether opening + booked movements = closing. */
export const StatementBalanceSchema = z.object({
  accountKey: z.string(),
  statementId: z.string().nullable(),
  line: z.number().int().positive(),
  opening: BalanceSchema.nullable(),
  closing: BalanceSchema.nullable(),
  movementsMinor: z.number().int(),
  balanced: z.boolean().nullable(),
});
export type StatementBalance = z.infer<typeof StatementBalanceSchema>;

export const RowProblemSchema = z.object({
  line: z.number().int().positive(),
  code: z.string(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof RowProblemSchema>;

/** How a decision about the whole file was made. */
export const DecisionBasisSchema = z.enum(['format', 'file', 'choice', 'default']);

export const SignConventionSchema = z.enum([
  'signed',
  'signed-inverted',
  'debit-credit-columns',
  'indicator',
  'credit-debit-mark',
]);
export type SignConvention = z.infer<typeof SignConventionSchema>;
