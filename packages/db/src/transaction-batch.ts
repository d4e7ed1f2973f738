import { v7 as timeOrderedUuid } from 'uuid';
import { providerOfDb, type DbTx } from './client';
import type { DatabaseProvider } from './database-url';

/**
 * An import batch's two statements on "Transaction", in SQL. Prisma 6's query compiler builds a plan per query with
 * every value inlined, so a 50-row createMany with the bank's raw JSON costs ~35 ms of compiling, 75% of an import
 * (bench/ ingest-rate profile). Here each statement's text depends only on the row count and the values travel as
 * bound parameters, which Prisma hands to the driver as they are.
 */

export type NewTransactionRow = {
  accountId: string;
  dedupKey: string;
  dedupRule: string;
  providerTransactionId: string;
  normalisedProviderId: string | null;
  providerId: string | null;
  status: 'booked' | 'pending';
  bookingDate: string;
  bankTimestamp: string;
  amountMinor: number;
  currency: string;
  direction: string;
  description: string;
  merchantName: string | null;
  /** Optional for callers predating issue #16: null, 'transaction_type' and null then. */
  payee?: string | null;
  directionRule?: string;
  providerMeta?: unknown;
  providerCategory: string;
  providerClassification: unknown;
  raw: unknown;
  importJobId: string | null;
};

export type StoredTransactionRow = {
  id: string;
  dedupKey: string;
  status: 'booked' | 'pending';
  bookingDate: string;
  amountMinor: number;
  description: string;
  merchantName: string | null;
};

const valueColumns = [
  'id',
  'accountId',
  'dedupKey',
  'dedupRule',
  'providerTransactionId',
  'normalisedProviderId',
  'providerId',
  'status',
  'bookingDate',
  'bankTimestamp',
  'amountMinor',
  'currency',
  'direction',
  'description',
  'merchantName',
  'payee',
  'directionRule',
  'providerMeta',
  'providerCategory',
  'providerClassification',
  'raw',
  'importJobId',
  'createdAt',
  'updatedAt',
] as const;
/** Rows per statement: within both databases' limits on parameters (SQLite 32,766; PostgreSQL 65,535). */
const rowsPerStatement = 1000;

const insertStatements = new Map<string, string>();

/** The INSERT for `count` rows, written once per count (batches have a handful of sizes). */
function insertStatement(provider: DatabaseProvider, count: number): string {
  const key = `${provider}:${count}`;
  const written = insertStatements.get(key);
  if (written !== undefined) return written;
  let next = 0;
  const param = (cast = '') => (provider === 'sqlite' ? '?' : `$${(next += 1)}${cast}`);
  // PostgreSQL: Prisma keeps DateTime in timestamp(3) without a zone, as UTC.
  const casts: Partial<Record<(typeof valueColumns)[number], string>> =
    provider === 'sqlite'
      ? {}
      : {
          status: '::"TransactionStatus"',
          amountMinor: '::integer',
          providerClassification: '::jsonb',
          providerMeta: '::jsonb',
          raw: '::jsonb',
          createdAt: "::timestamptz AT TIME ZONE 'UTC'",
          updatedAt: "::timestamptz AT TIME ZONE 'UTC'",
        };
  const rows = Array.from(
    { length: count },
    () => `(${valueColumns.map((c) => param(casts[c])).join(', ')})`,
  );
  const sql = `INSERT INTO "Transaction" (${valueColumns.map((c) => `"${c}"`).join(', ')})
VALUES ${rows.join(',\n')}
ON CONFLICT ("accountId", "dedupKey") DO NOTHING
RETURNING "dedupKey"`;
  insertStatements.set(key, sql);
  return sql;
}

const storedColumns = `"id", "dedupKey", "status", "bookingDate", "amountMinor", "description", "merchantName"`;
const sqliteSelectStored = `SELECT ${storedColumns} FROM "Transaction"
WHERE "accountId" = ? AND "dedupKey" IN (SELECT value FROM json_each(?))`;
const postgresSelectStored = `SELECT ${storedColumns.replace('"status"', '"status"::text AS "status"')} FROM "Transaction"
WHERE "accountId" = $1 AND "dedupKey" IN (SELECT jsonb_array_elements_text($2::jsonb))`;

/**
 * Inserts the rows (one statement per thousand), skipping any whose (accountId, dedupKey) is stored already: another
 * job may have stored it since the caller looked. Returns the dedup keys actually inserted.
 */
export async function insertTransactions(
  tx: DbTx,
  rows: NewTransactionRow[],
  now: Date,
): Promise<Set<string>> {
  const provider = providerOfDb(tx);
  // Prisma's own text form of a DateTime in SQLite, so rows written here read back like rows it wrote.
  const at = provider === 'sqlite' ? now.toISOString().replace('Z', '+00:00') : now.toISOString();
  const inserted = new Set<string>();
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const values = chunk.flatMap((row) => {
      const record: Record<(typeof valueColumns)[number], unknown> = {
        ...row,
        payee: row.payee ?? null,
        directionRule: row.directionRule ?? 'transaction_type',
        // Time-ordered, so a batch appends to the id index instead of dirtying a random page per row. (A UUIDv7, unlike
        // the cuids Prisma writes elsewhere: ids say nothing about the order rows were stored in across the two.)
        id: timeOrderedUuid(),
        providerClassification: JSON.stringify(row.providerClassification),
        // SQL NULL, not the JSON text "null", when the bank sent no meta.
        providerMeta:
          row.providerMeta === null || row.providerMeta === undefined
            ? null
            : JSON.stringify(row.providerMeta),
        raw: JSON.stringify(row.raw),
        createdAt: at,
        updatedAt: at,
      };
      return valueColumns.map((column) => record[column]);
    });
    const returned = await tx.$queryRawUnsafe<{ dedupKey: string }[]>(
      insertStatement(provider, chunk.length),
      ...values,
    );
    for (const { dedupKey } of returned) inserted.add(dedupKey);
  }
  return inserted;
}

/** The stored transactions of an account among the given dedup keys, with what a batch compares. */
export async function findStoredTransactions(
  tx: DbTx,
  accountId: string,
  dedupKeys: string[],
): Promise<StoredTransactionRow[]> {
  if (dedupKeys.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<StoredTransactionRow[]>(
    providerOfDb(tx) === 'sqlite' ? sqliteSelectStored : postgresSelectStored,
    accountId,
    JSON.stringify(dedupKeys),
  );
  // Raw results carry the driver's integer type (a bigint on some drivers); amounts are within Number's range.
  return rows.map((row) => ({ ...row, amountMinor: Number(row.amountMinor) }));
}
