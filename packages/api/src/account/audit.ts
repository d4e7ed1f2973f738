import type { Db } from '@app/db';

/** What a person can see happened to their account (the account page lists them, newest first). */
export type AuditAction =
  | 'bank.connected'
  | 'bank.removed'
  | 'enrichment.changed'
  | 'import.deleted'
  | 'sign_in.new_address'
  | 'password.changed'
  | 'sessions.ended';

/**
 * Records one event of a person's account. `detail` is for people (a bank's name, a provider's name), never a
 * secret: an API key is recorded as "changed", not its value.
 */
export async function recordAudit(
  db: Db,
  event: { userId: string; action: AuditAction; detail?: string | null; address?: string | null },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      userId: event.userId,
      action: event.action,
      detail: event.detail ?? null,
      address: event.address ?? null,
    },
  });
}

/** Whether this account has been used from this address before (any recorded event or open session). */
export async function isKnownAddress(db: Db, userId: string, address: string): Promise<boolean> {
  const [events, sessions] = await Promise.all([
    db.auditEvent.count({ where: { userId, address } }),
    db.session.count({ where: { userId, address } }),
  ]);
  return events + sessions > 0;
}

export async function listAudit(db: Db, userId: string, limit = 100) {
  return db.auditEvent.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, action: true, detail: true, address: true, createdAt: true },
  });
}
