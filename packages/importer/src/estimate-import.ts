import type { AccountKind, Db } from '@app/db';
import { daysInRange } from '@app/domain';

/** Priors for accounts with no history here yet (UK personal accounts: ~30-80 booked a month on a current account). */
const priorPerDay: Record<string, number> = {
  TRANSACTION: 1.8,
  BUSINESS_TRANSACTION: 2.5,
  SAVINGS: 0.1,
  BUSINESS_SAVINGS: 0.1,
  card: 0.8,
};
/** A bank call takes 0.3-3 s (API.md); we assume the middle until we have measured this bank. */
const priorCallMs = 1_200;
const ingestMsPerTransaction = 0.3;
/** History shorter than this says too little about a rate. */
const minEvidenceDays = 14;

export type AccountEstimate = {
  accountId: string;
  transactions: number;
  perDay: number;
  basis: 'history' | 'prior';
  calls: number;
};

export type ImportEstimate = {
  accounts: AccountEstimate[];
  transactions: number;
  durationMs: number;
  basis: string;
};

type Account = { id: string; kind: AccountKind; accountType: string };

/**
 * Estimates from evidence: each account's own stored transactions per day (over the span we hold), else a prior
 * by account type. Duration: the slowest chain of bank calls per worker slot plus ingest time.
 */
export async function estimateImport(
  db: Db,
  input: { accounts: Account[]; fromDate: string; toDate: string; windowDays: number; workers: number },
): Promise<ImportEstimate> {
  const days = daysInRange(input.fromDate, input.toDate);
  const windows = Math.ceil(days / input.windowDays);
  const estimates: AccountEstimate[] = [];
  for (const account of input.accounts) {
    const stats = await db.transaction.aggregate({
      where: { accountId: account.id, status: 'booked' },
      _count: { _all: true },
      _min: { bookingDate: true },
      _max: { bookingDate: true },
    });
    const span =
      stats._min.bookingDate && stats._max.bookingDate
        ? daysInRange(stats._min.bookingDate, stats._max.bookingDate)
        : 0;
    const fromHistory = span >= minEvidenceDays && stats._count._all > 0;
    const perDay = fromHistory
      ? stats._count._all / span
      : (priorPerDay[account.kind === 'card' ? 'card' : account.accountType] ?? 1);
    estimates.push({
      accountId: account.id,
      perDay: Math.round(perDay * 100) / 100,
      transactions: Math.round(perDay * days),
      basis: fromHistory ? 'history' : 'prior',
      calls: windows + 1,
    });
  }
  const transactions = estimates.reduce((sum, e) => sum + e.transactions, 0);
  const rounds = Math.ceil(estimates.length / Math.max(1, input.workers));
  const durationMs = Math.round(rounds * (windows + 1) * priorCallMs + transactions * ingestMsPerTransaction);
  const fromHistory = estimates.filter((e) => e.basis === 'history').length;
  return {
    accounts: estimates,
    transactions,
    durationMs,
    basis:
      `${fromHistory} of ${estimates.length} accounts estimated from their own history, the rest from typical rates; ` +
      `${windows + 1} bank calls per account at ~${priorCallMs / 1000} s each, ${input.workers} accounts at a time.`,
  };
}
