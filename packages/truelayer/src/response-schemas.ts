import { z } from 'zod';

// Shapes of TrueLayer's Data API v1 JSON. Optional fields are `nullish` because providers send both
// missing keys and explicit nulls. Unknown keys are ignored here and kept in `raw` instead.

/** `{ results: [...], status }`: every Data endpoint, single-item ones included, answers with this envelope. */
export const ResultsEnvelopeSchema = z.object({ results: z.array(z.unknown()) });

const ProviderSchema = z.object({
  provider_id: z.string().min(1),
  display_name: z.string().nullish(),
});

export const ApiAccountSchema = z.object({
  account_id: z.string().min(1),
  account_type: z.string().min(1),
  display_name: z.string(),
  currency: z.string().min(3),
  account_number: z
    .object({ iban: z.string().nullish(), number: z.string().nullish(), sort_code: z.string().nullish() })
    .nullish(),
  provider: ProviderSchema,
});
export type ApiAccount = z.infer<typeof ApiAccountSchema>;

export const ApiCardSchema = z.object({
  account_id: z.string().min(1),
  card_type: z.string().min(1),
  display_name: z.string(),
  currency: z.string().min(3),
  partial_card_number: z.string().nullish(),
  provider: ProviderSchema,
});
export type ApiCard = z.infer<typeof ApiCardSchema>;

export const ApiBalanceSchema = z.object({
  currency: z.string().min(3),
  current: z.number(),
  available: z.number().nullish(),
  overdraft: z.number().nullish(),
  credit_limit: z.number().nullish(),
  update_timestamp: z.string(),
});
export type ApiBalance = z.infer<typeof ApiBalanceSchema>;

export const ApiTransactionSchema = z.object({
  transaction_id: z.string().min(1),
  normalised_provider_transaction_id: z.string().nullish(),
  provider_transaction_id: z.string().nullish(),
  // The date part is taken verbatim as the booking date, so it must be there.
  timestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}(T|$)/),
  description: z.string(),
  amount: z.number(),
  currency: z.string().min(3),
  transaction_type: z.enum(['DEBIT', 'CREDIT']),
  // Documented as always present; a provider that leaves it out should not sink the whole import.
  transaction_category: z.string().nullish(),
  transaction_classification: z.array(z.string()).nullish(),
  merchant_name: z.string().nullish(),
  running_balance: z.object({ amount: z.number(), currency: z.string().min(3) }).nullish(),
});
export type ApiTransaction = z.infer<typeof ApiTransactionSchema>;

export const ApiMeSchema = z.object({
  credentials_id: z.string().nullish(),
  provider: ProviderSchema,
  consent_expires_at: z.iso.datetime({ offset: true }).nullish(),
});
export type ApiMe = z.infer<typeof ApiMeSchema>;

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
  consent_expires_at: z.iso.datetime({ offset: true }).nullish(),
});
