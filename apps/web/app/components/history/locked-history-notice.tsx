import { Form } from '@remix-run/react';
import { formatDateRange } from '~/lib/format';

type Range = { from: string; to: string };
type Props = {
  jobId: string;
  providerName: string;
  locked: Range | null;
  continuing: boolean;
  unlocked: Range | null;
  /** The job has finished (a continuation is offered only then). */
  finished: boolean;
  busy: boolean;
};

/**
 * The 90-day rule on a job's page: which dates the bank kept locked and why, with one click to reconnect and
 * fetch exactly those into this import; afterwards, that it did.
 */
export function LockedHistoryNotice({
  jobId,
  providerName,
  locked,
  continuing,
  unlocked,
  finished,
  busy,
}: Props) {
  if (locked && continuing)
    return (
      <div className="notice notice-info" role="status">
        <div className="notice-body">
          <p>
            Fetching the dates that were locked, {formatDateRange(locked.from, locked.to)}, into this import.
          </p>
        </div>
      </div>
    );
  if (locked && finished)
    return (
      <div className="notice notice-warning" role="region" aria-label="Locked history">
        <p className="notice-title">{formatDateRange(locked.from, locked.to)} is locked</p>
        <div className="notice-body">
          <p>
            {providerName} shares history older than 90 days only in the first minutes after you connect, and
            this import ran later: everything from the last 90 days is in, these dates are not. Reconnect and
            this import continues with exactly these dates, nothing twice.
          </p>
          <Form method="post" className="inline-actions">
            <input type="hidden" name="jobId" value={jobId} />
            <button
              type="submit"
              name="intent"
              value="reconnect-continue"
              className="button button-primary"
              disabled={busy}
            >
              {busy ? 'Opening your bank…' : `Reconnect ${providerName} and continue`}
            </button>
          </Form>
        </div>
      </div>
    );
  if (unlocked)
    return (
      <div className="notice notice-success" role="status">
        <div className="notice-body">
          <p>
            Continued after reconnecting: {formatDateRange(unlocked.from, unlocked.to)} was fetched into this
            import.
          </p>
        </div>
      </div>
    );
  return null;
}
