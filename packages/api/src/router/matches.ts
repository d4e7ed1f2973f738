import { resolveMatch, undoMatch } from '@app/importer';
import type { TRPCRouterRecord } from '@trpc/server';
import { MatchIdInputSchema, MatchResolveInputSchema } from '../schemas/import-schemas';
import { authedProcedure } from '../trpc';

/** A job's match decisions: undo a merge, or answer an ambiguous pair. */
export const matchesRouter = {
  undo: authedProcedure.input(MatchIdInputSchema).mutation(({ ctx, input }) =>
    undoMatch(ctx.services.db, {
      userId: ctx.user.id,
      decisionId: input.decisionId,
      now: ctx.services.now(),
    }),
  ),

  resolve: authedProcedure
    .input(MatchResolveInputSchema)
    .mutation(({ ctx, input }) =>
      resolveMatch(ctx.services.db, { userId: ctx.user.id, ...input, now: ctx.services.now() }),
    ),
} satisfies TRPCRouterRecord;
