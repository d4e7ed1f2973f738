import { JobNotFoundError } from '@app/importer';
import { tracked, type TRPCRouterRecord } from '@trpc/server';
import { streamJobEvents } from '../imports/stream-job-events';
import { ImportStatusInputSchema } from '../schemas/import-schemas';
import { authedProcedure } from '../trpc';

/** Ownership is checked here, not in the generator: errors thrown after it started are not mapped. */
const ownsJob = authedProcedure.input(ImportStatusInputSchema).use(async ({ ctx, input, next }) => {
  const job = await ctx.services.db.importJob.findFirst({
    where: { id: input.jobId, userId: ctx.user.id },
    select: { id: true },
  });
  if (!job) throw new JobNotFoundError(input.jobId);
  return next();
});

export const importStatusProcedures = {
  /**
   * Live progress of one job. Each event is tracked by its per-job sequence number, so a client that reconnects
   * (wsLink does it by itself) resumes after the last event it got, with nothing missed or repeated.
   */
  importStatus: ownsJob.subscription(async function* ({ ctx, input, signal }) {
    const afterSeq = Number(input.lastEventId ?? 0);
    const events = streamJobEvents(ctx.services, {
      jobId: input.jobId,
      afterSeq,
      signal: signal ?? new AbortController().signal,
    });
    const { subscriptionObserver: observer } = ctx.services;
    const closed = observer?.opened();
    try {
      for await (const event of events) {
        observer?.eventSent(Date.now() - Date.parse(event.at));
        yield tracked(String(event.seq), event);
      }
    } finally {
      closed?.();
    }
  }),
} satisfies TRPCRouterRecord;
