import {
  costMicros,
  createLlmProvider,
  createRulesProvider,
  llmProviderConfigSchema,
  type EnrichmentProvider,
} from '@app/enrichment';
import type { Benchmark, BenchResult, Figure } from './bench-result';
import {
  accuracy,
  accuracyByCategory,
  readEvalSet,
  toEnrichmentInput,
  type EvalRow,
  type Scored,
} from './enrichment-eval-set';
import { benchEnv } from './env';

type ProviderRun = { label: string; provider: EnrichmentProvider; prices?: { in: number; out: number } };

/**
 * Accuracy of the rules provider (and of a model when BENCH_LLM_* names an endpoint) on the labelled set in
 * bench/eval: overall, per split (dev was looked at while writing rules; holdout was not), per category, and
 * tokens and cost per 100 transactions.
 */
export const enrichment: Benchmark = {
  name: 'enrichment',
  async run({ log }) {
    const file = benchEnv.ENRICHMENT_EVAL_FILE;
    const rows = readEvalSet(file);
    const runs: ProviderRun[] = [{ label: 'rules', provider: createRulesProvider() }];
    const llm = llmFromEnv();
    if (llm) runs.push(llm);
    const results: BenchResult[] = [];
    for (const run of runs) results.push(await evaluate(run, rows, log, file));
    return results;
  },
};

function llmFromEnv(): ProviderRun | null {
  if (!benchEnv.BENCH_LLM_BASE_URL || !benchEnv.BENCH_LLM_MODEL) return null;
  const config = llmProviderConfigSchema.parse({
    baseUrl: benchEnv.BENCH_LLM_BASE_URL,
    apiKey: benchEnv.BENCH_LLM_API_KEY ?? 'none',
    model: benchEnv.BENCH_LLM_MODEL,
    ...(benchEnv.BENCH_LLM_PRICES ? { prices: parsePrices(benchEnv.BENCH_LLM_PRICES) } : {}),
  });
  return {
    label: `model ${config.model}`,
    provider: createLlmProvider(config),
    prices: {
      in: config.prices.inputMicrosPerMillionTokens,
      out: config.prices.outputMicrosPerMillionTokens,
    },
  };
}

/** "0.15/0.60": dollars per million tokens in / out. */
function parsePrices(text: string) {
  const [input, output] = text.split('/').map((part) => Math.round(Number(part) * 1_000_000));
  return { inputMicrosPerMillionTokens: input, outputMicrosPerMillionTokens: output };
}

async function evaluate(
  run: ProviderRun,
  rows: EvalRow[],
  log: (message: string) => void,
  file: string | undefined,
): Promise<BenchResult> {
  const inputs = rows.map(toEnrichmentInput);
  const outcome = await run.provider.enrich(inputs);
  const byId = new Map(outcome.results.map((r) => [r.id, r.category as string]));
  const scored: Scored[] = rows.map((row, i) => ({ row, got: byId.get(String(i)) ?? '(no answer)' }));
  const missed = scored.filter((s) => s.got !== s.row.expected);
  for (const s of missed)
    log(`  ${run.label} ${s.row.split}: "${s.row.description}" expected ${s.row.expected}, got ${s.got}`);

  const percent = (name: string, a: { percent: number; correct: number; total: number }): Figure => ({
    name: `${name} (${a.correct}/${a.total})`,
    value: a.percent,
    unit: '%',
  });
  const splits = [...new Set(rows.map((r) => r.split))];
  const figures: Figure[] = [percent('accuracy, all', accuracy(scored))];
  if (splits.length > 1)
    for (const split of splits)
      figures.push(percent(`accuracy, ${split}`, accuracy(scored.filter((s) => s.row.split === split))));
  for (const [category, a] of accuracyByCategory(scored)) figures.push(percent(`  ${category}`, a));

  const notes = [`${missed.length} wrong; each is logged to stderr while the benchmark runs.`];
  if (run.prices) {
    const per100 = (n: number) => (n * 100) / Math.max(rows.length, 1);
    const prices = {
      inputMicrosPerMillionTokens: run.prices.in,
      outputMicrosPerMillionTokens: run.prices.out,
    };
    const micros = costMicros(outcome.tokensIn, outcome.tokensOut, prices);
    figures.push({ name: 'tokens in per 100 transactions', value: per100(outcome.tokensIn), unit: 'tokens' });
    figures.push({
      name: 'tokens out per 100 transactions',
      value: per100(outcome.tokensOut),
      unit: 'tokens',
    });
    figures.push({ name: 'cost per 100 transactions', value: per100(micros) / 1_000_000, unit: 'USD' });
  } else {
    // Zero is the truth for rules, and the suite's figures must be positive: said in words instead.
    notes.push('No model calls: 0 tokens and no cost per 100 transactions.');
  }

  return {
    name: `enrichment-${run.provider.name}`,
    title: `Enrichment accuracy (${run.label})`,
    params: {
      set: file ?? 'bench/eval/enrichment-eval.tsv',
      rows: rows.length,
      ...Object.fromEntries(splits.map((s) => [s, rows.filter((r) => r.split === s).length])),
    },
    figures,
    // Rows the provider gave no answer for: a model that drops items is an error, a wrong category is not.
    errors: scored.filter((s) => s.got === '(no answer)').length,
    notes,
  };
}
