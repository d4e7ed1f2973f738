import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { sqliteFileUrl } from './src/database-url';

// The CLI talks to SQLite through the JS engine (adapter): Prisma 7's native engine cannot be downloaded here.
export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFileUrl(process.env.DATABASE_URL) }),
});
