import type { Connection } from '~/lib/api-types';
import { addDays } from '@app/domain';
import { formatDateRange, formatDateTime } from '~/lib/format';

type Props = { providerName: string; reach: Connection['historyReach']; from: string; to: string };

/**
 * The 90-day rule on the Dates step, before anything is planned: which of the chosen dates the bank will share on
 * this consent, and what happens to the rest.
 */
export function HistoryReachNote({ providerName, reach, from, to }: Props) {
  if (!from || from >= reach.recentFrom) return null;
  const lockedTo = to < reach.recentFrom ? to : addDays(reach.recentFrom, -1);
  if (reach.fullHistoryUntil)
    return (
      <div className="notice notice-info">
        <div className="notice-body">
          <p>
            {providerName} shares history older than {reach.recentDays} days only just after you connect:
            start this import before {formatDateTime(reach.fullHistoryUntil)} to get{' '}
            {formatDateRange(from, lockedTo)} as well.
          </p>
        </div>
      </div>
    );
  return (
    <div className="notice notice-warning">
      <p className="notice-title">{formatDateRange(from, lockedTo)} is locked on this consent</p>
      <div className="notice-body">
        <p>
          {providerName} shares history older than {reach.recentDays} days only in the first{' '}
          {reach.graceMinutes} minutes after you connect. This import brings the dates from {reach.recentFrom}{' '}
          on and ends “completed with errors” for the locked ones; its page then offers one click to reconnect
          and continue with exactly those dates. Or reconnect the bank first and import everything at once.
        </p>
      </div>
    </div>
  );
}
