import { fileURLToPath } from 'node:url';
import type { SandboxOptions } from '@app/sandbox';
import type { TrueLayerConfigInput, TrueLayerEnvironment } from '@app/truelayer';
import { readOrCreateDevTokenKey } from './dev-token-key';
import type { Env } from './env';
import type { AppLogger } from './logger';
import type { WebHandlerFactory } from './web-handler';

const sandboxStateFile = fileURLToPath(new URL('../../../data/sandbox-auth.json', import.meta.url));

/** Where bank calls go: the sandbox bank started in this process, or TrueLayer itself. */
export type BankConfig =
  | { kind: 'embedded-sandbox'; port: number; options?: SandboxOptions }
  | {
      kind: 'truelayer';
      environment: TrueLayerEnvironment;
      clientId: string;
      clientSecret: string;
      redirectUri?: string;
    };

export type ServerConfig = {
  port: number;
  host: string;
  /** Where people reach the server; derived from host and port when absent. */
  publicUrl?: string;
  databaseUrl: string;
  tokenKeys: { keys: Record<string, string>; currentKeyId: string };
  bank: BankConfig;
  /** Retry and timeout tuning of the TrueLayer client (tests shorten them). */
  truelayerTuning?: Pick<TrueLayerConfigInput, 'retryBaseMs' | 'retryMaxMs' | 'timeoutMs' | 'maxRetries'>;
  importer: { workers: number; jobConcurrency: number };
  sessionTtlDays: number;
  /** Seeded at start (idempotent) in the embedded mode, with a sandbox connection. */
  demoUser: { email: string; password: string } | null;
  mutationsPerMinute: number;
  secureCookies: boolean;
  logger: AppLogger;
  /** The seam where the Remix app is mounted; until then other paths answer a placeholder page. */
  web?: WebHandlerFactory;
};

function tokenKeysFrom(env: Env, logger: AppLogger): ServerConfig['tokenKeys'] {
  const keys = env.TOKEN_ENCRYPTION_KEYS;
  if (keys) {
    const currentKeyId = env.TOKEN_ENCRYPTION_KEY_ID ?? Object.keys(keys)[0];
    if (currentKeyId) return { keys, currentKeyId };
  }
  // env.ts refuses a production start without keys, so this is development or test
  const dev = readOrCreateDevTokenKey();
  logger.warn(
    { file: dev.file, created: dev.created },
    'TOKEN_ENCRYPTION_KEYS is not set: bank tokens are encrypted with a development key; set real keys before storing real bank data',
  );
  return { keys: dev.keys, currentKeyId: dev.currentKeyId };
}

export function configFromEnv(env: Env, logger: AppLogger): ServerConfig {
  const clientId = env.TRUELAYER_CLIENT_ID;
  const clientSecret = env.TRUELAYER_CLIENT_SECRET;
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    databaseUrl: env.DATABASE_URL,
    tokenKeys: tokenKeysFrom(env, logger),
    bank:
      clientId && clientSecret
        ? {
            kind: 'truelayer',
            environment: env.TRUELAYER_ENV,
            clientId,
            clientSecret,
            redirectUri: env.TRUELAYER_REDIRECT_URI,
          }
        : // the demo bank keeps its tokens in data/ so stored connections survive a restart of `npm start`
          { kind: 'embedded-sandbox', port: env.SANDBOX_PORT, options: { stateFile: sandboxStateFile } },
    importer: { workers: env.IMPORT_WORKERS, jobConcurrency: env.JOB_CONCURRENCY },
    sessionTtlDays: env.SESSION_TTL_DAYS,
    demoUser: clientId ? null : { email: env.DEMO_USER_EMAIL, password: env.DEMO_USER_PASSWORD },
    mutationsPerMinute: env.MUTATIONS_PER_MINUTE,
    secureCookies: (env.PUBLIC_URL ?? '').startsWith('https://'),
    logger,
  };
}
