import { addDays, todayIn } from '@app/domain';
import type { ImporterConfig } from './config';

/**
 * What an incremental sync asks for: from the least recently synced account's last sync, a few days earlier
 * (banks add late items to recent days; ingest is idempotent), to today. An account never synced starts
 * `firstSyncDays` back.
 */
export function incrementalRange(
  accounts: { lastSyncedAt: Date | null }[],
  input: { config: ImporterConfig; now: Date },
) {
  const { config } = input;
  const today = todayIn(config.timeZone, input.now);
  const starts = accounts.map((a) =>
    a.lastSyncedAt
      ? addDays(todayIn(config.timeZone, a.lastSyncedAt), -config.incrementalOverlapDays)
      : addDays(today, -(config.firstSyncDays - 1)),
  );
  const oldest = addDays(today, -config.maxHistoryDays);
  const earliest = starts.reduce((a, b) => (a < b ? a : b), today);
  const fromDate = earliest < oldest ? oldest : earliest > today ? today : earliest;
  return { fromDate, toDate: today };
}
