import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's runtime data directory (the SQLite file lives there too). */
const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));
const keyFile = path.join(dataDir, 'dev-token-key');

/**
 * A development-only token key, made once and kept in data/dev-token-key so tokens stored by one run can be
 * read by the next. The directory ignores itself for git, so the key is never committed.
 */
export function readOrCreateDevTokenKey(): {
  keys: Record<string, string>;
  currentKeyId: string;
  created: boolean;
  file: string;
} {
  mkdirSync(dataDir, { recursive: true });
  const ignore = path.join(dataDir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  let created = false;
  if (!existsSync(keyFile)) {
    // Written aside, then linked into place: of processes starting together exactly one link succeeds, and none
    // can read a half-written key, so they all share one.
    const aside = `${keyFile}.${process.pid}`;
    writeFileSync(aside, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    try {
      linkSync(aside, keyFile);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
  }
  const key = readFileSync(keyFile, 'utf8').trim();
  return { keys: { dev: key }, currentKeyId: 'dev', created, file: keyFile };
}
