import type { Db } from '@app/db';
import { ConnectionNotFoundError } from '@app/importer';

/** The user's connection, or CONNECTION_NOT_FOUND (also for another user's: we never say "forbidden"). */
export async function requireConnection(db: Db, userId: string, connectionId: string) {
  const connection = await db.bankConnection.findFirst({
    where: { id: connectionId, userId },
    select: { id: true },
  });
  if (!connection) throw new ConnectionNotFoundError(connectionId);
  return connection;
}
