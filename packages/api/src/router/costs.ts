import { describeMonthlyBudget } from '@app/enrichment';
import type { TRPCRouterRecord } from '@trpc/server';
import { changeMonthlyCap } from '../costs/set-monthly-cap';
import { summariseCosts } from '../costs/summarise-costs';
import { CostSummaryInputSchema, MonthlyCapInputSchema } from '../schemas/cost-schemas';
import { authedProcedure } from '../trpc';

export const costsRouter = {
  /** Enrichment usage per day and per job, and this month's spending against the monthly cap. */
  summary: authedProcedure.input(CostSummaryInputSchema).query(async ({ ctx, input }) => {
    const { db, now } = ctx.services;
    const summary = await summariseCosts(db, ctx.user.id, { days: input.days, now: now() });
    return { ...summary, month: await describeMonthlyBudget(db, ctx.user.id, now()) };
  }),

  setMonthlyCap: authedProcedure
    .input(MonthlyCapInputSchema)
    .mutation(({ ctx, input }) => changeMonthlyCap(ctx.services, ctx.user.id, input.capMicros)),
} satisfies TRPCRouterRecord;
