// Writes the PostgreSQL schema from the SQLite one and generates both Prisma clients.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { postgresSchemaPath, runPrisma, sqliteSchemaPath } from './prisma-cli';
import { readPostgresSchemaFrom } from './postgres-schema';

mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
writeFileSync(postgresSchemaPath, readPostgresSchemaFrom(sqliteSchemaPath));
runPrisma(['generate'], 'sqlite');
runPrisma(['generate'], 'postgres');
console.log('generated the SQLite and PostgreSQL clients');
