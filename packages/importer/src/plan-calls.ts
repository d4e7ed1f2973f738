import type { Db } from '@app/db';
import { splitDateRange } from '@app/truelayer';
import { readCallLedger, startTimeFor, summariseBudget, unattendedLimitFor } from './call-budget';
import type { ImporterConfig } from './config';
import { reachesPending } from './pending-window';

/** What the planner tells a person about one account's bank calls (stored with the plan as JSON: ISO dates). */
export type AccountCallPlan = {
  accountId: string;
  /** Calls this job makes for the account: one per date window, one for the pending list. */
  needed: number;
  /** The person is present: the bank does not count these calls. */
  attended: boolean;
  limit: number | null;
  reserve: number;
  /** Unattended calls the bank counted in the last 24 h, and what background work may still use today. */
  used: number;
  left: number | null;
  nextFreeAt: string | null;
  /** When the account will run, if it does not fit today's budget; null when it runs at once. */
  deferredUntil: string | null;
};

/** Each account's calls against its unattended budget; what does not fit is deferred until it does. */
export async function planCalls(
  db: Db,
  config: ImporterConfig,
  input: {
    providerId: string;
    accountIds: string[];
    range: { from: string; to: string };
    today: string;
    attended: boolean;
    now: Date;
  },
): Promise<AccountCallPlan[]> {
  const needed =
    splitDateRange(input.range, config.windowDays).length +
    (reachesPending(input.range.to, input.today) ? 1 : 0);
  const limit = unattendedLimitFor(config, input.providerId);
  const reserve = config.reservedCalls;
  const ledger = await readCallLedger(db, input.accountIds, input.now);
  return input.accountIds.map((accountId) => {
    const calls = ledger.get(accountId) ?? [];
    const budget = summariseBudget(calls, { limit, reserve, now: input.now });
    const deferredUntil = input.attended
      ? null
      : startTimeFor(calls, { limit, reserve, needed, now: input.now });
    return {
      accountId,
      needed,
      attended: input.attended,
      limit,
      reserve,
      used: budget.used,
      left: budget.left,
      nextFreeAt: budget.nextFreeAt?.toISOString() ?? null,
      deferredUntil: deferredUntil?.toISOString() ?? null,
    };
  });
}
