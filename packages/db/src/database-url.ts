import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The embedded default: a SQLite file under the project, so a fresh clone runs with no services. */
export const defaultDatabaseUrl = `file:${path.join(repoRoot, 'data', 'spending.db')}`;

export type DatabaseProvider = 'sqlite' | 'postgresql';

export function providerOf(url: string): DatabaseProvider {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)`);
}

/** better-sqlite3 wants a path; relative `file:` paths are taken from the repository root. */
export function sqliteFileUrl(url: string | undefined): string {
  const raw = (url ?? defaultDatabaseUrl).replace(/^file:/, '');
  return `file:${path.isAbsolute(raw) ? raw : path.join(repoRoot, raw)}`;
}
