export { createDb, providerOfDb, type Db, type DbTx } from './client';
export {
  findStoredTransactions,
  insertTransactions,
  type NewTransactionRow,
  type StoredTransactionRow,
} from './transaction-batch';
export { defaultDatabaseUrl, providerOf, type DatabaseProvider } from './database-url';
export { applyMigrations, listMigrationNames } from './migrate';
export { backupSqlite, BackupError, restoreSqlite } from './backup';
export { isUniqueViolation } from './unique-violation';
export { createTokenCipher, TokenDecryptionError, type TokenCipher } from './token-cipher';
export { Prisma } from './generated/sqlite/client';
export * from './generated/sqlite/enums';
export type * from './generated/sqlite/client';
