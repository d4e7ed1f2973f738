import type { Db } from '@app/db';

/** The person's open sessions, the one asking marked `current`. Ids are the token hashes: no token is exposed. */
export async function listSessions(db: Db, userId: string, currentSessionId: string | null, now: Date) {
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: [{ createdAt: 'desc' }],
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, address: true },
  });
  return rows.map((row) => ({ ...row, current: row.id === currentSessionId }));
}

/** Ends every session of the person but `keep` (sign out everywhere else; a password change). Returns how many. */
export async function endOtherSessions(db: Db, userId: string, keep: string | null): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keep ? { id: { not: keep } } : {}) },
  });
  return count;
}
