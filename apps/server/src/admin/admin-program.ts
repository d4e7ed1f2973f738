import {
  applyMigrations,
  BackupError,
  backupSqlite,
  createDb,
  createTokenCipher,
  restoreSqlite,
  type Db,
} from '@app/db';
import { purgeRawArchive } from '@app/importer';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { Env } from '../env';
import { describeEffectiveConfig } from '../ops/effective-config';
import { AdminCommandError } from './admin-command-error';
import { createUser } from './create-user';
import { rotateTokenKey } from './rotate-token-key';

export type AdminIo = {
  env: Env;
  print(line: string): void;
  printError(line: string): void;
  /** The whole of standard input (passwords come this way, never as arguments: `ps` shows those). */
  readStdin(): Promise<string>;
  now?: () => Date;
};

async function withDb<T>(env: Env, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(env.DATABASE_URL);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('a whole number of days, 1 or more');
  return parsed;
}

function requireRealKeys(env: Env) {
  const keys = env.TOKEN_ENCRYPTION_KEYS;
  const currentKeyId = env.TOKEN_ENCRYPTION_KEY_ID ?? Object.keys(keys ?? {})[0];
  if (!keys || !currentKeyId)
    throw new AdminCommandError(
      'set TOKEN_ENCRYPTION_KEYS to the old and the new key (old:…,new:…) and TOKEN_ENCRYPTION_KEY_ID to the new one',
    );
  return createTokenCipher(keys, currentKeyId);
}

function createAdminProgram(io: AdminIo): Command {
  const { env, print } = io;
  const now = io.now ?? (() => new Date());
  const program = new Command('admin')
    .description('Operate the spending import server (reads the same environment as the server).')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => print(text.trimEnd()),
      writeErr: (text) => io.printError(text.trimEnd()),
    });

  program
    .command('config')
    .description('print the effective configuration, secrets masked')
    .action(() => describeEffectiveConfig(env).forEach((line) => print(line)));

  program
    .command('migrate')
    .description('apply the migrations DATABASE_URL lacks')
    .action(async () => {
      const applied = await applyMigrations(env.DATABASE_URL);
      print(applied.length === 0 ? 'the database is up to date' : `applied: ${applied.join(', ')}`);
    });

  program
    .command('create-user')
    .description('create a user; the password is read from standard input')
    .requiredOption('--email <email>', 'their sign-in email')
    .option('--name <name>', 'their display name')
    .action(async (options: { email: string; name?: string }) => {
      const password = (await io.readStdin()).replace(/\r?\n$/, '');
      const user = await withDb(env, (db) => createUser(db, { ...options, password }));
      print(`created user ${user.id} (${user.email})`);
    });

  program
    .command('rotate-token-key')
    .description(
      're-encrypt every stored bank token with TOKEN_ENCRYPTION_KEY_ID; configure the old and new keys everywhere first, drop the old one after',
    )
    .action(async () => {
      const cipher = requireRealKeys(env);
      const report = await withDb(env, (db) => rotateTokenKey(db, cipher));
      print(
        `connections: ${report.connections}, re-encrypted: ${report.reencrypted}, already current: ${report.alreadyCurrent}`,
      );
      for (const failure of report.failed)
        io.printError(`connection ${failure.connectionId}: ${failure.reason}`);
      if (report.failed.length > 0)
        throw new AdminCommandError(
          `${report.failed.length} connection(s) could not be decrypted with any configured key`,
        );
    });

  program
    .command('prune-raw-archives')
    .description('delete raw bank responses older than the retention (RAW_ARCHIVE_RETENTION_DAYS)')
    .option('--older-than-days <days>', 'override the retention', positiveInt)
    .action(async (options: { olderThanDays?: number }) => {
      const retentionDays = options.olderThanDays ?? env.RAW_ARCHIVE_RETENTION_DAYS;
      const deleted = await withDb(env, (db) => purgeRawArchive(db, { days: retentionDays, now: now() }));
      print(`deleted ${deleted} raw response(s) older than ${retentionDays} days`);
    });

  program
    .command('backup')
    .description(
      'write a consistent copy of the SQLite database while the server runs (PostgreSQL: use pg_dump)',
    )
    .requiredOption('--to <file>', 'the backup file to write')
    .action(async (options: { to: string }) => {
      const { migrations } = await asAdminError(() => backupSqlite(env.DATABASE_URL, options.to));
      print(`backed up to ${options.to} (schema: ${migrations.at(-1) ?? 'none'})`);
    });

  program
    .command('restore')
    .description('replace the SQLite database with a backup of this schema version (stop the server first)')
    .requiredOption('--from <file>', 'the backup file to read')
    .action(async (options: { from: string }) => {
      await asAdminError(() => restoreSqlite(options.from, env.DATABASE_URL));
      print(
        `restored from ${options.from}; start the server: interrupted imports resume from their checkpoints`,
      );
    });

  return program;
}

async function asAdminError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new AdminCommandError(error.message);
    throw error;
  }
}

/** Runs one admin command; resolves to the process exit code. */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  try {
    await createAdminProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // commander printed the usage problem
    if (error instanceof AdminCommandError) {
      io.printError(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
