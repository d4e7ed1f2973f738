import type { Benchmark } from './bench-result';

/**
 * 6. Peak RSS during the big SQLite import (the ingest benchmark's first import, sampled every 50 ms from just
 * before it starts). The sandbox bank shares the process; its books are built before the baseline is taken.
 */
export const memory: Benchmark = {
  name: 'memory',
  async run({ scenarios, log }) {
    const scenario = await scenarios.get('sqlite');
    const run = await scenario.firstImport();
    const { memory: rss } = run;
    log(
      `memory: ${run.job.totalFetched} tx, RSS ${Math.round(rss.baselineMiB)} -> peak ${Math.round(rss.peakMiB)} MiB`,
    );
    return [
      {
        name: 'memory',
        title: '6. Memory of the big import',
        params: {
          provider: 'sqlite',
          fetched: run.job.totalFetched,
          samples: rss.samples,
          sampleEveryMs: 50,
        },
        figures: [
          {
            name: 'peak RSS',
            value: rss.peakMiB,
            unit: 'MiB',
            baseline: { name: 'RSS before the import', value: rss.baselineMiB, unit: 'MiB' },
          },
          { name: 'RSS growth (peak - before)', value: rss.deltaMiB, unit: 'MiB' },
          // Not memory, but process health during the same import: how long the event loop went without a turn.
          { name: 'longest event-loop stall', value: run.longestStallMs, unit: 'ms' },
        ],
        errors: (run.status === 'completed' ? 0 : 1) + run.job.totalErrors,
        notes: ['Measured on the same import as benchmark 2 (SQLite), so it adds no run time.'],
      },
    ];
  },
};
