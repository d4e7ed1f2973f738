import type { Db, EnrichmentJob } from '@app/db';
import { z } from 'zod';
import { ImportJobNotFoundError, InvalidEnrichmentJobInputError, TransactionsNotFoundError } from './errors';
import { claimMarkerOf } from './job-scope';

export const CreateEnrichmentJobInputSchema = z
  .object({
    userId: z.string().min(1),
    importJobId: z.string().min(1).nullish(),
    transactionIds: z.array(z.string().min(1)).min(1).max(10_000).optional(),
    /** The provider's `name` and `model`; runEnrichmentJob refuses a provider that does not match. */
    provider: z.string().min(1),
    model: z.string().min(1).nullable(),
    capMicros: z.number().int().nonnegative().nullish(),
  })
  .refine((input) => Boolean(input.importJobId) !== Boolean(input.transactionIds), {
    message: 'Give either importJobId or transactionIds',
  });
export type CreateEnrichmentJobInput = z.input<typeof CreateEnrichmentJobInputSchema>;

/**
 * A queued job for an import's unenriched transactions, or for chosen ones of the user's. Already enriched
 * transactions are not counted and will be skipped.
 */
export async function createEnrichmentJob(db: Db, input: CreateEnrichmentJobInput): Promise<EnrichmentJob> {
  const parsed = CreateEnrichmentJobInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidEnrichmentJobInputError(parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const { userId, importJobId, transactionIds, provider, model, capMicros } = parsed.data;
  const jobData = { userId, provider, model, capMicros: capMicros ?? null, status: 'queued' as const };

  if (importJobId) {
    const importJob = await db.importJob.findFirst({
      where: { id: importJobId, userId },
      select: { id: true },
    });
    if (!importJob) throw new ImportJobNotFoundError(`Import job ${importJobId} not found`);
    const transactionCount = await db.transaction.count({ where: { importJobId, enrichedAt: null } });
    return db.enrichmentJob.create({ data: { ...jobData, importJobId, transactionCount } });
  }

  const ids = [...new Set(transactionIds)];
  return db.$transaction(async (tx) => {
    const owned = await tx.transaction.count({
      where: { id: { in: ids }, account: { connection: { userId } } },
    });
    if (owned !== ids.length) {
      throw new TransactionsNotFoundError(`${ids.length - owned} of ${ids.length} transactions not found`);
    }
    const job = await tx.enrichmentJob.create({ data: jobData });
    const claimed = await tx.transaction.updateMany({
      where: { id: { in: ids }, enrichedAt: null },
      data: { enrichedBy: claimMarkerOf(job.id) },
    });
    return tx.enrichmentJob.update({ where: { id: job.id }, data: { transactionCount: claimed.count } });
  });
}
