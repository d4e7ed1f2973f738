import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureUser } from '@app/api';
import { createDb, listMigrationNames } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The README's PostgreSQL backup (pg_dump -Fc, then pg_restore into an empty database) brings back the data and
// the migration ledger the server checks at start.

const postgresUrl = process.env.TEST_POSTGRES_URL;
const tools = existsSync('/usr/bin/pg_dump') && existsSync('/usr/bin/pg_restore');

describe.skipIf(!postgresUrl || !tools)('a PostgreSQL backup with pg_dump and pg_restore', () => {
  let source: TestDatabase;
  let dir: string;
  const restoredName = `restored_${randomUUID().replace(/-/g, '')}`;
  const restoredUrl = () => {
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${restoredName}`;
    return url.toString();
  };
  beforeAll(async () => {
    source = await createTestDatabase('postgresql');
    dir = mkdtempSync(path.join(tmpdir(), 'spending-pg-backup-'));
  });
  afterAll(async () => {
    await source?.drop();
    execFileSync('psql', [postgresUrl ?? '', '-qc', `DROP DATABASE IF EXISTS ${restoredName}`]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('restores the rows and the migration ledger', async () => {
    await ensureUser(source.db, {
      email: 'kept@example.test',
      password: 'correct horse battery',
      name: 'Kept',
    });
    const dump = path.join(dir, 'spending.dump');
    execFileSync('pg_dump', ['-Fc', '-f', dump, source.url]);
    execFileSync('psql', [postgresUrl ?? '', '-qc', `CREATE DATABASE ${restoredName}`]);
    execFileSync('pg_restore', ['--no-owner', '-d', restoredUrl(), dump]);

    const restored = createDb(restoredUrl());
    try {
      expect(await restored.user.findUnique({ where: { email: 'kept@example.test' } })).toMatchObject({
        name: 'Kept',
      });
      const ledger = await restored.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(ledger.map((row) => row.migration_name)).toEqual([...listMigrationNames(restoredUrl())].sort());
    } finally {
      await restored.$disconnect();
    }
  });
});
