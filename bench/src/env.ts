import { z } from 'zod';

const BenchEnvSchema = z.object({
  /** A PostgreSQL server (and a database to connect to for CREATE DATABASE); unset = SQLite only. */
  BENCH_POSTGRES_URL: z.url().optional(),
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
