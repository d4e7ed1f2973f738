import { describeMonthlyBudget } from '@app/enrichment';
import type { TRPCRouterRecord } from '@trpc/server';
import { listImportHistory } from '../imports/import-history';
import { loadJobDetail } from '../imports/job-detail';
import { toPlanView } from '../imports/plan-view';
import { ConnectionIdInputSchema } from '../schemas/connection-schemas';
import { ImportHistoryInputSchema, ImportPlanInputSchema, JobIdInputSchema } from '../schemas/import-schemas';
import { authedProcedure } from '../trpc';

export const importProcedures = {
  /** Validates and estimates an import and stores it as a planned job (nothing runs yet). */
  importPlan: authedProcedure.input(ImportPlanInputSchema).mutation(async ({ ctx, input }) => {
    const { db, importer, now } = ctx.services;
    const planned = await importer.plan({ ...input, userId: ctx.user.id, psuIp: ctx.psuIp });
    const month = input.autoEnrich ? await describeMonthlyBudget(db, ctx.user.id, now()) : null;
    return toPlanView(planned, month);
  }),

  /**
   * Right after connecting a bank: plans and starts the import of all the history it keeps (up to two years)
   * while the minutes after consent let it serve that; the plan says what, if anything, stays locked.
   */
  importFullHistory: authedProcedure.input(ConnectionIdInputSchema).mutation(async ({ ctx, input }) => {
    const planned = await ctx.services.importer.importFullHistory({
      userId: ctx.user.id,
      connectionId: input.connectionId,
      psuIp: ctx.psuIp,
    });
    return { ...toPlanView(planned, null), status: 'queued' as const };
  }),

  /** Queues a planned job and returns at once; progress arrives through importStatus. */
  importStart: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.importer.start(ctx.user.id, input.jobId);
    return { jobId: input.jobId, status: 'queued' as const };
  }),

  /** Runs dedup (and enrichment) of a finished job again from its raw archive, without calling the bank. */
  importReplay: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    const replayId = await ctx.services.importer.replay(ctx.user.id, input.jobId);
    return { jobId: replayId, replayOf: input.jobId, status: 'queued' as const };
  }),

  importHistory: authedProcedure
    .input(ImportHistoryInputSchema)
    .query(({ ctx, input }) => listImportHistory(ctx.services.db, ctx.user.id, input)),

  importJob: authedProcedure
    .input(JobIdInputSchema)
    .query(({ ctx, input }) =>
      loadJobDetail(
        { db: ctx.services.db, importer: ctx.services.importer, now: ctx.services.now() },
        ctx.user.id,
        input.jobId,
      ),
    ),
} satisfies TRPCRouterRecord;
