import type { Db } from '@app/db';

/** Why schedules of a connection stopped: the bank needs a new or extended consent. */
export const reconsentReason = 'needs_reconsent';

/** What a person reads when a bank no longer accepts the consent: what happened and what to do. */
export function reconnectMessage(providerName: string): string {
  return `The consent you gave ${providerName} has expired or was withdrawn: reconnect ${providerName} on the Banks page (your imported data stays) and imports resume.`;
}

/**
 * The bank refused the consent (expired, revoked): the connection says so and its schedules pause with that
 * reason at once, instead of failing every period until someone notices.
 */
export async function markNeedsReconsent(db: Db, connectionId: string): Promise<void> {
  await db.$transaction([
    db.bankConnection.updateMany({
      where: { id: connectionId, status: 'active' },
      data: { status: 'needs_reconsent' },
    }),
    db.importSchedule.updateMany({
      where: { connectionId, enabled: true },
      data: { enabled: false, pausedReason: reconsentReason },
    }),
  ]);
}

/** Consent renewed: schedules paused for it run again from their next period. */
export async function resumeSchedulesAfterReconsent(db: Db, connectionId: string): Promise<number> {
  const { count } = await db.importSchedule.updateMany({
    where: { connectionId, enabled: false, pausedReason: reconsentReason },
    data: { enabled: true, pausedReason: null },
  });
  return count;
}
