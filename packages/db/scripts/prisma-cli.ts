import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const dbPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(dbPackageDir, '../..');
export const sqliteSchemaPath = path.join(repoRoot, 'prisma/schema.prisma');
export const postgresSchemaPath = path.join(repoRoot, 'prisma/postgres/schema.prisma');
export const migrationDirs = {
  sqlite: path.join(repoRoot, 'prisma/migrations'),
  postgresql: path.join(repoRoot, 'prisma/postgres/migrations'),
} as const;

/** Runs the Prisma CLI with a config file; returns stdout. */
export function runPrisma(args: string[], config: 'sqlite' | 'postgres'): string {
  return execFileSync('pnpm', ['exec', 'prisma', ...args, '--config', `prisma.${config}.config.ts`], {
    cwd: dbPackageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      // generate and diff need a DATABASE_URL the adapter accepts, or the CLI tries to download a native engine;
      // they change nothing there (diff between schema files only reads the server version).
      DATABASE_URL:
        config === 'sqlite'
          ? `file:${path.join(os.tmpdir(), 'prisma-cli.db')}`
          : (process.env.PRISMA_CLI_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      NODE_OPTIONS: `--require ${path.join(dbPackageDir, 'scripts/unref-timers.cjs')}`,
    },
  });
}
