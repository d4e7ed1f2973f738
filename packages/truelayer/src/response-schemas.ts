import { z } from 'zod';

// Shapes of TrueLayer's Data API v1 JSON, read tolerantly: what TrueLayer's own typings
// (truelayer-client-javascript, src/v1/interfaces) mark optional is optional here, optional fields are
// `nullish` because providers send both missing keys and explicit nulls, and unknown keys are ignored here
// (they stay in `raw`). Meaning stays strict: a field we cannot read fails the whole response, naming the field.

/** `{ results: [...], status }`: every Data endpoint, single-item ones included, answers with this envelope. */
export const ResultsEnvelopeSchema = z.object({ results: z.array(z.unknown()) });

const ProviderSchema = z.object({
  provider_id: z.string().min(1),
  display_name: z.string().nullish(),
});

/** An ISO 4217 code; providers have sent lower case. */
const CurrencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'expected a three-letter currency code')
  .transform((code) => code.toUpperCase());

/** Amounts are JSON numbers (a string amount is unreadable: TrueLayer documents numbers). */
const AmountSchema = z.number();

/**
 * A bank timestamp: a calendar date, then optionally a time with fractional seconds of any length and an offset
 * (or none: `2017-10-02T00:00:00` is common and means the bank's own calendar date).
 */
export const BankTimestampSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/,
    'expected an ISO 8601 date or date-time',
  );

export const ApiAccountSchema = z.object({
  account_id: z.string().min(1),
  account_type: z.string().min(1),
  // Optional in TrueLayer's typing (IAccount.display_name?): named from type and number when missing.
  display_name: z.string().nullish(),
  currency: CurrencySchema,
  account_number: z
    .object({ iban: z.string().nullish(), number: z.string().nullish(), sort_code: z.string().nullish() })
    .nullish(),
  provider: ProviderSchema.nullish(),
});
export type ApiAccount = z.infer<typeof ApiAccountSchema>;

export const ApiCardSchema = z.object({
  account_id: z.string().min(1),
  card_type: z.string().min(1),
  card_network: z.string().nullish(),
  display_name: z.string().nullish(),
  currency: CurrencySchema,
  partial_card_number: z.string().nullish(),
  provider: ProviderSchema.nullish(),
});
export type ApiCard = z.infer<typeof ApiCardSchema>;

export const ApiBalanceSchema = z.object({
  currency: CurrencySchema,
  current: AmountSchema,
  available: AmountSchema.nullish(),
  overdraft: AmountSchema.nullish(),
  credit_limit: AmountSchema.nullish(),
  // Card balances (ICardBalance): statement dates come without a zone (`2017-10-02T00:00:00`).
  last_statement_balance: AmountSchema.nullish(),
  last_statement_date: BankTimestampSchema.nullish(),
  payment_due: AmountSchema.nullish(),
  payment_due_date: BankTimestampSchema.nullish(),
  update_timestamp: z.string().nullish(),
});
export type ApiBalance = z.infer<typeof ApiBalanceSchema>;

/** `meta`: provider specific, any keys; the ones we use are read by name, the rest kept as sent. */
const MetaSchema = z.record(z.string(), z.unknown());

export const ApiTransactionSchema = z.object({
  transaction_id: z.string().min(1),
  normalised_provider_transaction_id: z.string().nullish(),
  provider_transaction_id: z.string().nullish(),
  // The date part is taken verbatim as the booking date, so it must be there.
  timestamp: BankTimestampSchema,
  description: z.string(),
  amount: AmountSchema,
  currency: CurrencySchema,
  // Absent from card transactions in TrueLayer's typing (ICardTransaction); any letter case where present.
  transaction_type: z.string().nullish(),
  // Documented as always present; a provider that leaves it out should not sink the whole import.
  transaction_category: z.string().nullish(),
  transaction_classification: z.array(z.string()).nullish(),
  merchant_name: z.string().nullish(),
  // `currency` is missing on some providers' running balances: the transaction's currency applies.
  running_balance: z.object({ amount: AmountSchema, currency: CurrencySchema.nullish() }).nullish(),
  meta: MetaSchema.nullish(),
});
export type ApiTransaction = z.infer<typeof ApiTransactionSchema>;

export const ApiMeSchema = z.object({
  client_id: z.string().nullish(),
  credentials_id: z.string().nullish(),
  provider: ProviderSchema,
  consent_expires_at: BankTimestampSchema.nullish(),
});
export type ApiMe = z.infer<typeof ApiMeSchema>;

/** `/api/providers` on the auth host (IProviderInfo): what each provider offers, by scope. */
export const ApiProviderInfoSchema = z.object({
  provider_id: z.string().min(1),
  display_name: z.string().nullish(),
  scopes: z.array(z.string()).nullish(),
});
export type ApiProviderInfo = z.infer<typeof ApiProviderInfoSchema>;

export const ApiTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).nullish(),
  scope: z.string().nullish(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** `/connections/extend`: tokens only come back when no further user action is needed. */
export const ApiExtendSchema = z.object({
  action_needed: z.string(),
  access_token: z.string().min(1).nullish(),
  refresh_token: z.string().min(1).nullish(),
  expires_in: z.number().positive().nullish(),
  scope: z.string().nullish(),
  consent_expires_at: BankTimestampSchema.nullish(),
});
