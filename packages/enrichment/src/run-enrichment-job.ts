import type { Db, EnrichmentJob } from '@app/db';
import { applyEnrichmentBatch } from './apply-enrichment-batch';
import { costMicros, estimateEnrichment, type EstimateProviderInfo } from './cost';
import {
  EnrichmentJobNotFoundError,
  EnrichmentJobRunningError,
  EnrichmentProviderMismatchError,
  LlmProviderError,
} from './errors';
import { enrichmentInputSelect, pendingTransactionsWhere, toEnrichmentInput } from './job-scope';
import { describeMonthlyBudget } from './monthly-cap';
import { defaultLlmBatchSize, type LlmPrices } from './llm-config';
import { noopLogger, type Logger } from './logger';
import type { EnrichmentProvider } from './provider';
import { splitByCache } from './split-by-cache';

export type RunEnrichmentJobOptions = {
  provider: EnrichmentProvider;
  signal?: AbortSignal;
  logger?: Logger;
  /** Transactions per provider call and per database transaction; match the LLM provider's batch size. */
  batchSize?: number;
  /** What the provider charges. Omit for free providers (rules): they are then neither costed nor cached. */
  prices?: LlmPrices;
  /** The clock the monthly cap's month is read from. */
  now?: () => Date;
};

type Ending = { status: 'completed' | 'failed' | 'capped' | 'queued'; errorMessage: string | null };

/**
 * Enriches the job's pending transactions batch by batch. Safe to run again: enriched rows are skipped, so a
 * capped, failed or interrupted job continues where it stopped. Returns the job as it ended: `capped` when
 * the next batch would take the cost over `capMicros`, `queued` again when `signal` aborted it.
 */
export async function runEnrichmentJob(
  db: Db,
  jobId: string,
  options: RunEnrichmentJobOptions,
): Promise<EnrichmentJob> {
  const { provider, signal } = options;
  const logger = options.logger ?? noopLogger;
  const job = await db.enrichmentJob.findUnique({ where: { id: jobId } });
  if (!job) throw new EnrichmentJobNotFoundError(`Enrichment job ${jobId} not found`);
  if (job.provider !== provider.name || job.model !== provider.model) {
    throw new EnrichmentProviderMismatchError(
      `Enrichment job ${jobId} was created for ${job.provider} ${job.model ?? ''}, not ${provider.name} ${provider.model ?? ''}`.trim(),
    );
  }
  // Compare-and-set: two runners on one job would pay for the same transactions twice.
  const claimed = await db.enrichmentJob.updateMany({
    where: { id: jobId, status: { not: 'running' } },
    data: { status: 'running', startedAt: new Date(), finishedAt: null, errorMessage: null },
  });
  if (claimed.count === 0) throw new EnrichmentJobRunningError(`Enrichment job ${jobId} is already running`);
  logger.info({ jobId, provider: provider.name, model: provider.model }, 'enrichment started');

  let ending: Ending;
  try {
    ending = await enrichPendingTransactions(db, job, options, logger);
  } catch (error) {
    if (signal?.aborted) ending = { status: 'queued', errorMessage: null };
    else if (error instanceof LlmProviderError) ending = { status: 'failed', errorMessage: error.message };
    else {
      await endJob(db, jobId, { status: 'failed', errorMessage: 'Enrichment stopped by an internal error' });
      throw error;
    }
  }
  const ended = await endJob(db, jobId, ending);
  const counters = {
    successes: ended.successes,
    failures: ended.failures,
    cacheHits: ended.cacheHits,
    costMicros: ended.costMicros,
  };
  if (ending.status === 'failed')
    logger.error({ jobId, ...counters, error: ending.errorMessage }, 'enrichment failed');
  else logger.info({ jobId, status: ending.status, ...counters }, 'enrichment ended');
  return ended;
}

