import { defaultDatabaseUrl } from '@app/db';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();

/** `id:base64key,id2:base64key2`: every key decrypts, TOKEN_ENCRYPTION_KEY_ID encrypts. */
const TokenKeysSchema = z.string().transform((value, ctx) => {
  const keys: Record<string, string> = {};
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    const key = entry.slice(colon + 1);
    if (colon <= 0 || !/^[A-Za-z0-9_-]+$/.test(id)) {
      ctx.addIssue({
        code: 'custom',
        message: 'each entry must be id:base64key with an id of letters, digits, _ or -',
      });
    } else if (Buffer.from(key, 'base64').length !== 32) {
      ctx.addIssue({
        code: 'custom',
        message: `key "${id}" must be 32 bytes, base64-encoded (openssl rand -base64 32)`,
      });
    } else {
      keys[id] = key;
    }
  }
  if (Object.keys(keys).length === 0) ctx.addIssue({ code: 'custom', message: 'no keys given' });
  return keys;
});

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port.default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Where people reach the server (OAuth comes back to `${PUBLIC_URL}/connections/callback`). */
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql://')
      .default(defaultDatabaseUrl),
    TOKEN_ENCRYPTION_KEYS: TokenKeysSchema.optional(),
    TOKEN_ENCRYPTION_KEY_ID: z.string().min(1).optional(),
    TRUELAYER_CLIENT_ID: z.string().min(1).optional(),
    TRUELAYER_CLIENT_SECRET: z.string().min(1).optional(),
    TRUELAYER_REDIRECT_URI: z.url().optional(),
    TRUELAYER_ENV: z.enum(['live', 'truelayer-sandbox']).default('truelayer-sandbox'),
    /** The embedded sandbox bank's port, used when no TrueLayer client is configured. */
    SANDBOX_PORT: port.default(3001),
    /** A sandbox bank already running (`pnpm --filter @app/sandbox start`), shared by every process instead. */
    SANDBOX_URL: z.url().optional(),
    IMPORT_WORKERS: positiveInt.max(32).default(4),
    JOB_CONCURRENCY: positiveInt.max(64).default(4),
    /** Bank requests in flight per connection (per process when embedded, across all workers when scaled). */
    MAX_REQUESTS_PER_CONNECTION: positiveInt.max(32).default(4),
    /** Set: the scaled mode. Jobs go on BullMQ, `pnpm worker` processes run them, progress travels over pub/sub. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    /** Names the BullMQ queue and prefixes the Redis channels and keys, so deployments sharing a Redis never mix. */
    QUEUE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
      .default('imports'),
    /** How long what a crashed worker held (its jobs, its bank-request slots) stays held before others take it. */
    JOB_LOCK_MS: positiveInt.min(1_000).default(30_000),
    SESSION_TTL_DAYS: positiveInt.max(365).default(30),
    DEMO_USER_EMAIL: z.email().default('demo@example.com'),
    DEMO_USER_PASSWORD: z.string().min(8).default('demo-password'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Serves Prometheus metrics at /metrics on the main port. (An enum, not a boolean transform: a failed
     *  transform hides the cross-field problems below from the listing.) */
    METRICS_ENABLED: z.enum(['true', 'false']).default('false'),
    /** Serves them on this port alone instead (off the public address); implies METRICS_ENABLED. */
    METRICS_PORT: port.optional(),
    /** In a scaled worker: /healthz, /readyz and /metrics on this port (a worker has no HTTP port otherwise). */
    WORKER_OPS_PORT: port.optional(),
    /** PSD2: calls per account per rolling 24 h a bank allows without the user present (the importer's budget). */
    UNATTENDED_CALLS_PER_DAY: z.coerce.number().int().min(0).default(4),
    /** SIGTERM: how long a graceful stop may take before the process exits anyway. */
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(25_000),
    /** Raw bank responses older than this are purged (by the scheduler and `admin prune-raw-archives`). */
    RAW_ARCHIVE_RETENTION_DAYS: positiveInt.default(90),
    /** Changes (mutations) one user may make per minute, in bursts of as many. */
    MUTATIONS_PER_MINUTE: positiveInt.default(120),
    /** The enrichment provider of people who chose none on the Settings page. */
    ENRICHMENT_PROVIDER: z.enum(['none', 'rules', 'llm']).default('rules'),
    /** For ENRICHMENT_PROVIDER=llm: an OpenAI-compatible endpoint, e.g. https://api.openai.com/v1. */
    ENRICHMENT_LLM_BASE_URL: z.url().optional(),
    ENRICHMENT_LLM_MODEL: z.string().min(1).optional(),
    ENRICHMENT_LLM_API_KEY: z.string().min(1).optional(),
    /** US dollars per million tokens; unset: the model's list price when known, 0 for a local server. */
    ENRICHMENT_LLM_INPUT_PRICE: z.coerce.number().nonnegative().optional(),
    ENRICHMENT_LLM_OUTPUT_PRICE: z.coerce.number().nonnegative().optional(),
    ENRICHMENT_LLM_BATCH_SIZE: z.coerce.number().int().min(1).max(100).optional(),
    ENRICHMENT_LLM_TIMEOUT_MS: positiveInt.default(30_000),
  })
  .superRefine(
    (env, ctx) => {
      if (env.ENRICHMENT_PROVIDER === 'llm' && (!env.ENRICHMENT_LLM_BASE_URL || !env.ENRICHMENT_LLM_MODEL)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ENRICHMENT_LLM_BASE_URL'],
          message: 'ENRICHMENT_PROVIDER=llm needs ENRICHMENT_LLM_BASE_URL and ENRICHMENT_LLM_MODEL',
        });
      }
      if (Boolean(env.TRUELAYER_CLIENT_ID) !== Boolean(env.TRUELAYER_CLIENT_SECRET)) {
        ctx.addIssue({
          code: 'custom',
          path: ['TRUELAYER_CLIENT_SECRET'],
          message: 'set TRUELAYER_CLIENT_ID and TRUELAYER_CLIENT_SECRET together',
        });
      }
      const keyIds = Object.keys(env.TOKEN_ENCRYPTION_KEYS ?? {});
      if (env.TOKEN_ENCRYPTION_KEY_ID && !keyIds.includes(env.TOKEN_ENCRYPTION_KEY_ID)) {
        ctx.addIssue({
          code: 'custom',
          path: ['TOKEN_ENCRYPTION_KEY_ID'],
          message: 'must be one of the ids in TOKEN_ENCRYPTION_KEYS',
        });
      }
      if (!env.TOKEN_ENCRYPTION_KEY_ID && keyIds.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['TOKEN_ENCRYPTION_KEY_ID'],
          message: 'say which of the TOKEN_ENCRYPTION_KEYS encrypts new tokens',
        });
      }
      if (env.REDIS_URL && env.DATABASE_URL.startsWith('file:')) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_URL'],
          message:
            'the scaled mode (REDIS_URL is set) needs PostgreSQL: several processes writing one SQLite file fail with SQLITE_BUSY; set DATABASE_URL=postgresql://…',
        });
      }
      if (env.REDIS_URL && !env.SANDBOX_URL && !env.TRUELAYER_CLIENT_ID) {
        ctx.addIssue({
          code: 'custom',
          path: ['SANDBOX_URL'],
          message:
            "the scaled mode's processes must share one bank: set SANDBOX_URL to a running sandbox bank (pnpm --filter @app/sandbox start) or TRUELAYER_CLIENT_ID and TRUELAYER_CLIENT_SECRET",
        });
      }
      if (env.METRICS_PORT !== undefined && env.METRICS_PORT !== 0 && env.METRICS_PORT === env.PORT) {
        ctx.addIssue({
          code: 'custom',
          path: ['METRICS_PORT'],
          message:
            'must differ from PORT (leave it unset and set METRICS_ENABLED=true for /metrics on the main port)',
        });
      }
      if (env.NODE_ENV === 'production' && !env.TOKEN_ENCRYPTION_KEYS) {
        ctx.addIssue({
          code: 'custom',
          path: ['TOKEN_ENCRYPTION_KEYS'],
          message:
            'required in production: bank tokens are encrypted with it (e.g. TOKEN_ENCRYPTION_KEYS=k1:$(openssl rand -base64 32))',
        });
      }
      // `when`: run these cross-field checks even when a field failed, so one start reports every problem
    },
    { when: () => true },
  );

export type Env = z.infer<typeof EnvSchema>;

/** Every variable the server reads, set or not (the effective-configuration printout lists them all). */
export const envNames = Object.keys(EnvSchema.shape) as (keyof Env)[];

/** The one reading of process.env. Empty values count as unset. On any problem, lists them all and exits. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  console.error('The server cannot start: its environment has problems.');
  for (const issue of parsed.error.issues)
    console.error(`  - ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  process.exit(1);
}
