import type { ScenarioCache } from './import-scenario';

/** One measured number, optionally against a baseline measured in the same run (machines are noisy). */
export type Figure = {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  /** How the ratio is defined, e.g. "efficiency = ideal / actual". */
  ratio?: { name: string; value: number };
};

export type BenchResult = {
  name: string;
  title: string;
  /** What was run: sizes, settings, provider. */
  params: Record<string, string | number>;
  figures: Figure[];
  /** Failures seen while measuring (failed jobs or accounts, crashes, missing events): must be 0. */
  errors: number;
  notes: string[];
};

export type BenchOptions = { quick: boolean; log: (message: string) => void; scenarios: ScenarioCache };

export type Benchmark = { name: string; run(options: BenchOptions): Promise<BenchResult[]> };
