import { addDays, todayIn } from './calendar';

/** With no earlier sync, Sync Now fetches this many days (what banks serve without a fresh consent). */
const firstSyncDays = 90;

/**
 * The range an incremental sync asks for: from the day the least recently synced account last synced (that
 * day included: the bank may have added to it since; ingest is idempotent) to today.
 */
export function syncRange(accounts: readonly { lastSyncedAt: Date | string | null }[], calendar: { timeZone: string; today: string; maxHistoryDays: number }) {
  const { today } = calendar;
  const synced = accounts.map((a) => a.lastSyncedAt);
  const oldest = addDays(today, -calendar.maxHistoryDays);
  let from: string;
  if (synced.length === 0 || synced.some((s) => s === null)) from = addDays(today, -(firstSyncDays - 1));
  else from = synced.map((s) => todayIn(calendar.timeZone, new Date(s ?? 0))).reduce((a, b) => (a < b ? a : b));
  if (from < oldest) from = oldest;
  if (from > today) from = today;
  return { fromDate: from, toDate: today };
}
