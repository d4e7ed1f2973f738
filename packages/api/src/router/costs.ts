import type { TRPCRouterRecord } from '@trpc/server';
import { summariseCosts } from '../costs/summarise-costs';
import { CostSummaryInputSchema } from '../schemas/cost-schemas';
import { authedProcedure } from '../trpc';

export const costsRouter = {
  summary: authedProcedure
    .input(CostSummaryInputSchema)
    .query(({ ctx, input }) =>
      summariseCosts(ctx.services.db, ctx.user.id, { days: input.days, now: ctx.services.now() }),
    ),
} satisfies TRPCRouterRecord;
