import pg from 'pg';

/**
 * pg's pool for Prisma's PostgreSQL adapter, with one guard: a connection that dies while checked out (a server
 * restart or failover, `pg_terminate_backend`, an idle-in-transaction timeout) leaves the pool at once. The
 * adapter releases a transaction's connection only after its ROLLBACK succeeds, which cannot happen on a dead
 * connection, so without this every such death would hold a pool slot forever: the pool ends up exhausted and
 * `$disconnect()` never returns.
 */
export function createPgPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.once('end', () => {
      if (!checkedOut.has(client)) return;
      const release = client.release;
      client.release = () => undefined; // a late release by the adapter is harmless now
      release(new Error('the database connection ended while in use'));
    });
  });
  return pool;
}
