import { listMigrationNames, type Db } from '@app/db';
import type { ReadinessCheck } from './readiness';

/** The database answers a query. */
export function databaseReachable(db: Db): ReadinessCheck {
  return {
    name: 'database',
    async run() {
      await db.$queryRaw`SELECT 1`;
      return { ok: true };
    },
  };
}

/**
 * Every migration folder this code ships is applied (`_prisma_migrations`). Applied migrations the code does
 * not know are reported but allowed: during a rolling deploy the new version migrates first, and the old one
 * keeps serving until it is replaced.
 */
export function databaseMigrated(db: Db, databaseUrl: string): ReadinessCheck {
  const expected = listMigrationNames(databaseUrl);
  return {
    name: 'migrations',
    async run() {
      const rows = await db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const applied = new Set(rows.map((row) => row.migration_name));
      const pending = expected.filter((name) => !applied.has(name));
      const unknown = [...applied].filter((name) => !expected.includes(name)).sort();
      return pending.length === 0
        ? { ok: true, applied: applied.size, ...(unknown.length > 0 ? { unknown } : {}) }
        : {
            ok: false,
            reason: `${pending.length} migration(s) not applied (run: pnpm --filter @app/server admin migrate)`,
            pending,
          };
    },
  };
}
