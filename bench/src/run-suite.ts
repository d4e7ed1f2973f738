import type { Benchmark, BenchResult } from './bench-result';
import { concurrentImports } from './concurrent-imports';
import { enrichment } from './enrichment';
import { createScenarioCache } from './import-scenario';
import { ingestRate } from './ingest-rate';
import { memory } from './memory';
import { parallelSpeedup } from './parallel-speedup';
import { progressLatency } from './progress-latency';
import { reimport } from './reimport';

/** In the order of issue 8. */
export const benchmarks: Benchmark[] = [
  parallelSpeedup,
  ingestRate,
  reimport,
  progressLatency,
  concurrentImports,
  memory,
  enrichment,
];

export type SuiteOptions = { quick: boolean; only?: string[]; log?: (message: string) => void };

export async function runSuite(options: SuiteOptions): Promise<BenchResult[]> {
  const log = options.log ?? (() => {});
  const unknown = (options.only ?? []).filter((name) => !benchmarks.some((b) => b.name === name));
  if (unknown.length > 0)
    throw new Error(
      `unknown benchmark ${unknown.join(', ')}; known: ${benchmarks.map((b) => b.name).join(', ')}`,
    );
  const selected = options.only?.length
    ? benchmarks.filter((b) => options.only?.includes(b.name))
    : benchmarks;
  const scenarios = createScenarioCache(options.quick);
  const results: BenchResult[] = [];
  try {
    for (const benchmark of selected) {
      log(`running ${benchmark.name}${options.quick ? ' (quick)' : ''}`);
      results.push(...(await benchmark.run({ quick: options.quick, log, scenarios })));
    }
  } finally {
    await scenarios.closeAll();
  }
  return results;
}
