import { describeMonthlyBudget } from '@app/enrichment';
import { planImport, planReplay, startImport } from '@app/importer';
import type { TRPCRouterRecord } from '@trpc/server';
import { controlDepsOf } from '../imports/control-deps';
import { listImportHistory } from '../imports/import-history';
import { loadJobDetail } from '../imports/job-detail';
import { toPlanView } from '../imports/plan-view';
import { ImportHistoryInputSchema, ImportPlanInputSchema, JobIdInputSchema } from '../schemas/import-schemas';
import { authedProcedure } from '../trpc';

export const importProcedures = {
  /** Validates and estimates an import and stores it as a planned job (nothing runs yet). */
  importPlan: authedProcedure.input(ImportPlanInputSchema).mutation(async ({ ctx, input }) => {
    const { db, importer, now, enrichment } = ctx.services;
    const planned = await planImport(
      { db, config: importer, now, enrichment },
      { ...input, userId: ctx.user.id, psuIp: ctx.psuIp },
    );
    const month = input.autoEnrich ? await describeMonthlyBudget(db, ctx.user.id, now()) : null;
    return toPlanView(planned, month);
  }),

  /** Queues a planned job and returns at once; progress arrives through importStatus. */
  importStart: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await startImport(controlDepsOf(ctx.services), ctx.user.id, input.jobId);
    return { jobId: input.jobId, status: 'queued' as const };
  }),

  /** Runs dedup (and enrichment) of a finished job again from its raw archive, without calling the bank. */
  importReplay: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    const replay = await planReplay(ctx.services.db, { userId: ctx.user.id, jobId: input.jobId });
    await startImport(controlDepsOf(ctx.services), ctx.user.id, replay.id);
    return { jobId: replay.id, replayOf: input.jobId, status: 'queued' as const };
  }),

  importHistory: authedProcedure
    .input(ImportHistoryInputSchema)
    .query(({ ctx, input }) => listImportHistory(ctx.services.db, ctx.user.id, input)),

  importJob: authedProcedure
    .input(JobIdInputSchema)
    .query(({ ctx, input }) =>
      loadJobDetail(
        { db: ctx.services.db, config: ctx.services.importer, now: ctx.services.now() },
        ctx.user.id,
        input.jobId,
      ),
    ),
} satisfies TRPCRouterRecord;
