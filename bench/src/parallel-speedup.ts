import type { Benchmark, Figure } from './bench-result';
import { createBenchDatabase } from './bench-database';
import { createBenchHarness } from './bench-harness';

const latencyMs = 200;

type Run = { workers: number; wallMs: number; cpuMs: number; requests: number[] };

/**
 * 1. Accounts of one job synced in parallel against a slow bank. The ideal is the slowest account's chain of
 * requests (its request count from the bank's own stats times the latency): no number of workers beats it.
 * With fewer workers than accounts the best possible is max(slowest chain, all requests x latency / workers).
 */
export const parallelSpeedup: Benchmark = {
  name: 'parallel-speedup',
  async run({ quick, log }) {
    const size = quick
      ? { accounts: 2, days: 30, workers: [1, 2] }
      : { accounts: 10, days: 365, workers: [1, 5, 10] };
    const runs: Run[] = [];
    let errors = 0;
    for (const workers of size.workers) {
      // A fresh database per run and the same bank user: every run imports exactly the same data.
      const database = await createBenchDatabase('sqlite');
      const h = await createBenchHarness({
        database,
        sandbox: {
          latency: { fixedMs: latencyMs },
          accounts: { current: size.accounts, savings: 0, cards: 0 },
          historyMonths: 13,
        },
        config: { workers, maxRequestsPerConnection: workers },
      });
      try {
        const owner = await h.connectUser('speedup');
        const jobId = await h.queueImport(owner, size.days);
        h.bank.resetStats();
        const run = await h.runTimedImport(jobId);
        const stats = h.bank.stats();
        const requests = owner.accounts.map((a) => {
          const calls = stats.byAccount[a.providerAccountId];
          return (calls?.attended ?? 0) + (calls?.unattended ?? 0);
        });
        if (run.status !== 'completed') errors += 1;
        errors += run.job.totalErrors;
        runs.push({ workers, wallMs: run.wallMs, cpuMs: run.cpuMs, requests });
        log(
          `parallel-speedup: ${workers} workers, ${Math.round(run.wallMs)} ms (CPU ${Math.round(run.cpuMs)} ms), requests per account ${requests.join(',')}`,
        );
      } finally {
        await h.close();
        await database.drop();
      }
    }

    const chainMs = (run: Run) => Math.max(...run.requests) * latencyMs;
    const boundMs = (run: Run) =>
      Math.max(chainMs(run), (run.requests.reduce((s, n) => s + n, 0) * latencyMs) / run.workers);
    const [single] = runs;
    if (!single) throw new Error('parallel-speedup: no run');
    const figures: Figure[] = runs.map((run) => ({
      name: `wall time, ${run.workers} worker${run.workers > 1 ? 's' : ''}`,
      value: run.wallMs,
      unit: 'ms',
      baseline: { name: 'ideal: slowest account chain', value: chainMs(run), unit: 'ms' },
      ratio: { name: 'efficiency = ideal / actual', value: chainMs(run) / run.wallMs },
    }));
    for (const run of runs) {
      // Every account's batches are committed on this one event loop: wall time cannot drop below the CPU time.
      figures.push({
        name: `process CPU time, ${run.workers} worker${run.workers > 1 ? 's' : ''}`,
        value: run.cpuMs,
        unit: 'ms',
        baseline: { name: 'wall time', value: run.wallMs, unit: 'ms' },
        ratio: { name: 'CPU / wall', value: run.cpuMs / run.wallMs },
      });
    }
    for (const run of runs.slice(1)) {
      const possible = boundMs(single) / boundMs(run);
      const speedup = single.wallMs / run.wallMs;
      figures.push({
        name: `speed-up, ${run.workers} vs 1 worker`,
        value: speedup,
        unit: 'x',
        baseline: { name: `best possible with ${run.workers} workers`, value: possible, unit: 'x' },
        ratio: { name: 'achieved / possible', value: speedup / possible },
      });
    }
    return [
      {
        name: 'parallel-speedup',
        title: '1. Parallel speed-up',
        params: {
          accounts: size.accounts,
          days: size.days,
          latencyMs,
          workers: size.workers.join(' / '),
          maxRequestsPerConnection: 'equal to workers',
          requestsPerAccount: [...new Set(single.requests)].join(','),
        },
        figures,
        errors,
        notes: [
          `With w workers and ${size.accounts} accounts the best possible wall time is max(slowest chain, all requests x latency / w), so efficiency against the slowest chain cannot exceed min(1, w / accounts).`,
        ],
      },
    ];
  },
};
