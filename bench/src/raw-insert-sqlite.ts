import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';

type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
type ForeignKey = { table: string; from: string; to: string; on_update: string; on_delete: string };

const rawTable = 'BenchRawTransaction';

/**
 * The floor for storing an import's rows: the rows the importer stored for `jobId`, read back as stored, inserted
 * with one prepared statement into a fresh table with the same columns, keys, foreign keys and indexes as
 * "Transaction" (derived from the live schema), on the same database file and journal mode. In one transaction, or
 * committed every `rowsPerCommit` rows, as an import commits every batch.
 */
export function measureSqliteRawInsert(
  databaseUrl: string,
  jobId: string,
  rowsPerCommit = Number.POSITIVE_INFINITY,
): { rows: number; wallMs: number } {
  const db = new Database(databaseUrl.replace(/^file:/, ''));
  try {
    createRawTable(db);
    const select = db.prepare('SELECT * FROM "Transaction" WHERE "importJobId" = ?');
    const names = select.columns().map((c) => c.name);
    const rows = select.raw().all(jobId) as unknown[][];
    const insert = db.prepare(
      `INSERT INTO "${rawTable}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    );
    const insertAll = db.transaction((all: unknown[][]) => {
      for (const row of all) insert.run(row);
    });
    const started = performance.now();
    for (let start = 0; start < rows.length; start += rowsPerCommit)
      insertAll(rows.slice(start, start + rowsPerCommit));
    const wallMs = performance.now() - started;
    db.exec(`DROP TABLE "${rawTable}"`);
    return { rows: rows.length, wallMs };
  } finally {
    db.close();
  }
}

function createRawTable(db: Database.Database) {
  const columns = db.prepare('PRAGMA table_info("Transaction")').all() as Column[];
  const foreignKeys = db.prepare('PRAGMA foreign_key_list("Transaction")').all() as ForeignKey[];
  const definitions = [
    ...columns.map(
      (c) =>
        `"${c.name}" ${c.type}${c.pk ? ' PRIMARY KEY' : ''}${c.notnull ? ' NOT NULL' : ''}${c.dflt_value === null ? '' : ` DEFAULT ${c.dflt_value}`}`,
    ),
    ...foreignKeys.map(
      (fk) =>
        `FOREIGN KEY ("${fk.from}") REFERENCES "${fk.table}" ("${fk.to}") ON DELETE ${fk.on_delete} ON UPDATE ${fk.on_update}`,
    ),
  ];
  db.exec(`DROP TABLE IF EXISTS "${rawTable}"`);
  db.exec(`CREATE TABLE "${rawTable}" (${definitions.join(', ')})`);
  const indexes = db
    .prepare(
      `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Transaction' AND sql IS NOT NULL`,
    )
    .all() as { sql: string }[];
  for (const { sql } of indexes) {
    db.exec(sql.replaceAll('"Transaction_', `"${rawTable}_`).replace('ON "Transaction"', `ON "${rawTable}"`));
  }
}
