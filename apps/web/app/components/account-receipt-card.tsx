import type { AccountResult } from '~/lib/api-types';
import { accountTypeLabel, maskedNumberLabel } from '~/lib/account-labels';
import { formatCostMicros, formatCount, formatDateTime } from '~/lib/format';
import { StatusBadge } from './ui/status-badge';

const zeroReasons: Record<string, string> = {
  bank_returned_nothing: 'The bank returned no transactions for these dates.',
  nothing_new_after_dedup: 'Everything the bank returned was already imported, so nothing new was added.',
  deferred_by_call_budget:
    'Nothing yet: the bank’s daily limit on background requests was used up, so this account waits its turn.',
  consent_expired:
    'Nothing was imported: the bank consent has ended. Reconnect the bank on the Banks page and import again.',
  history_locked:
    'Nothing was imported: these dates are older than the bank shares on this consent (its last 90 days). Reconnect and continue to fetch them.',
  not_offered_by_bank:
    'Not offered by this bank: it does not share this account’s transactions through open banking. This is not an error.',
};

const basisText: Record<string, string> = {
  history: 'estimated from this account’s earlier imports',
  prior: 'estimated from typical accounts (no history yet)',
};

export function AccountReceiptCard({ account }: { account: AccountResult }) {
  const receipt = account.receipt;
  return (
    <article className="card receipt-card" aria-labelledby={`receipt-${account.accountId}`}>
      <header className="receipt-head">
        <div>
          <h3 id={`receipt-${account.accountId}`}>{account.account.displayName}</h3>
          <p className="muted small">
            {accountTypeLabel(account.account)} · {account.account.currency}
            {account.account.maskedNumber ? ` · ${maskedNumberLabel(account.account.maskedNumber)}` : ''}
          </p>
        </div>
        <StatusBadge status={account.status} />
      </header>

      <dl className="receipt-list">
        <Row label="Fetched from the bank" value={receipt?.fetched ?? account.fetched} />
        <Row label="New transactions" value={receipt?.new ?? account.synced} strong />
        <Row
          label="Updated"
          value={receipt?.updated ?? account.updated}
          hint="Pending items whose amount or description the bank changed."
        />
        <Row
          label="Pending reconciled"
          value={receipt?.pendingReconciled ?? account.pendingReconciled}
          hint="Pending items that booked and were matched to their booked record."
        />
        {receipt ? (
          <>
            <Row
              label="Pending removed"
              value={receipt.pendingRemoved}
              hint="Pending payments the bank no longer lists (cancelled, or booked under a new description), so we removed them too."
            />
            <Row
              label="Pending awaiting booking"
              value={receipt.pendingAwaitingBooking}
              hint="Payments the bank still shows as pending: kept, and matched to their booked record once they book."
            />
            <Row
              label="Duplicates skipped"
              value={
                receipt.duplicatesByRule.provider +
                receipt.duplicatesByRule.normalised +
                receipt.duplicatesByRule.fingerprint
              }
              hint={`Already imported, recognised by: the bank’s lasting reference ${formatCount(receipt.duplicatesByRule.normalised)} · the bank’s own transaction id ${formatCount(receipt.duplicatesByRule.provider)} · same date, amount and description ${formatCount(receipt.duplicatesByRule.fingerprint)}`}
            />
            {receipt.matchesToReview > 0 ? (
              <Row
                label="Pairs to review"
                value={receipt.matchesToReview}
                hint="Look-alikes we did not merge: see Matches below."
              />
            ) : null}
            <Row
              label="Bank calls used"
              value={receipt.callsUsed}
              hint={
                [
                  receipt.callsRetried > 0 ? `${formatCount(receipt.callsRetried)} retried` : '',
                  receipt.callsRateLimited > 0
                    ? `${formatCount(receipt.callsRateLimited)} refused as too many`
                    : '',
                ]
                  .filter(Boolean)
                  .join(' · ') || undefined
              }
            />
            <div className="receipt-row">
              <dt>
                Enrichment
                <span className="muted small receipt-hint">
                  {formatCount(receipt.enrichment.transactions)} categorised ·{' '}
                  {formatCount(receipt.enrichment.tokensIn)} / {formatCount(receipt.enrichment.tokensOut)}{' '}
                  tokens
                </span>
              </dt>
              <dd>{formatCostMicros(receipt.enrichment.costMicros)}</dd>
            </div>
          </>
        ) : (
          <Row label="Duplicates" value={account.duplicates} />
        )}
        <Row label="Errors" value={account.errors} danger={account.errors > 0} />
        <Row
          label="Estimated transactions"
          value={account.estimatedTransactions}
          hint={account.estimateBasis ? basisText[account.estimateBasis] : undefined}
        />
      </dl>

      {receipt?.zeroReason ? (
        <p className="receipt-note">{zeroReasons[receipt.zeroReason] ?? receipt.zeroReason}</p>
      ) : null}
      {receipt?.notOffered.includes('pending') ? (
        <p className="receipt-note">
          Pending: not offered by this bank. It does not report payments before they book, so they appear once
          booked.
        </p>
      ) : null}
      {receipt && receipt.directionBySign > 0 ? (
        <p className="receipt-note">
          {formatCount(receipt.directionBySign)} card transactions came without a debit/credit type: money in
          or out was read from the amount’s sign, as TrueLayer signs card feeds (negative is spending).
        </p>
      ) : null}
      {account.status === 'deferred' && account.deferredUntil ? (
        <p className="receipt-note">
          Runs again from where it stopped at {formatDateTime(account.deferredUntil)}, when the bank’s limit
          frees up.
        </p>
      ) : null}
      {account.lastError ? (
        <div className="account-error">
          <p>{account.lastError}</p>
          {account.errorCode ? <p className="muted small mono">{account.errorCode}</p> : null}
        </div>
      ) : null}
      <p className="muted small">
        {account.startedAt ? `Started ${formatDateTime(account.startedAt)}` : 'Not started'}
        {account.finishedAt ? ` · finished ${formatDateTime(account.finishedAt)}` : ''}
      </p>
    </article>
  );
}

function Row({
  label,
  value,
  hint,
  strong,
  danger,
}: {
  label: string;
  value: number;
  hint?: string;
  strong?: boolean;
  danger?: boolean;
}) {
  return (
    <div className={`receipt-row${danger ? ' tone-danger' : ''}`}>
      <dt>
        {label}
        {hint ? <span className="muted small receipt-hint">{hint}</span> : null}
      </dt>
      <dd className={strong ? 'strong' : undefined}>{formatCount(value)}</dd>
    </div>
  );
}
