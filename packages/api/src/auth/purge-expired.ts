import type { Db } from '@app/db';

/** Deletes sessions and OAuth states past their expiry (lookups reject them anyway; this keeps the tables small). */
export async function purgeExpiredAuth(db: Db, now: Date) {
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  const oauthStates = await db.oAuthState.deleteMany({ where: { expiresAt: { lte: now } } });
  return { sessions: sessions.count, oauthStates: oauthStates.count };
}
