import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { providerOf, sqliteFileUrl, type DatabaseProvider } from './database-url';
import { createPgPool } from './pg-pool';

/**
 * The one Prisma client type the rest of the code sees. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is written from prisma/schema.prisma), so they are interchangeable.
 */
export type Db = SqliteClient;
/** A client or an interactive transaction: data functions take either. */
export type DbTx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** The only place a Prisma client is constructed: SQLite or PostgreSQL, chosen by the URL. */
export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === 'postgresql') {
    const adapter = new PrismaPg(createPgPool(databaseUrl), { disposeExternalPool: true });
    const client = new PostgresClient({ adapter });
    return client as unknown as Db;
  }
  // timeout: how long a writer waits for SQLite's lock (another process, e.g. a worker) before SQLITE_BUSY
  return new SqliteClient({
    adapter: new PrismaBetterSQLite3({ url: sqliteFileUrl(databaseUrl), timeout: 15_000 }),
  });
}

/**
 * Which database a client, an extended client or a transaction speaks to, for the few statements written in SQL.
 * Prisma keeps it on the client as `_activeProvider` (internal, so checked here; both test suites would fail too).
 */
export function providerOfDb(db: DbTx): DatabaseProvider {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider !== 'sqlite' && provider !== 'postgresql')
    throw new Error(`unknown Prisma provider ${String(provider)}`);
  return provider;
}
