import type { AccountCallPlan, PlanWarning } from '@app/importer';
import { z } from 'zod';

const PlanWarningSchema = z.object({
  code: z.enum(['SCA_RANGE', 'CONSENT_EXPIRING', 'LONG_RANGE', 'CALL_BUDGET']),
  message: z.string(),
}) satisfies z.ZodType<PlanWarning>;

const AccountCallPlanSchema = z.object({
  accountId: z.string(),
  needed: z.number(),
  attended: z.boolean(),
  limit: z.number().nullable(),
  reserve: z.number(),
  used: z.number(),
  left: z.number().nullable(),
  nextFreeAt: z.string().nullable(),
  deferredUntil: z.string().nullable(),
}) satisfies z.ZodType<AccountCallPlan>;

const LockedRangeSchema = z.object({ from: z.string(), to: z.string() });

/** The importer's `ImportJob.estimate` JSON (plan-import.ts, finishJob), read defensively: it is stored data. */
const StoredEstimateSchema = z.object({
  basis: z.string(),
  costBasis: z.string(),
  accounts: z.array(
    z.object({ accountId: z.string(), transactions: z.number(), basis: z.enum(['history', 'prior']) }),
  ),
  warnings: z.array(PlanWarningSchema),
  /** Plans made before the call budget existed have none. */
  calls: z.array(AccountCallPlanSchema).default([]),
  actual: z.object({ transactions: z.number(), durationMs: z.number().nullable() }).optional(),
  /** The dates a plan expected to be locked, and those a continuation fetched after a reconnect. */
  locked: LockedRangeSchema.nullable().optional(),
  unlocked: LockedRangeSchema.optional(),
});
export type StoredEstimate = z.infer<typeof StoredEstimateSchema>;

const emptyEstimate: StoredEstimate = { basis: '', costBasis: '', accounts: [], warnings: [], calls: [] };

export function readStoredEstimate(json: unknown): StoredEstimate {
  const parsed = StoredEstimateSchema.safeParse(json);
  return parsed.success ? parsed.data : emptyEstimate;
}
