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
    IMPORT_WORKERS: positiveInt.max(32).default(4),
    JOB_CONCURRENCY: positiveInt.max(64).default(4),
    SESSION_TTL_DAYS: positiveInt.max(365).default(30),
    DEMO_USER_EMAIL: z.email().default('demo@example.com'),
    DEMO_USER_PASSWORD: z.string().min(8).default('demo-password'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Changes (mutations) one user may make per minute, in bursts of as many. */
    MUTATIONS_PER_MINUTE: positiveInt.default(120),
  })
  .superRefine(
    (env, ctx) => {
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
