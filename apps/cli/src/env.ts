import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  SPENDING_URL: z
    .url('SPENDING_URL must be the server’s URL, e.g. http://localhost:3000.')
    .default('http://localhost:3000'),
  /** Where the session file lives; tests point it at a temporary directory. */
  SPENDING_CONFIG_DIR: z.string().min(1).optional(),
  /** The enrichment endpoint's key for `enrichment set llm`, so it need not appear in the shell's history. */
  SPENDING_ENRICHMENT_API_KEY: z.string().min(1).optional(),
});

export type CliEnv = { defaultUrl: string; configDir: string; enrichmentApiKey?: string };

/** Reads the environment once, at startup; exits listing what is wrong. */
export function readEnv(): CliEnv {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) process.stderr.write(`${issue.message}\n`);
    process.exit(1);
  }
  return {
    defaultUrl: parsed.data.SPENDING_URL,
    configDir: parsed.data.SPENDING_CONFIG_DIR ?? join(homedir(), '.config', 'spending-import'),
    enrichmentApiKey: parsed.data.SPENDING_ENRICHMENT_API_KEY,
  };
}
