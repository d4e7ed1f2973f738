import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from './client';
import { applyMigrations } from './migrate';

export type TestDatabase = { url: string; db: Db; provider: 'sqlite' | 'postgresql'; drop(): Promise<void> };

/**
 * Where PostgreSQL-backed tests run: TEST_POSTGRES_URL names a server (and a database to connect to for
 * CREATE DATABASE). Without it those tests are skipped with that reason, never passed.
 */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL;
export const testProviders = [
  { provider: 'sqlite' as const, skip: false, reason: '' },
  { provider: 'postgresql' as const, skip: !testPostgresUrl, reason: 'TEST_POSTGRES_URL is not set' },
];

/** A fresh, migrated database of its own for one test file (a SQLite file or a new PostgreSQL database). */
export async function createTestDatabase(
  provider: 'sqlite' | 'postgresql' = 'sqlite',
): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spending-test-'));
    const url = `file:${path.join(dir, 'test.db')}`;
    await applyMigrations(url);
    const db = createDb(url);
    return {
      url,
      db,
      provider,
      async drop() {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!testPostgresUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `spending_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  const db = createDb(url.toString());
  return {
    url: url.toString(),
    db,
    provider,
    async drop() {
      await db.$disconnect();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
