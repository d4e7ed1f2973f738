import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBenchDatabase, type BenchProvider } from './bench-database';
import { createBenchHarness } from './bench-harness';
import { startRssSampler, type RssSample } from './rss-sampler';

/** ~100,000 transactions (quick: ~2,000): current accounts, a year of history, a bank with no latency. */
export function importSize(quick: boolean) {
  return quick
    ? { accounts: 2, transactionsPerMonth: 83, days: 365 }
    : { accounts: 10, transactionsPerMonth: 830, days: 365 };
}

export type ImportScenario = Awaited<ReturnType<typeof openImportScenario>>;

/** A database, a zero-latency bank and a connected user, ready for the big import (with default importer config). */
export async function openImportScenario(provider: BenchProvider, quick: boolean) {
  const size = importSize(quick);
  const database = await createBenchDatabase(provider);
  const h = await createBenchHarness({
    database,
    sandbox: {
      accounts: { current: size.accounts, savings: 0, cards: 0 },
      transactionsPerMonth: size.transactionsPerMonth,
      historyMonths: 12,
    },
  });
  const owner = await h.connectUser('ingest');
  // The sandbox bank runs in this process: build its transaction books now, so neither the timed import nor the
  // memory baseline pays for generating the bank's data (its JSON responses are still served during the import).
  for (const account of owner.accounts) h.bank.expectedTransactions('ingest', account.providerAccountId);
  let first: Promise<
    Awaited<ReturnType<typeof h.runTimedImport>> & { memory: RssSample; longestStallMs: number }
  > | null = null;
  return {
    provider,
    size,
    harness: h,
    owner,
    /** The first import (run once, shared by the ingest, re-import and memory benchmarks), with RSS and event-loop stalls. */
    firstImport() {
      first ??= h.queueImport(owner, size.days).then(async (jobId) => {
        const rss = await startRssSampler(50);
        const loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
        const run = await h.runTimedImport(jobId);
        loop.disable();
        return { ...run, memory: await rss.stop(), longestStallMs: loop.max / 1e6 };
      });
      return first;
    },
    /** The same import again. */
    async nextImport() {
      return h.runTimedImport(await h.queueImport(owner, size.days));
    },
    async close() {
      await h.close();
      await database.drop();
    },
  };
}

/** Scenarios shared across benchmarks of one suite run, one per provider, closed when the suite ends. */
export function createScenarioCache(quick: boolean) {
  const open = new Map<BenchProvider, Promise<ImportScenario>>();
  return {
    get(provider: BenchProvider) {
      let scenario = open.get(provider);
      if (!scenario) {
        scenario = openImportScenario(provider, quick);
        open.set(provider, scenario);
      }
      return scenario;
    },
    async closeAll() {
      for (const scenario of open.values()) await (await scenario).close();
      open.clear();
    },
  };
}

export type ScenarioCache = ReturnType<typeof createScenarioCache>;
