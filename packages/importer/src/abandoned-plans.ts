import type { Db } from '@app/db';

/** A plan nobody started within a day was walked away from (the wizard closed, a tab lost). */
export const abandonedPlanMs = 24 * 60 * 60 * 1000;

/**
 * Deletes planned jobs older than a day. A plan holds no transactions and made no bank calls, so nothing is lost;
 * a plan someone starts in the meantime is no longer `planned` and is left alone (the status is in the filter).
 */
export async function discardAbandonedPlans(db: Db, now: Date): Promise<number> {
  const { count } = await db.importJob.deleteMany({
    where: { status: 'planned', createdAt: { lt: new Date(now.getTime() - abandonedPlanMs) } },
  });
  return count;
}
