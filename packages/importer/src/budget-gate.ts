import type { Db } from '@app/db';
import { readCallLedger, startTimeFor, unattendedLimitFor } from './call-budget';
import type { ImporterConfig } from './config';

/** Asks the ledger before unattended bank calls: null means go ahead, a date means wait until then. */
export type BudgetGate = {
  /** Before an account starts with `needed` calls ahead of it. */
  beforeAccount(accountId: string, needed: number): Promise<Date | null>;
  /** Before each further call. */
  beforeCall(accountId: string): Promise<Date | null>;
};

/** The gate for a run nobody attends; none when the provider sets no limit. */
export async function createBudgetGate(
  deps: { db: Db; config: ImporterConfig; now: () => Date },
  connectionId: string,
): Promise<BudgetGate | null> {
  const { providerId } = await deps.db.bankConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { providerId: true },
  });
  const limit = unattendedLimitFor(deps.config, providerId);
  if (limit === null) return null;
  const waitFor = async (accountId: string, needed: number) => {
    const now = deps.now();
    const ledger = await readCallLedger(deps.db, [accountId], now);
    return startTimeFor(ledger.get(accountId) ?? [], {
      limit,
      reserve: deps.config.reservedCalls,
      needed,
      now,
    });
  };
  return { beforeAccount: waitFor, beforeCall: (accountId) => waitFor(accountId, 1) };
}
