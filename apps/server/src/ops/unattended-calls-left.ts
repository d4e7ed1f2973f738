import type { Db } from '@app/db';
import { describeCallBudgets, type ImporterConfig } from '@app/importer';

/**
 * What background work may still call for each active connection now, by the importer's own budget (PSD2:
 * unattended calls per account per rolling 24 h, less the calls kept for the person): the figure the planner
 * and the scheduler act on. A connection is as constrained as its most used account, since a background
 * import calls every one. Providers without a limit are left out.
 */
export async function unattendedCallsLeft(
  db: Db,
  config: ImporterConfig,
  now: Date,
): Promise<Map<string, number>> {
  const connections = await db.bankConnection.findMany({
    where: { status: 'active' },
    select: { id: true, providerId: true, accounts: { select: { id: true } } },
  });
  const left = new Map<string, number>();
  for (const connection of connections) {
    const accountIds = connection.accounts.map((account) => account.id);
    if (accountIds.length === 0) continue;
    const budgets = await describeCallBudgets(db, config, {
      providerId: connection.providerId,
      accountIds,
      now,
    });
    const lefts = [...budgets.values()].map((budget) => budget.left);
    if (lefts.some((value) => value === null)) continue;
    left.set(connection.id, Math.min(...lefts.map((value) => value ?? 0)));
  }
  return left;
}
