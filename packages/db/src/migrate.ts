import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqliteFileUrl } from './database-url';

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../prisma');
const migrationsDir = {
  sqlite: path.join(prismaDir, 'migrations'),
  postgresql: path.join(prismaDir, 'postgres/migrations'),
};

type Migration = { name: string; sql: string; checksum: string };

function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, 'migration.sql'));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}

// Prisma's own bookkeeping table, so `prisma migrate status` / `deploy` agree with what we applied.
const sqliteLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const postgresLedger = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/**
 * Applies the unapplied migrations of the configured database, each in its own transaction, recording them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (see docs/decisions/001-postgres-migrations.md).
 * Returns the names applied. Safe to call concurrently on PostgreSQL (advisory lock).
 */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return providerOf(databaseUrl) === 'postgresql'
    ? applyPostgres(databaseUrl, readMigrations(migrationsDir.postgresql))
    : applySqlite(databaseUrl, readMigrations(migrationsDir.sqlite));
}

/** The migrations this code expects the configured database to have, by name (readiness compares them). */
export function listMigrationNames(databaseUrl: string): string[] {
  const dir = providerOf(databaseUrl) === 'postgresql' ? migrationsDir.postgresql : migrationsDir.sqlite;
  return readMigrations(dir).map((migration) => migration.name);
}

function requireSameChecksum(applied: Map<string, string>, migration: Migration): boolean {
  const checksum = applied.get(migration.name);
  if (checksum === undefined) return false;
  if (checksum !== migration.checksum) {
    throw new Error(`migration ${migration.name} was edited after it was applied (checksum differs)`);
  }
  return true;
}

function applySqlite(databaseUrl: string, migrations: Migration[]): string[] {
  const file = sqliteFileUrl(databaseUrl).replace(/^file:/, '');
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL'); // readers never block the importer's writes; persists in the file
    db.exec(sqliteLedger);
    const rows = db
      .prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL')
      .all();
    const applied = new Map(
      (rows as { migration_name: string; checksum: string }[]).map((r) => [r.migration_name, r.checksum]),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      if (requireSameChecksum(applied, migration)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES (?, ?, ?, current_timestamp, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name);
      })();
      done.push(migration.name);
    }
    return done;
  } finally {
    db.close();
  }
}

async function applyPostgres(databaseUrl: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(72707369)'); // the same key Prisma's migrate uses
    await client.query(postgresLedger);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const migration of migrations) {
      if (requireSameChecksum(applied, migration)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock(72707369)').catch(() => undefined);
    await client.end();
  }
}
