import { EnrichmentSettingsInputSchema } from '@app/enrichment';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import type { ApiServices } from '../services';
import { authedProcedure } from '../trpc';

function settingsOf(services: ApiServices) {
  if (!services.enrichmentSettings)
    throw new TRPCError({ code: 'NOT_IMPLEMENTED', message: 'Enrichment settings are not available here.' });
  return services.enrichmentSettings;
}

/**
 * The person's enrichment provider: none, the rules, or an OpenAI-compatible model. The API key goes in and
 * never comes out (the view says only whether one is saved); mutations are logged without their input.
 */
export const enrichmentSettingsRouter = {
  get: authedProcedure.query(({ ctx }) => settingsOf(ctx.services).get(ctx.user.id)),

  set: authedProcedure
    .input(EnrichmentSettingsInputSchema)
    .mutation(({ ctx, input }) => settingsOf(ctx.services).set(ctx.user.id, input)),

  /** One short request to the endpoint given (or the saved one): the model's reply, or what went wrong. */
  test: authedProcedure
    .input(EnrichmentSettingsInputSchema.optional())
    .mutation(({ ctx, input }) => settingsOf(ctx.services).test(ctx.user.id, input)),
} satisfies TRPCRouterRecord;
