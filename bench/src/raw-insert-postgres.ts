import { performance } from 'node:perf_hooks';
import pg from 'pg';

const rawTable = 'BenchRawTransaction';
const rowsPerStatement = 1_000;
// Every value as the server's text: the rows go back exactly as stored (JSON, timestamps, enums).
const textOnly = { getTypeParser: () => (value: string) => value };

/**
 * The floor for storing an import's rows on PostgreSQL: the rows the importer stored for `jobId`, inserted with
 * multi-row `INSERT ... ON CONFLICT DO NOTHING` in one transaction into a fresh table LIKE "Transaction"
 * (columns, keys, indexes) plus its foreign keys.
 */
export async function measurePostgresRawInsert(
  databaseUrl: string,
  jobId: string,
): Promise<{ rows: number; wallMs: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, types: textOnly });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS "${rawTable}"`);
    await client.query(`CREATE TABLE "${rawTable}" (LIKE "Transaction" INCLUDING ALL)`);
    const { rows: foreignKeys } = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"Transaction"'::regclass AND contype = 'f'`,
    );
    for (const { def } of foreignKeys) await client.query(`ALTER TABLE "${rawTable}" ADD ${def}`);

    const result = await client.query({
      text: 'SELECT * FROM "Transaction" WHERE "importJobId" = $1',
      values: [jobId],
      rowMode: 'array',
    });
    const names = result.fields.map((f) => `"${f.name}"`);
    const rows = result.rows as unknown[][];

    const started = performance.now();
    await client.query('BEGIN');
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const chunk = rows.slice(start, start + rowsPerStatement);
      const tuples = chunk.map(
        (_, r) => `(${names.map((_n, c) => `$${r * names.length + c + 1}`).join(', ')})`,
      );
      await client.query(
        `INSERT INTO "${rawTable}" (${names.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
        chunk.flat(),
      );
    }
    await client.query('COMMIT');
    const wallMs = performance.now() - started;
    await client.query(`DROP TABLE "${rawTable}"`);
    return { rows: rows.length, wallMs };
  } finally {
    await client.end();
  }
}
