import { createHash, randomBytes } from 'node:crypto';
import type { Db, Prisma } from '@app/db';

export const sessionUserSelect = { id: true, email: true, name: true } satisfies Prisma.UserSelect;
export type SessionUser = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

/** Sessions are stored by the SHA-256 of their token, so a leaked table cannot be replayed. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  userId: string,
  options: { ttlMs: number; now: Date; userAgent?: string | null; address?: string | null },
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + options.ttlMs);
  const session = await db.session.create({
    data: {
      id: hashSessionToken(token),
      userId,
      expiresAt,
      lastSeenAt: options.now,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
      address: options.address ?? null,
    },
  });
  return { token, sessionId: session.id, expiresAt };
}

const lastSeenResolutionMs = 5 * 60_000;

/** The session's user, or null; an expired session is deleted on the way. */
export async function findSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ sessionId: string; user: SessionUser } | null> {
  const session = await db.session.findUnique({
    where: { id: hashSessionToken(token) },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: sessionUserSelect } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  // "last used" for the sessions page, written at most every few minutes rather than on every request
  if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > lastSeenResolutionMs)
    await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  return { sessionId: session.id, user: session.user };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
