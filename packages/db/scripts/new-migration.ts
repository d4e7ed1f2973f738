// Usage: pnpm --filter @app/db migration:new <name>
// Writes one migration per provider: the SQL that turns the schema of the last migration into the current one.
// Each migrations folder keeps `schema.snapshot.prisma`, the schema its migrations produce, so the diff needs
// no shadow database (the adapters' shadow-database support is what breaks offline, see docs/decisions/001).
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrationDirs, postgresSchemaPath, runPrisma, sqliteSchemaPath } from './prisma-cli';
import { readPostgresSchemaFrom } from './postgres-schema';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: migration:new <name> (lowercase letters, digits, underscores)');
  process.exit(1);
}
writeFileSync(postgresSchemaPath, readPostgresSchemaFrom(sqliteSchemaPath));
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const targets = [
  { provider: 'sqlite', schema: sqliteSchemaPath, config: 'sqlite' },
  { provider: 'postgresql', schema: postgresSchemaPath, config: 'postgres' },
] as const;
for (const { provider, schema, config } of targets) {
  const dir = migrationDirs[provider];
  const snapshot = path.join(dir, 'schema.snapshot.prisma');
  const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  const sql = runPrisma(['migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'], config);
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/i.test(sql)) {
    console.log(`${provider}: schema unchanged, no migration written`);
    continue;
  }
  const folder = path.join(dir, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'migration.sql'), sql);
  writeFileSync(path.join(dir, 'migration_lock.toml'), `provider = "${provider}"\n`);
  copyFileSync(schema, snapshot);
  console.log(`${provider}: wrote ${path.relative(process.cwd(), folder)}`);
}
