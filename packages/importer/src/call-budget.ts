import type { Db } from '@app/db';
import type { ImporterConfig } from './config';

const dayMs = 86_400_000;
/**
 * We record a call when its batch commits, a moment after the bank counted it, and our clock is not the bank's:
 * a call is counted for this much longer than 24 h, so we never believe a slot is free before the bank does.
 */
export const budgetMarginMs = 60_000;
const windowMs = dayMs + budgetMarginMs;

/** The unattended-call budget of one account as it stands now (PSD2: calls without the user present). */
export type CallBudget = {
  /** Unattended calls the provider accepts per rolling 24 h; null when it sets no limit. */
  limit: number | null;
  /** Calls background work leaves for the person's own refresh. */
  reserve: number;
  /** Unattended calls that reached the bank in the window. */
  used: number;
  /** Calls background work may still make now: limit − reserve − used, never below 0; null without a limit. */
  left: number | null;
  /** When the oldest counted call leaves the window (a call frees up); null when none counts. */
  nextFreeAt: Date | null;
  /** 429s the bank answered in the window. */
  rateLimited: number;
};

type LedgerCall = { at: Date; status: number; rateLimited: boolean };

export function unattendedLimitFor(config: ImporterConfig, providerId: string): number | null {
  const byProvider = config.unattendedCallsByProvider;
  return Object.hasOwn(byProvider, providerId)
    ? (byProvider[providerId] ?? null)
    : config.unattendedCallsPerDay;
}

/** A 401 (token refresh) or a 429 never reached the bank's count; everything else might have, so it counts. */
function counts(call: LedgerCall): boolean {
  return call.status !== 401 && !call.rateLimited;
}

function usableOf(limit: number, reserve: number): number {
  return Math.max(0, limit - reserve);
}

/** The budget of one account from its ledger rows of the window, oldest first. */
export function summariseBudget(
  calls: LedgerCall[],
  input: { limit: number | null; reserve: number; now: Date },
): CallBudget {
  const since = input.now.getTime() - windowMs;
  const recent = calls.filter((c) => c.at.getTime() > since);
  const counted = recent.filter(counts).sort((a, b) => a.at.getTime() - b.at.getTime());
  const oldest = counted[0];
  const used = counted.length;
  return {
    limit: input.limit,
    reserve: input.reserve,
    used,
    left: input.limit === null ? null : Math.max(0, usableOf(input.limit, input.reserve) - used),
    nextFreeAt: oldest ? new Date(oldest.at.getTime() + windowMs) : null,
    rateLimited: recent.filter((c) => c.rateLimited).length,
  };
}

/**
 * When background work needing `needed` more calls may start: null for now, else the time enough calls have
 * left the window. Work bigger than a day's budget starts once a whole day's budget is free and continues
 * the next day from its checkpoint.
 */
export function startTimeFor(
  calls: LedgerCall[],
  input: { limit: number | null; reserve: number; needed: number; now: Date },
): Date | null {
  if (input.limit === null || input.needed <= 0) return null;
  const usable = usableOf(input.limit, input.reserve);
  if (usable === 0) return new Date(input.now.getTime() + windowMs); // nothing may run unattended: look again tomorrow
  const since = input.now.getTime() - windowMs;
  const counted = calls
    .filter((c) => c.at.getTime() > since && counts(c))
    .map((c) => c.at.getTime())
    .sort((a, b) => a - b);
  const need = Math.min(input.needed, usable);
  const mustLeave = counted.length - (usable - need);
  if (mustLeave <= 0) return null;
  const freeing = counted[mustLeave - 1];
  return freeing === undefined ? null : new Date(freeing + windowMs);
}

/** The unattended ledger rows of some accounts within the budget window, per account. */
export async function readCallLedger(
  db: Db,
  accountIds: string[],
  now: Date,
): Promise<Map<string, LedgerCall[]>> {
  const rows = await db.bankCall.findMany({
    where: { accountId: { in: accountIds }, attended: false, at: { gt: new Date(now.getTime() - windowMs) } },
    select: { accountId: true, at: true, status: true, rateLimited: true },
    orderBy: { at: 'asc' },
  });
  const byAccount = new Map<string, LedgerCall[]>(accountIds.map((id) => [id, []]));
  for (const { accountId, ...call } of rows) byAccount.get(accountId)?.push(call);
  return byAccount;
}

/** Each account's budget now, for the planner and the job page. */
export async function describeCallBudgets(
  db: Db,
  config: ImporterConfig,
  input: { providerId: string; accountIds: string[]; now: Date },
): Promise<Map<string, CallBudget>> {
  const ledger = await readCallLedger(db, input.accountIds, input.now);
  const limit = unattendedLimitFor(config, input.providerId);
  return new Map(
    input.accountIds.map((id) => [
      id,
      summariseBudget(ledger.get(id) ?? [], { limit, reserve: config.reservedCalls, now: input.now }),
    ]),
  );
}
