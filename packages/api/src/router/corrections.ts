import { CategorySchema, correctTransaction } from '@app/enrichment';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure } from '../trpc';

const CorrectionInputSchema = z.object({
  transactionId: z.string().min(1).max(100),
  category: CategorySchema,
  merchantName: z.string().trim().max(80).nullish(),
  /** `future`: this row and later imports; `past_and_future`: also the merchant's earlier rows. */
  scope: z.enum(['future', 'past_and_future']),
});

/** A person's correction of a category (and merchant name): it becomes their rule for the merchant. */
export const correctionsRouter = {
  apply: authedProcedure
    .input(CorrectionInputSchema)
    .mutation(({ ctx, input }) => correctTransaction(ctx.services.db, { userId: ctx.user.id, ...input })),
} satisfies TRPCRouterRecord;
