import { z } from 'zod';

const BenchEnvSchema = z.object({
  /** A PostgreSQL server (and a database to connect to for CREATE DATABASE); unset = SQLite only. */
  BENCH_POSTGRES_URL: z.url().optional(),
  /** Another labelled file in bench/eval's format for the enrichment benchmark; unset = bench/eval/enrichment-eval.tsv. */
  ENRICHMENT_EVAL_FILE: z.string().min(1).optional(),
  /** An OpenAI-compatible endpoint the enrichment benchmark also measures (e.g. http://127.0.0.1:11434/v1). */
  BENCH_LLM_BASE_URL: z.url().optional(),
  BENCH_LLM_MODEL: z.string().min(1).optional(),
  BENCH_LLM_API_KEY: z.string().min(1).optional(),
  /** Dollars per million tokens in/out, e.g. "0.15/0.60"; unset = the provider's default prices. */
  BENCH_LLM_PRICES: z
    .string()
    .regex(/^\d+(\.\d+)?\/\d+(\.\d+)?$/, 'dollars per million tokens in/out, e.g. 0.15/0.60')
    .optional(),
});

function readEnv() {
  const parsed = BenchEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`bench: invalid environment\n${z.prettifyError(parsed.error)}`);
    process.exit(1);
  }
  return parsed.data;
}

export const benchEnv = readEnv();
