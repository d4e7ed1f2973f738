import { randomBytes } from 'node:crypto';
import { applyMigrations, createDb, type Db } from '@app/db';
import { createTestDatabase } from '@app/db/testing';
import pg from 'pg';
import { benchEnv } from './env';

export type BenchProvider = 'sqlite' | 'postgresql';
export type BenchDatabase = { provider: BenchProvider; url: string; db: Db; drop(): Promise<void> };

/** The providers this run measures: SQLite always, PostgreSQL when BENCH_POSTGRES_URL names a server. */
export function benchProviders(): BenchProvider[] {
  return benchEnv.BENCH_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite'];
}

/** A fresh, migrated database for one benchmark: a SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function createBenchDatabase(provider: BenchProvider): Promise<BenchDatabase> {
  if (provider === 'sqlite') {
    const { url, db, drop } = await createTestDatabase('sqlite');
    return { provider, url, db, drop };
  }
  const serverUrl = benchEnv.BENCH_POSTGRES_URL;
  if (!serverUrl) throw new Error('BENCH_POSTGRES_URL is not set');
  const name = `spending_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const db = createDb(url.toString());
  return {
    provider,
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
