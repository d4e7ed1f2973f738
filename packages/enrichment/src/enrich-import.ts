import type { Db, EnrichmentJob } from '@app/db';
import { estimateEnrichment } from './cost';
import { createEnrichmentJob } from './create-enrichment-job';
import type { EnrichmentSettingsService } from './enrichment-settings';
import { createLlmProvider } from './llm-provider';
import { noopLogger, type Logger } from './logger';
import { describeMonthlyBudget } from './monthly-cap';
import { createRulesProvider } from './rules-provider';
import { runEnrichmentJob } from './run-enrichment-job';

export type EnrichImportDeps = {
  db: Db;
  settings: EnrichmentSettingsService;
  logger?: Logger;
  now?: () => Date;
  fetch?: typeof fetch;
};

/**
 * Enriches an import's new transactions through the person's provider. With a model, whatever it could not do
 * (endpoint refused, slow, HTTP errors, answers that are not JSON or name no category of ours, the spending
 * cap) is done by the rules in a second job, and the model's job says so in its message. Returns the jobs run.
 */
export async function enrichImport(
  deps: EnrichImportDeps,
  input: { userId: string; importJobId: string },
): Promise<EnrichmentJob[]> {
  const logger = deps.logger ?? noopLogger;
  const resolved = await deps.settings.resolve(input.userId);
  if (resolved.provider === 'none') return [];
  if (resolved.provider === 'rules') return [await runRules(deps, input, logger)];

  const { config } = resolved;
  const provider = createLlmProvider(config, deps.fetch ? { fetch: deps.fetch } : {});
  const job = await createEnrichmentJob(deps.db, {
    ...input,
    provider: provider.name,
    model: provider.model,
  });
  let ended: EnrichmentJob;
  try {
    ended = await runEnrichmentJob(deps.db, job.id, {
      provider,
      prices: config.prices,
      batchSize: config.batchSize,
      logger,
      now: deps.now,
    });
  } catch (error) {
    // Not the model's failure (those end the job as failed): still, the import's rows get categorised.
    logger.error({ importJobId: input.importJobId, err: error }, 'model enrichment stopped; rules take over');
    ended = await deps.db.enrichmentJob.findUniqueOrThrow({ where: { id: job.id } });
  }
  const pending = await deps.db.transaction.count({
    where: { importJobId: input.importJobId, enrichedAt: null },
  });
  if (pending === 0) return [ended];

  const rules = await runRules(deps, input, logger);
  const reason =
    ended.errorMessage ??
    `The model gave no usable answer (not JSON, or no category of ours) for ${ended.failures} transaction(s)`;
  const said = await deps.db.enrichmentJob.update({
    where: { id: ended.id },
    data: {
      errorMessage: `${reason.replace(/\.$/, '')}. The rules categorised the remaining ${rules.successes} transaction(s).`,
    },
  });
  logger.warn(
    { importJobId: input.importJobId, jobId: ended.id, rulesJobId: rules.id },
    'rules took over from the model',
  );
  return [said, rules];
}

async function runRules(
  deps: EnrichImportDeps,
  input: { userId: string; importJobId: string },
  logger: Logger,
): Promise<EnrichmentJob> {
  const provider = createRulesProvider();
  const job = await createEnrichmentJob(deps.db, {
    ...input,
    provider: provider.name,
    model: provider.model,
  });
  return runEnrichmentJob(deps.db, job.id, { provider, logger, now: deps.now });
}

/** How far back the share of answers the cache gave is read, for estimates. */
const cacheHistoryDays = 90;

/**
 * The plan's cost for `transactionCount` new transactions with the person's provider: the model's prices, the
 * batch size, less the share of transactions the cache answered for this model in the last 90 days (those are
 * free), and the month's cap. The basis says all of it.
 */
export async function estimateImportEnrichment(
  deps: Pick<EnrichImportDeps, 'db' | 'settings' | 'now'>,
  input: { userId: string; transactionCount: number },
): Promise<{ costMicros: number; basis: string }> {
  const resolved = await deps.settings.resolve(input.userId);
  if (resolved.provider === 'none')
    return { costMicros: 0, basis: 'No enrichment: your provider is "none".' };
  if (resolved.provider === 'rules')
    return { costMicros: 0, basis: 'Rules: categorised on this server, no model calls, no cost.' };

  const { config } = resolved;
  const now = (deps.now ?? (() => new Date()))();
  const since = new Date(now.getTime() - cacheHistoryDays * 86_400_000);
  const history = await deps.db.enrichmentJob.aggregate({
    where: { userId: input.userId, provider: 'llm', model: config.model, createdAt: { gte: since } },
    _sum: { cacheHits: true, successes: true, failures: true },
  });
  const seen = (history._sum.successes ?? 0) + (history._sum.failures ?? 0);
  const cachedShare = seen === 0 ? 0 : Math.min(1, (history._sum.cacheHits ?? 0) / seen);
  const toAsk = Math.ceil(input.transactionCount * (1 - cachedShare));
  const estimate = estimateEnrichment(toAsk, {
    kind: 'llm',
    batchSize: config.batchSize,
    prices: config.prices,
  });
  const month = await describeMonthlyBudget(deps.db, input.userId, now);
  const cacheNote =
    seen === 0
      ? 'no cached answers assumed (none yet for this model)'
      : `${Math.round(cachedShare * 100)}% assumed answered free from the cache (its share of your last ${cacheHistoryDays} days)`;
  const capNote =
    month.capMicros === null
      ? 'no monthly cap'
      : month.spentMicros + estimate.costMicros > month.capMicros
        ? `monthly cap ${usd(month.capMicros)}, ${usd(month.spentMicros)} spent in ${month.month}: this would pass it, so the model stops at the cap and the rules categorise the rest`
        : `monthly cap ${usd(month.capMicros)}, ${usd(month.spentMicros)} spent in ${month.month}: fits`;
  return {
    costMicros: estimate.costMicros,
    basis: `Model ${config.model}: ${input.transactionCount} transactions, ${cacheNote}; ${estimate.basis}; ${capNote}.`,
  };
}

function usd(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(4)}`;
}
