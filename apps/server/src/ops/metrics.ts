import type { SubscriptionObserver } from '@app/api';
import type { Db } from '@app/db';
import { isTerminal, type ImporterConfig, type ImportObserver } from '@app/importer';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppLogger } from '../logger';
import { unattendedCallsLeft } from './unattended-calls-left';

/** What the queue gauge reads; a BullMQ `Queue` has it. */
export type QueueCounts = {
  getJobCounts(...states: ('waiting' | 'active' | 'delayed')[]): Promise<Record<string, number>>;
};

export type EnrichmentUsage = { tokensIn: number; tokensOut: number; costMicros: number };

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The Prometheus metrics of one process. Counters are fed by the importer's and the API's observers as things
 * happen; gauges that describe stored state (jobs by status, PSD2 budget left) are read from the database at
 * scrape time, so every replica reports the same truth.
 */
export function createMetrics(deps: {
  db: Db;
  logger: AppLogger;
  now: () => Date;
  /** The unattended-call budget (limits per provider, calls kept for the person). */
  importer: ImporterConfig;
  /** Process metrics (CPU, memory, event loop): only where metrics are served. */
  processMetrics: boolean;
}) {
  const registry = new Registry();
  const registers = [registry];
  if (deps.processMetrics) collectDefaultMetrics({ register: registry });
  let queue: QueueCounts | null = null;

  // A failing read leaves its gauge empty for this scrape instead of failing the whole scrape.
  const readOrWarn = async (metric: string, read: () => Promise<void>) => {
    try {
      await read();
    } catch (error) {
      deps.logger.warn({ metric, err: error }, 'a metric could not be read');
    }
  };

  const importsFinished = new Counter({
    name: 'spending_imports_finished_total',
    help: 'Import jobs whose run ended in a final status, by status',
    labelNames: ['status'],
    registers,
  });
  // Gauges read at scrape time register themselves; nothing else refers to them.
  new Gauge({
    name: 'spending_import_jobs',
    help: 'Import jobs in the database, by status',
    labelNames: ['status'],
    registers,
    async collect() {
      await readOrWarn('spending_import_jobs', async () => {
        const rows = await deps.db.importJob.groupBy({ by: ['status'], _count: { _all: true } });
        this.reset();
        for (const row of rows) this.set({ status: row.status }, row._count._all);
      });
    },
  });
  const accountSync = new Histogram({
    name: 'spending_account_sync_duration_seconds',
    help: "One account's part of an import run, by how it ended (completed, failed, pause, cancel, shutdown)",
    labelNames: ['outcome'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
    registers,
  });
  const fetched = new Counter({
    name: 'spending_transactions_fetched_total',
    help: 'Transactions received from banks by imports',
    registers,
  });
  const ingested = new Counter({
    name: 'spending_transactions_ingested_total',
    help: 'New transactions stored by imports',
    registers,
  });
  const duplicates = new Counter({
    name: 'spending_transactions_duplicates_total',
    help: 'Transactions received that were already stored',
    registers,
  });
  const bankRequests = new Counter({
    name: 'spending_bank_requests_total',
    help: 'HTTP attempts to the bank Data API by imports, by status code (0: no response)',
    labelNames: ['status'],
    registers,
  });
  const rateLimited = new Counter({
    name: 'spending_bank_rate_limited_total',
    help: 'Bank answers 429 (rate limited)',
    registers,
  });
  const retries = new Counter({
    name: 'spending_bank_retries_total',
    help: 'Bank attempts that were retries of an earlier attempt',
    registers,
  });
  new Gauge({
    name: 'spending_unattended_calls_left',
    help: 'Unattended bank calls background work may still make per active connection in the rolling 24 h (its most used account, calls kept for the person excluded)',
    labelNames: ['connection_id'],
    registers,
    async collect() {
      await readOrWarn('spending_unattended_calls_left', async () => {
        const left = await unattendedCallsLeft(deps.db, deps.importer, deps.now());
        this.reset();
        for (const [connectionId, calls] of left) this.set({ connection_id: connectionId }, calls);
      });
    },
  });
  new Gauge({
    name: 'spending_queue_jobs',
    help: 'Import runs on the BullMQ queue, by state (scaled mode only)',
    labelNames: ['state'],
    registers,
    async collect() {
      const watched = queue;
      if (!watched) return;
      await readOrWarn('spending_queue_jobs', async () => {
        const counts = await watched.getJobCounts('waiting', 'active', 'delayed');
        for (const state of ['waiting', 'active', 'delayed'] as const)
          this.set({ state }, counts[state] ?? 0);
      });
    },
  });
  const liveSubscriptions = new Gauge({
    name: 'spending_live_subscriptions',
    help: 'importStatus subscriptions open in this process',
    registers,
  });
  const eventLag = new Histogram({
    name: 'spending_event_lag_seconds',
    help: "From a progress event's commit to its send to a subscriber",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const enrichmentTokens = new Counter({
    name: 'spending_enrichment_tokens_total',
    help: 'LLM tokens used by enrichment, by direction (in: prompt, out: completion)',
    labelNames: ['direction'],
    registers,
  });
  const enrichmentCost = new Counter({
    name: 'spending_enrichment_cost_micros_total',
    help: 'Enrichment cost in millionths of the price currency',
    registers,
  });

  const importObserver: ImportObserver = {
    bankCall(call) {
      bankRequests.inc({ status: String(call.status) });
      if (call.rateLimited) rateLimited.inc();
      if (call.attempt > 1) retries.inc();
    },
    batchIngested(batch) {
      fetched.inc(batch.fetched);
      ingested.inc(batch.synced);
      duplicates.inc(batch.duplicates);
    },
    accountSynced(sync) {
      accountSync.observe({ outcome: sync.outcome }, sync.durationMs / 1000);
    },
    runEnded(run) {
      if (isTerminal(run.status)) importsFinished.inc({ status: run.status });
    },
  };

  const subscriptionObserver: SubscriptionObserver = {
    opened() {
      liveSubscriptions.inc();
      let open = true;
      return () => {
        if (open) liveSubscriptions.dec();
        open = false;
      };
    },
    eventSent(lagMs) {
      eventLag.observe(Math.max(0, lagMs) / 1000);
    },
  };

  return {
    registry,
    importObserver,
    subscriptionObserver,
    enrichmentUsed(usage: EnrichmentUsage) {
      enrichmentTokens.inc({ direction: 'in' }, usage.tokensIn);
      enrichmentTokens.inc({ direction: 'out' }, usage.tokensOut);
      enrichmentCost.inc(usage.costMicros);
    },
    /** The scaled mode's hook: the queue whose waiting/active/delayed counts the gauge reports. */
    watchQueue(watched: QueueCounts) {
      queue = watched;
    },
  };
}
