import { fileURLToPath } from 'node:url';
import { importerConfigSchema, type ImporterConfig } from '@app/importer';
import { llmConfigFrom, type ServerEnrichmentDefault } from '@app/enrichment';
import type { SandboxOptions } from '@app/sandbox';
import type { TrueLayerConfigInput, TrueLayerEnvironment } from '@app/truelayer';
import { readOrCreateDevTokenKey } from './dev-token-key';
import type { Env } from './env';
import type { AppLogger } from './logger';
import type { OpsConfig } from './ops/create-ops';
import type { WebHandlerFactory } from './web-handler';

const sandboxStateFile = fileURLToPath(new URL('../../../data/sandbox-auth.json', import.meta.url));

/** Where bank calls go: the sandbox bank started in this process, one shared by several processes, or TrueLayer. */
export type BankConfig =
  | { kind: 'embedded-sandbox'; port: number; options?: SandboxOptions }
  | { kind: 'shared-sandbox'; url: string; clientId: string; clientSecret: string }
  | {
      kind: 'truelayer';
      environment: TrueLayerEnvironment;
      clientId: string;
      clientSecret: string;
      redirectUri?: string;
    };

/** The scaled mode: API replicas enqueue on BullMQ and stream progress from Redis; `pnpm worker` processes run jobs. */
export type ScaledConfig = {
  redisUrl: string;
  queueName: string;
  lockDurationMs: number;
  /** A worker's /healthz, /readyz and /metrics port (0: any free one); unset: none. */
  workerOpsPort?: number;
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
  importer: {
    workers: number;
    jobConcurrency: number;
    maxRequestsPerConnection?: number;
    unattendedCallsPerDay?: number;
    rawArchiveDays?: number;
  };
  /** Absent: the embedded mode (jobs run in this process). */
  scaled?: ScaledConfig;
  sessionTtlDays: number;
  /** Seeded at start (idempotent) in the embedded mode, with a sandbox connection. */
  demoUser: { email: string; password: string } | null;
  mutationsPerMinute: number;
  secureCookies: boolean;
  /** Metrics and the PSD2 budget they report; absent: no /metrics. */
  ops?: OpsConfig;
  /** The enrichment provider of people who chose none; absent: the rules. */
  enrichment?: ServerEnrichmentDefault;
};

/** What a process is given besides its configuration: where it logs, and the web app to mount (servers only). */
export type ServerRuntime = {
  logger: AppLogger;
  /** The seam where the Remix app is mounted; without it other paths answer a placeholder page. */
  web?: WebHandlerFactory;
};

/** Where jobs run: in this process (embedded), or on BullMQ workers with progress over Redis (scaled). */
export type JobMode = { kind: 'embedded' } | { kind: 'scaled'; scaled: ScaledConfig };

/** The configuration after its one parse: the importer's settings with their defaults, and the mode. */
export type ResolvedConfig = Omit<ServerConfig, 'importer' | 'scaled'> & {
  importer: ImporterConfig;
  mode: JobMode;
};

/** Parses the importer's settings and chooses the mode, once per process; everything after reads the result. */
export function resolveConfig(config: ServerConfig): ResolvedConfig {
  const { scaled, importer, ...rest } = config;
  return {
    ...rest,
    importer: importerConfigSchema.parse(importer),
    mode: scaled ? { kind: 'scaled', scaled } : { kind: 'embedded' },
  };
}

// The client a sandbox bank accepts unless started with other credentials (packages/sandbox options).
const sandboxClient = { clientId: 'sandbox-spending', clientSecret: 'sandbox-secret' };

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
    bank: env.SANDBOX_URL
      ? {
          kind: 'shared-sandbox',
          url: env.SANDBOX_URL.replace(/\/+$/, ''),
          clientId: clientId ?? sandboxClient.clientId,
          clientSecret: clientSecret ?? sandboxClient.clientSecret,
        }
      : clientId && clientSecret
        ? {
            kind: 'truelayer',
            environment: env.TRUELAYER_ENV,
            clientId,
            clientSecret,
            redirectUri: env.TRUELAYER_REDIRECT_URI,
          }
        : // the demo bank keeps its tokens in data/ so stored connections survive a restart of `npm start`
          { kind: 'embedded-sandbox', port: env.SANDBOX_PORT, options: { stateFile: sandboxStateFile } },
    importer: {
      workers: env.IMPORT_WORKERS,
      jobConcurrency: env.JOB_CONCURRENCY,
      maxRequestsPerConnection: env.MAX_REQUESTS_PER_CONNECTION,
      unattendedCallsPerDay: env.UNATTENDED_CALLS_PER_DAY,
      rawArchiveDays: env.RAW_ARCHIVE_RETENTION_DAYS,
    },
    scaled: env.REDIS_URL
      ? {
          redisUrl: env.REDIS_URL,
          queueName: env.QUEUE_NAME,
          lockDurationMs: env.JOB_LOCK_MS,
          workerOpsPort: env.WORKER_OPS_PORT,
        }
      : undefined,
    sessionTtlDays: env.SESSION_TTL_DAYS,
    demoUser:
      clientId && !env.SANDBOX_URL ? null : { email: env.DEMO_USER_EMAIL, password: env.DEMO_USER_PASSWORD },
    mutationsPerMinute: env.MUTATIONS_PER_MINUTE,
    enrichment: enrichmentDefaultOf(env),
    secureCookies: (env.PUBLIC_URL ?? '').startsWith('https://'),
    ops: {
      metrics:
        env.METRICS_PORT !== undefined
          ? { port: env.METRICS_PORT }
          : env.METRICS_ENABLED === 'true'
            ? { port: null }
            : null,
    },
  };
}

function enrichmentDefaultOf(env: Env): ServerEnrichmentDefault {
  if (env.ENRICHMENT_PROVIDER !== 'llm' || !env.ENRICHMENT_LLM_BASE_URL || !env.ENRICHMENT_LLM_MODEL)
    return { provider: env.ENRICHMENT_PROVIDER === 'none' ? 'none' : 'rules' };
  const micros = (dollars: number | undefined) =>
    dollars === undefined ? undefined : Math.round(dollars * 1_000_000);
  return {
    provider: 'llm',
    config: llmConfigFrom({
      baseUrl: env.ENRICHMENT_LLM_BASE_URL,
      model: env.ENRICHMENT_LLM_MODEL,
      apiKey: env.ENRICHMENT_LLM_API_KEY ?? null,
      inputMicrosPerMillionTokens: micros(env.ENRICHMENT_LLM_INPUT_PRICE),
      outputMicrosPerMillionTokens: micros(env.ENRICHMENT_LLM_OUTPUT_PRICE),
      batchSize: env.ENRICHMENT_LLM_BATCH_SIZE,
      timeoutMs: env.ENRICHMENT_LLM_TIMEOUT_MS,
    }),
  };
}
