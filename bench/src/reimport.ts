import type { Benchmark, BenchResult } from './bench-result';
import { benchProviders } from './bench-database';

/** 3. The same import again: every item is a duplicate, so this measures fetch + dedup + progress without inserts. */
export const reimport: Benchmark = {
  name: 'reimport',
  async run({ scenarios, log }) {
    const results: BenchResult[] = [];
    for (const provider of benchProviders()) {
      const scenario = await scenarios.get(provider);
      const first = await scenario.firstImport();
      const again = await scenario.nextImport();
      const firstRate = first.job.totalFetched / (first.wallMs / 1000);
      const againRate = again.job.totalFetched / (again.wallMs / 1000);
      log(
        `reimport (${provider}): ${again.job.totalFetched} tx in ${Math.round(again.wallMs)} ms, ${again.job.totalSynced} new`,
      );
      results.push({
        name: `reimport-${provider}`,
        title: `3. Re-import (${provider})`,
        params: {
          provider,
          fetched: again.job.totalFetched,
          duplicates: again.job.totalDuplicates,
          stored: again.job.totalSynced,
        },
        figures: [
          {
            name: 're-import rate (all duplicates)',
            value: againRate,
            unit: 'tx/s',
            baseline: { name: 'first import rate', value: firstRate, unit: 'tx/s' },
            ratio: { name: 're-import / first import', value: againRate / firstRate },
          },
        ],
        // A re-import that stores anything, or counts less than everything as a duplicate, is a dedup failure.
        errors:
          (again.status === 'completed' ? 0 : 1) +
          again.job.totalErrors +
          again.job.totalSynced +
          (again.job.totalDuplicates === again.job.totalFetched ? 0 : 1),
        notes: [],
      });
    }
    return results;
  },
};
