import type { Db } from '@app/db';

/** The calendar month (UTC) that `now` falls in, as its first instant and its `YYYY-MM` name. */
export function monthOf(now: Date): { start: Date; name: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { start, name: start.toISOString().slice(0, 7) };
}

/** The user's enrichment spending this month against their monthly cap (micro-dollars; null: no cap). */
export async function describeMonthlyBudget(db: Db, userId: string, now: Date) {
  const month = monthOf(now);
  const [user, spent] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { enrichmentMonthlyCapMicros: true } }),
    db.enrichmentJob.aggregate({
      where: { userId, createdAt: { gte: month.start } },
      _sum: { costMicros: true },
    }),
  ]);
  const capMicros = user.enrichmentMonthlyCapMicros;
  const spentMicros = spent._sum.costMicros ?? 0;
  return {
    month: month.name,
    capMicros,
    spentMicros,
    remainingMicros: capMicros === null ? null : Math.max(0, capMicros - spentMicros),
  };
}

export type MonthlyBudget = Awaited<ReturnType<typeof describeMonthlyBudget>>;

/**
 * Sets (or, with null, removes) the monthly cap. Returns the import jobs whose enrichment stopped at a cap and
 * still has transactions to enrich, so the caller can resume them when the cap went up.
 */
export async function setMonthlyCap(db: Db, userId: string, capMicros: number | null) {
  const before = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { enrichmentMonthlyCapMicros: true },
  });
  await db.user.update({ where: { id: userId }, data: { enrichmentMonthlyCapMicros: capMicros } });
  const previous = before.enrichmentMonthlyCapMicros;
  const raised = capMicros === null ? previous !== null : previous !== null && capMicros > previous;
  if (!raised) return { raised, importJobIds: [] };
  const capped = await db.enrichmentJob.findMany({
    where: { userId, status: 'capped', importJobId: { not: null } },
    select: { importJobId: true },
    distinct: ['importJobId'],
  });
  const importJobIds: string[] = [];
  for (const { importJobId } of capped) {
    if (importJobId && (await db.transaction.count({ where: { importJobId, enrichedAt: null } })) > 0)
      importJobIds.push(importJobId);
  }
  return { raised, importJobIds };
}
