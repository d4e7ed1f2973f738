import { beforeAll, describe, expect, test } from 'vitest';
import { benchProviders } from './bench-database';
import type { BenchResult } from './bench-result';
import { runSuite } from './run-suite';

// Keeps the harness from rotting: the quick suite must run end to end and produce every figure. No speed
// thresholds: timings belong to the benchmark's report, not to a pass/fail test on a noisy machine.
describe('the quick benchmark suite', () => {
  let results: BenchResult[];
  beforeAll(async () => {
    results = await runSuite({ quick: true });
  });

  test('produces a result for every benchmark, with figures', () => {
    const expected = [
      'parallel-speedup',
      ...benchProviders().map((p) => `ingest-rate-${p}`),
      ...benchProviders().map((p) => `reimport-${p}`),
      'progress-latency',
      'concurrent-imports',
      'memory',
      'enrichment-rules',
    ];
    expect(results.map((r) => r.name).sort()).toEqual(expected.sort());
    for (const result of results) expect(result.figures.length, result.name).toBeGreaterThan(0);
  });

  test('every figure, baseline and ratio is a finite positive number', () => {
    for (const result of results) {
      for (const figure of result.figures) {
        const label = `${result.name}: ${figure.name}`;
        expect(Number.isFinite(figure.value), label).toBe(true);
        expect(figure.value, label).toBeGreaterThan(0);
        if (figure.baseline) expect(figure.baseline.value, `${label} baseline`).toBeGreaterThan(0);
        if (figure.ratio) {
          expect(Number.isFinite(figure.ratio.value), `${label} ratio`).toBe(true);
          expect(figure.ratio.value, `${label} ratio`).toBeGreaterThan(0);
        }
      }
    }
  });

  test('no benchmark saw a failed job, account, subscription or missing event', () => {
    expect(results.map((r) => [r.name, r.errors])).toEqual(results.map((r) => [r.name, 0]));
  });
});
