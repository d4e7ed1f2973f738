// Applies pending migrations to DATABASE_URL (SQLite by default, PostgreSQL when it says postgresql://).
import { defaultDatabaseUrl } from '../src/database-url';
import { applyMigrations } from '../src/migrate';

const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;
const applied = await applyMigrations(url);
console.log(
  applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date',
);
