import { z } from 'zod';

export const CostSummaryInputSchema = z
  .object({ days: z.number().int().min(1).max(366).default(30) })
  .default({ days: 30 });
export type CostSummaryInput = z.infer<typeof CostSummaryInputSchema>;
