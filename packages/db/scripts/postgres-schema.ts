import { readFileSync } from 'node:fs';

const header = `// GENERATED from prisma/schema.prisma by packages/db/scripts/postgres-schema.ts - do not edit.\n`;

/** The PostgreSQL schema is the SQLite one with the provider and the client output swapped. */
export function toPostgresSchema(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      'output     = "../packages/db/src/generated/sqlite"',
      'output     = "../../packages/db/src/generated/postgres"',
    );
  if (!swapped.includes('"postgresql"') || !swapped.includes('generated/postgres')) {
    throw new Error(
      'prisma/schema.prisma no longer has the provider/output lines postgres-schema.ts rewrites',
    );
  }
  return header + swapped;
}

export function readPostgresSchemaFrom(sqliteSchemaPath: string): string {
  return toPostgresSchema(readFileSync(sqliteSchemaPath, 'utf8'));
}
