import { Form } from '@remix-run/react';
import { formatDateTime } from '~/lib/format';

type Props = {
  connectionId: string;
  providerName: string;
  /** Until when the bank serves all the history it keeps (the minutes after consent). */
  fullHistoryUntil: Date;
  recentDays: number;
  busy: boolean;
};

/**
 * Shown right after a bank is connected: the one moment the bank serves more than its last 90 days, so the
 * full-history import is the first thing offered, one click away.
 */
export function FullHistoryOffer({ connectionId, providerName, fullHistoryUntil, recentDays, busy }: Props) {
  return (
    <div className="notice notice-info" role="region" aria-label="Import your full history">
      <p className="notice-title">Import your full history now</p>
      <div className="notice-body">
        <p>
          {providerName} shares history older than {recentDays} days only in the first minutes after you
          connect (until {formatDateTime(fullHistoryUntil)}). Start now to bring in everything it keeps, up to
          two years; later imports reach the last {recentDays} days unless you reconnect.
        </p>
        <Form method="post" className="inline-actions">
          <input type="hidden" name="connectionId" value={connectionId} />
          <button
            type="submit"
            name="intent"
            value="full-history"
            className="button button-primary"
            disabled={busy}
          >
            {busy ? 'Starting…' : 'Import two years now'}
          </button>
        </Form>
      </div>
    </div>
  );
}
