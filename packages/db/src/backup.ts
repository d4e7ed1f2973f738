import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { providerOf, sqliteFileUrl } from './database-url';
import { listMigrationNames } from './migrate';

export class BackupError extends Error {}

function sqliteFileOf(databaseUrl: string): string {
  if (providerOf(databaseUrl) !== 'sqlite')
    throw new BackupError(
      'this is a PostgreSQL database: back it up with pg_dump -Fc and restore with pg_restore (README, "Backups")',
    );
  return sqliteFileUrl(databaseUrl).replace(/^file:/, '');
}

function migrationsIn(db: Database.Database): string[] {
  const rows = db
    .prepare(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    )
    .all() as { migration_name: string }[];
  return rows.map((row) => row.migration_name);
}

/**
 * A consistent copy of the SQLite database while the server keeps writing: SQLite's online backup API (through
 * better-sqlite3) copies pages and restarts when a write lands mid-copy, so the copy is one committed state, every
 * import batch in it whole, never a file copied under a writer.
 */
export async function backupSqlite(databaseUrl: string, targetFile: string) {
  const source = new Database(sqliteFileOf(databaseUrl), { fileMustExist: true });
  try {
    await source.backup(targetFile);
  } finally {
    source.close();
  }
  const copy = new Database(targetFile, { readonly: true });
  try {
    return { migrations: migrationsIn(copy) };
  } finally {
    copy.close();
  }
}

/**
 * Replaces the database with a backup, after checking that the backup has exactly the migrations this code
 * expects: a file of another schema version is refused (restore it with the code it was made by, then upgrade).
 * Stop the server first; it resumes interrupted imports from their checkpoints when it starts.
 */
export async function restoreSqlite(backupFile: string, databaseUrl: string) {
  if (!existsSync(backupFile)) throw new BackupError(`${backupFile} does not exist`);
  const target = sqliteFileOf(databaseUrl);
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    let found: string[];
    try {
      found = migrationsIn(source);
    } catch {
      throw new BackupError(`${backupFile} is not a backup of this application (no migration ledger)`);
    }
    const expected = [...listMigrationNames(databaseUrl)].sort();
    const missing = expected.filter((name) => !found.includes(name));
    const unknown = found.filter((name) => !expected.includes(name));
    if (missing.length > 0 || unknown.length > 0)
      throw new BackupError(
        `the backup is of another schema version (${[
          missing.length ? `lacks ${missing.join(', ')}` : '',
          unknown.length ? `has ${unknown.join(', ')} this version does not know` : '',
        ]
          .filter(Boolean)
          .join('; ')}): restore it with the version that made it`,
      );
    await source.backup(target);
    return { migrations: found };
  } finally {
    source.close();
  }
}
