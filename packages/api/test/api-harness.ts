import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { randomBytes } from 'node:crypto';
import { createTokenCipher } from '@app/db';
import { createTestDatabase } from '@app/db/testing';
import {
  createImporter,
  createInProcessProgressPort,
  createJobRunner,
  importerConfigSchema,
  type EnrichmentHook,
  type ImporterDeps,
  type ImporterFacadeDeps,
  type Logger,
} from '@app/importer';
import { createSandboxBank, type SandboxOptions } from '@app/sandbox';
import { createTrueLayerClient, truelayerConfigSchema } from '@app/truelayer';
import {
  createCaller,
  createContextFactory,
  createRateLimiter,
  createSignInLimiter,
  type ApiServices,
  type RateLimitConfig,
} from '../src/index';

export type LoggedError = { fields: object; message: string };
export type ApiHarness = Awaited<ReturnType<typeof createApiHarness>>;

const daysMs = 86_400_000;

/** A migrated SQLite file, the sandbox bank on a random port, an in-process runner and the API's services. */
export async function createApiHarness(
  options: { sandbox?: SandboxOptions; rateLimit?: RateLimitConfig; now?: () => Date } = {},
) {
  const database = await createTestDatabase('sqlite');
  const bank = await createSandboxBank({ seed: 7, ...options.sandbox }).listen(0, '127.0.0.1');
  const client = createTrueLayerClient(
    truelayerConfigSchema.parse({
      authUrl: bank.authUrl,
      apiUrl: bank.apiUrl,
      clientId: bank.clientId,
      clientSecret: bank.clientSecret,
      redirectUri: 'http://127.0.0.1/connections/callback',
      retryBaseMs: 5,
      retryMaxMs: 50,
      timeoutMs: 5_000,
    }),
  );
  const errors: LoggedError[] = [];
  const logger: Logger = {
    info() {},
    warn() {},
    error: (fields, message) => errors.push({ fields, message }),
  };
  const now = options.now ?? (() => new Date());
  const importerDeps: ImporterDeps = {
    db: database.db,
    bank: client,
    cipher: createTokenCipher({ test: randomBytes(32).toString('base64') }, 'test'),
    progress: createInProcessProgressPort(),
    config: importerConfigSchema.parse({}),
    logger,
    now,
  };
  const runner = createJobRunner(importerDeps);
  const facadeDeps: ImporterFacadeDeps = { ...importerDeps, bank: client, transport: runner };
  const services: ApiServices = {
    db: database.db,
    importer: createImporter(facadeDeps),
    progress: importerDeps.progress,
    logger,
    now,
    auth: { sessionTtlMs: 30 * daysMs, secureCookies: false },
    rateLimiter: createRateLimiter(options.rateLimit ?? { capacity: 1_000, refillPerSecond: 1_000 }),
    signInLimiter: createSignInLimiter({ kind: 'memory' }),
  };
  const createContext = createContextFactory(services);

  async function callerFor(
    sessionToken: string | null,
    extra: { setCookie?: (cookie: string) => void } = {},
  ) {
    const headers = sessionToken ? { authorization: `Bearer ${sessionToken}` } : {};
    return createCaller(await createContext({ headers, remoteAddress: '::ffff:127.0.0.1', ...extra }));
  }

  async function signUp(email: string) {
    const anonymous = await callerFor(null);
    const { user, sessionToken } = await anonymous.auth.signUp({ email, password: 'correct horse battery' });
    return { user, sessionToken, api: await callerFor(sessionToken) };
  }

  /** The OAuth round trip through the sandbox's consent link, answered at once with `sandbox_auto=1`. */
  async function connectBank(api: Awaited<ReturnType<typeof callerFor>>) {
    const { url } = await api.connections.startOAuth({});
    const answer = await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' });
    const location = new URL(answer.headers.get('location') ?? '');
    return api.connections.completeOAuth({
      code: location.searchParams.get('code') ?? '',
      state: location.searchParams.get('state') ?? '',
    });
  }

  /** The enrichment hook the API's side of the importer uses (plans' estimates, enriching again); runs keep none. */
  function setEnrichment(hook: EnrichmentHook) {
    facadeDeps.enrichment = hook;
  }

  async function close() {
    await runner.close();
    await bank.close();
    await database.drop();
  }

  return {
    database,
    db: database.db,
    bank,
    services,
    runner,
    createContext,
    callerFor,
    signUp,
    connectBank,
    errors,
    setEnrichment,
    close,
  };
}

/** A date `days` before today on the importer's calendar (Europe/London by default). */
export function daysAgo(days: number): string {
  return addDays(todayIn(londonTimeZone, new Date()), -days);
}
