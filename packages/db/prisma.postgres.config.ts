import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Used for `generate` and `migrate diff` between schema files, neither of which connects: the JS engine is
// declared only so the CLI does not try to download a native one. Migrations are applied by scripts/migrate.ts
// because the pg adapter breaks `migrate deploy` (see docs/decisions/001-postgres-migrations.md).
export default defineConfig({
  schema: '../../prisma/postgres/schema.prisma',
  migrations: { path: '../../prisma/postgres/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
