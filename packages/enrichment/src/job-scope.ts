import type { EnrichmentJob, Prisma } from '@app/db';
import { z } from 'zod';
import type { EnrichmentInput } from './provider';

/**
 * A job made for chosen transactions marks them `enrichedBy = "queued:<jobId>"` while `enrichedAt` is still
 * null, because the schema has nowhere else to keep the job's list. `enrichedAt` alone says whether a row
 * is enriched; enriching it overwrites the marker with the provider's name.
 */
export function claimMarkerOf(jobId: string): string {
  return `queued:${jobId}`;
}

/** The job's transactions still to enrich: those of its import job, or those it claimed. Always the user's. */
export function pendingTransactionsWhere(
  job: Pick<EnrichmentJob, 'id' | 'userId' | 'importJobId'>,
): Prisma.TransactionWhereInput {
  const owned = { account: { connection: { userId: job.userId } } };
  return job.importJobId
    ? { importJobId: job.importJobId, enrichedAt: null, ...owned }
    : { enrichedBy: claimMarkerOf(job.id), enrichedAt: null, ...owned };
}

export const enrichmentInputSelect = {
  id: true,
  description: true,
  merchantName: true,
  amountMinor: true,
  currency: true,
  direction: true,
  providerCategory: true,
  providerClassification: true,
} satisfies Prisma.TransactionSelect;
type EnrichmentInputRow = Prisma.TransactionGetPayload<{ select: typeof enrichmentInputSelect }>;

const ClassificationSchema = z.array(z.string()).catch([]);

export function toEnrichmentInput(row: EnrichmentInputRow): EnrichmentInput {
  return {
    ...row,
    // Stored as text; the sign of the amount says the same if the text is ever off.
    direction:
      row.direction === 'CREDIT' || (row.direction !== 'DEBIT' && row.amountMinor > 0) ? 'CREDIT' : 'DEBIT',
    providerClassification: ClassificationSchema.parse(row.providerClassification),
  };
}
