import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { randomBytes } from 'node:crypto';
import { createTokenCipher, type Db } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { createSandboxBank } from '@app/sandbox';
import { createTrueLayerClient, truelayerConfigSchema, type TrueLayerConfigInput } from '@app/truelayer';
import {
  connectBank,
  createInProcessProgressPort,
  importerConfigSchema,
  planImport,
  silentLogger,
  type ImporterDeps,
  type PlanImportInput,
  type ProgressPort,
} from './index';

export const testTokenKey = randomBytes(32).toString('base64');
export type SandboxOptions = Parameters<typeof createSandboxBank>[0];
export type Harness = Awaited<ReturnType<typeof createHarness>>;

/**
 * For tests of the importer and of packages built on it: a migrated database, a sandbox bank on a random port,
 * and the importer's dependencies wired to both.
 */
export async function createHarness(
  options: {
    provider?: 'sqlite' | 'postgresql';
    sandbox?: SandboxOptions;
    workers?: number;
    database?: TestDatabase;
    /** The progress port (the scaled mode's tests pass a Redis one). */
    progress?: ProgressPort;
    /** Retry and timeout tuning of the TrueLayer client (fault tests shorten the timeout, allow more retries). */
    client?: Partial<TrueLayerConfigInput>;
  } = {},
) {
  const database = options.database ?? (await createTestDatabase(options.provider ?? 'sqlite'));
  const bank = await createSandboxBank({ seed: 7, ...options.sandbox }).listen(0, '127.0.0.1');
  const client = createTrueLayerClient(
    truelayerConfigSchema.parse({
      authUrl: bank.authUrl,
      apiUrl: bank.apiUrl,
      clientId: bank.clientId,
      clientSecret: bank.clientSecret,
      redirectUri: 'http://127.0.0.1/callback',
      retryBaseMs: 5,
      retryMaxMs: 50,
      timeoutMs: 5_000,
      ...options.client,
    }),
  );
  const cipher = createTokenCipher({ test: testTokenKey }, 'test');
  const deps: ImporterDeps = {
    db: database.db,
    bank: client,
    cipher,
    progress: options.progress ?? createInProcessProgressPort(),
    config: importerConfigSchema.parse({ workers: options.workers ?? 4 }),
    logger: silentLogger,
    now: () => new Date(),
  };

  async function connectUser(email: string, user = 'john') {
    const owner = await database.db.user.create({ data: { email, passwordHash: 'not-used' } });
    const issued = bank.issueTokens(user);
    const tokens = {
      accessToken: issued.access_token,
      refreshToken: issued.refresh_token,
      expiresAt: new Date(Date.now() + issued.expires_in * 1000),
      scopes: [],
    };
    const { connection, accounts } = await connectBank(deps, {
      userId: owner.id,
      tokens,
      psuIp: '127.0.0.1',
    });
    return { user: owner, connection, accounts };
  }

  async function plan(input: Omit<PlanImportInput, 'autoEnrich' | 'batchSize'> & Partial<PlanImportInput>) {
    return planImport(deps, { autoEnrich: false, batchSize: 50, psuIp: '127.0.0.1', ...input });
  }

  async function close() {
    await bank.close();
    if (!options.database) await database.drop();
  }

  return { database, db: database.db as Db, bank, client, deps, connectUser, plan, close };
}

/** The stored transactions of some accounts in a comparable form (ids and timestamps of our rows left out). */
export async function storedTransactions(db: Db, accountIds: string[]) {
  const rows = await db.transaction.findMany({
    where: { accountId: { in: accountIds } },
    orderBy: [{ accountId: 'asc' }, { dedupKey: 'asc' }],
    select: {
      accountId: true,
      dedupKey: true,
      status: true,
      bookingDate: true,
      amountMinor: true,
      description: true,
    },
  });
  return rows;
}

/** A date `days` before today on the importer's calendar (Europe/London by default). */
export function daysAgo(days: number): string {
  return addDays(todayIn(londonTimeZone, new Date()), -days);
}
