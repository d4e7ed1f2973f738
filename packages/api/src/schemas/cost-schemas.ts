import { z } from 'zod';

export const CostSummaryInputSchema = z
  .object({ days: z.number().int().min(1).max(366).default(30) })
  .default({ days: 30 });
export type CostSummaryInput = z.infer<typeof CostSummaryInputSchema>;

/** Micro-dollars per calendar month; null removes the cap. */
export const MonthlyCapInputSchema = z.object({
  capMicros: z.number().int().min(0).max(1_000_000_000_000).nullable(),
});
export type MonthlyCapInput = z.infer<typeof MonthlyCapInputSchema>;
