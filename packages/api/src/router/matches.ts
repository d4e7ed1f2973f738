import type { TRPCRouterRecord } from '@trpc/server';
import { MatchIdInputSchema, MatchResolveInputSchema } from '../schemas/import-schemas';
import { authedProcedure } from '../trpc';

/** A job's match decisions: undo a merge, or answer an ambiguous pair. */
export const matchesRouter = {
  undo: authedProcedure
    .input(MatchIdInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.services.importer.undoMatch({ userId: ctx.user.id, decisionId: input.decisionId }),
    ),

  resolve: authedProcedure
    .input(MatchResolveInputSchema)
    .mutation(({ ctx, input }) => ctx.services.importer.resolveMatch({ userId: ctx.user.id, ...input })),
} satisfies TRPCRouterRecord;
