import { recordAudit } from '../account/audit';
import type { Db } from '@app/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { JobIdInputSchema } from '../schemas/import-schemas';
import { authedProcedure } from '../trpc';

/** The job's status after a control: a running job pauses or cancels at its next checkpoint, so it may lag. */
async function statusOf(db: Db, jobId: string) {
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: { id: true, status: true, requestedAction: true },
  });
  return { jobId: job.id, status: job.status, requestedAction: job.requestedAction };
}

export const importControlProcedures = {
  importCancel: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.importer.cancel(ctx.user.id, input.jobId);
    return statusOf(ctx.services.db, input.jobId);
  }),

  /** After reconnecting the bank: the job fetches exactly its locked dates into the same receipt. */
  importContinueLocked: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.importer.continueLocked(ctx.user.id, input.jobId);
    return statusOf(ctx.services.db, input.jobId);
  }),

  importPause: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.importer.pause(ctx.user.id, input.jobId);
    return statusOf(ctx.services.db, input.jobId);
  }),

  importResume: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.importer.resume(ctx.user.id, input.jobId);
    return statusOf(ctx.services.db, input.jobId);
  }),

  /** Deletes the job record; the transactions it imported stay. */
  importDelete: authedProcedure.input(JobIdInputSchema).mutation(async ({ ctx, input }) => {
    await ctx.services.importer.delete(ctx.user.id, input.jobId);
    await recordAudit(ctx.services.db, {
      userId: ctx.user.id,
      action: 'import.deleted',
      detail: input.jobId,
      address: ctx.psuIp,
    });
    return { jobId: input.jobId, deleted: true };
  }),
} satisfies TRPCRouterRecord;