async function enrichPendingTransactions(
  db: Db,
  job: EnrichmentJob,
  options: RunEnrichmentJobOptions,
  logger: Logger,
): Promise<Ending> {
  const { provider, signal, batchSize = defaultLlmBatchSize, prices } = options;
  const pricing: EstimateProviderInfo = prices ? { kind: 'llm', batchSize, prices } : { kind: 'rules' };
  let spent = job.costMicros;
  // The month's spending so far (this job's earlier runs included) plus what this run spends.
  const monthly = await describeMonthlyBudget(db, job.userId, (options.now ?? (() => new Date()))());
  let spentThisRun = 0;
  let cursor: string | null = null;
  for (;;) {
    if (signal?.aborted) return { status: 'queued', errorMessage: null };
    const inputs = await fetchPendingBatch(db, job, cursor, batchSize);
    const last = inputs.at(-1);
    if (!last) return { status: 'completed', errorMessage: null };
    cursor = last.id;
    const split = prices ? await splitByCache(db, provider, inputs) : null;
    const toSend = split ? split.toSend : inputs;
    const hits = split ? split.hits : [];

    const estimate = estimateEnrichment(toSend.length, pricing).costMicros;
    const overJobCap = job.capMicros !== null && spent + estimate > job.capMicros;
    // free work (rules, cache) is never stopped by the month's cap, even when the month is already over it
    const overMonthlyCap =
      monthly.capMicros !== null &&
      estimate > 0 &&
      monthly.spentMicros + spentThisRun + estimate > monthly.capMicros;
    if (toSend.length > 0 && (overJobCap || overMonthlyCap)) {
      await applyEnrichmentBatch(db, {
        ...emptyBatch(job.id, enrichedByOf(provider)),
        results: hits,
        cacheHits: hits.length,
      });
      const errorMessage =
        job.capMicros !== null && overJobCap
          ? describeCap(spent, job.capMicros, toSend.length, estimate)
          : describeMonthlyCap(
              monthly.spentMicros + spentThisRun,
              monthly.capMicros ?? 0,
              monthly.month,
              toSend.length,
              estimate,
            );
      return { status: 'capped', errorMessage };
    }

    const answer =
      toSend.length > 0 ? await provider.enrich(toSend, signal) : { results: [], tokensIn: 0, tokensOut: 0 };
    const completed = split
      ? split.completeAnswer(answer.results)
      : { results: answer.results, freeResults: 0, cacheEntries: [] };
    const cost = prices ? costMicros(answer.tokensIn, answer.tokensOut, prices) : 0;
    const results = [...hits, ...completed.results];
    const failures = inputs.length - results.length;
    await applyEnrichmentBatch(db, {
      jobId: job.id,
      providerName: enrichedByOf(provider),
      results,
      failures,
      cacheHits: hits.length + completed.freeResults,
      tokensIn: answer.tokensIn,
      tokensOut: answer.tokensOut,
      costMicros: cost,
      cacheEntries: completed.cacheEntries,
    });
    spent += cost;
    spentThisRun += cost;
    if (failures > 0)
      logger.warn({ jobId: job.id, failures, batch: inputs.length }, 'transactions left unenriched');
  }
}

/** What a row says categorised it: "rules", or "llm:<model>" so the model's name can be shown with it. */
export function enrichedByOf(provider: Pick<EnrichmentProvider, 'name' | 'model'>): string {
  return provider.model ? `${provider.name}:${provider.model}` : provider.name;
}

// Walks by id so rows that failed in this run are not fetched again in it (the next run retries them).
async function fetchPendingBatch(db: Db, job: EnrichmentJob, after: string | null, batchSize: number) {
  const rows = await db.transaction.findMany({
    where: { ...pendingTransactionsWhere(job), ...(after === null ? {} : { id: { gt: after } }) },
    orderBy: { id: 'asc' },
    take: batchSize,
    select: enrichmentInputSelect,
  });
  return rows.map(toEnrichmentInput);
}

function emptyBatch(jobId: string, providerName: string) {
  return {
    jobId,
    providerName,
    results: [],
    failures: 0,
    cacheHits: 0,
    tokensIn: 0,
    tokensOut: 0,
    costMicros: 0,
    cacheEntries: [],
  };
}

function describeCap(spent: number, cap: number, pending: number, estimate: number): string {
  return (
    `Spending cap reached: ${formatMicros(spent)} spent of the ${formatMicros(cap)} cap, and the next ` +
    `${pending} transaction(s) would cost about ${formatMicros(estimate)}. Raise the cap and run the job again to continue.`
  );
}

function describeMonthlyCap(
  spent: number,
  cap: number,
  month: string,
  pending: number,
  estimate: number,
): string {
  return (
    `Monthly spending cap reached: ${formatMicros(spent)} spent in ${month} of your ${formatMicros(cap)} monthly cap, and the next ` +
    `${pending} transaction(s) would cost about ${formatMicros(estimate)}. Raise the monthly cap on the Costs page and enrichment resumes.`
  );
}

function formatMicros(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(6)}`;
}

async function endJob(db: Db, jobId: string, ending: Ending): Promise<EnrichmentJob> {
  return db.enrichmentJob.update({
    where: { id: jobId },
    data: {
      status: ending.status,
      errorMessage: ending.errorMessage,
      finishedAt: ending.status === 'queued' ? null : new Date(),
    },
  });
}
