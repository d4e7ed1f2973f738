import { planImport, startImport } from '@app/importer';
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
      { ...input, userId: ctx.user.id, jobType: 'date_range', psuIp: ctx.psuIp },
    );
    return toPlanView(planned);
  }),

  /** Queues a planned job and returns at once; progress arrives through importStatus. */
  importStart: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await startImport(controlDepsOf(ctx.services), ctx.user.id, input.jobId);
    return { jobId: input.jobId, status: 'queued' as const };
  }),

  importHistory: authedProcedure
    .input(ImportHistoryInputSchema)
    .query(({ ctx, input }) => listImportHistory(ctx.services.db, ctx.user.id, input)),

  importJob: authedProcedure
    .input(JobIdInputSchema)
    .query(({ ctx, input }) => loadJobDetail(ctx.services.db, ctx.user.id, input.jobId, ctx.services.now())),
} satisfies TRPCRouterRecord;
