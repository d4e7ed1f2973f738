import { Notice } from '~/components/ui/notice';
import type { ImportPlan } from '~/lib/api-types';
import {
  formatCostMicros,
  formatCount,
  formatDateRange,
  formatDateTime,
  formatDuration,
  plural,
} from '~/lib/format';

type Props = { plan: ImportPlan | null; planning: boolean; error: string | null; onRetry: () => void };
type CallPlan = NonNullable<ImportPlan['accounts'][number]['calls']>;

function describeCalls(calls: CallPlan): string {
  const needed = plural(calls.needed, 'call');
  if (calls.attended)
    return `${needed}; you are here, so the bank does not count them against its daily limit.`;
  if (calls.limit === null) return `${needed}; this bank sets no daily limit.`;
  const left = `${formatCount(calls.left ?? 0)} of ${formatCount(calls.limit)} left today`;
  return calls.deferredUntil
    ? `${needed}, ${left}: waits until ${formatDateTime(calls.deferredUntil)}.`
    : `${needed}, ${left}.`;
}

export function StepReview({ plan, planning, error, onRetry }: Props) {
  if (planning) {
    return (
      <div className="step-body" aria-busy="true">
        <p className="loading-line" role="status">
          <span className="spinner" aria-hidden="true" /> Estimating the import…
        </p>
      </div>
    );
  }
  if (error || !plan) {
    return (
      <div className="step-body">
        <Notice tone="danger" title="We could not plan this import" role="alert">
          <p>{error ?? 'No estimate yet.'}</p>
          <p>
            Go back to change the settings, or{' '}
            <button type="button" className="link-button" onClick={onRetry}>
              try again
            </button>
            .
          </p>
        </Notice>
      </div>
    );
  }
  const { estimate } = plan;
  return (
    <div className="step-body">
      <dl className="estimate-grid" aria-label="Estimate">
        <div>
          <dt>Accounts</dt>
          <dd>{formatCount(estimate.accounts)}</dd>
        </div>
        <div>
          <dt>Transactions</dt>
          <dd>~{formatCount(estimate.transactions)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>~{formatDuration(estimate.durationMs)}</dd>
        </div>
        <div>
          <dt>Enrichment cost</dt>
          <dd>
            {!plan.autoEnrich
              ? 'None'
              : estimate.costMicros === 0
                ? 'Free'
                : formatCostMicros(estimate.costMicros)}
          </dd>
        </div>
      </dl>

      <details className="basis">
        <summary>How we estimated this</summary>
        <p>{estimate.basis}</p>
        {plan.autoEnrich && estimate.costBasis ? <p>{estimate.costBasis}</p> : null}
      </details>

      {estimate.warnings.length > 0 ? (
        <div className="warnings" aria-label="Warnings">
          {estimate.warnings.map((warning) => (
            <Notice key={warning.code} tone="warning">
              <p>{warning.message}</p>
            </Notice>
          ))}
        </div>
      ) : null}

      {plan.autoEnrich && estimate.enrichmentMonth && estimate.enrichmentMonth.capMicros !== null ? (
        <p className="muted small">
          Enrichment this month: {formatCostMicros(estimate.enrichmentMonth.spentMicros)} spent of your{' '}
          {formatCostMicros(estimate.enrichmentMonth.capMicros)} cap.
        </p>
      ) : null}

      <h3 className="subheading">Bank calls</h3>
      <ul className="plain-list small" aria-label="Bank calls">
        {plan.accounts.map((account) => (
          <li key={account.id}>
            {account.displayName}: {account.calls ? describeCalls(account.calls) : 'no estimate'}
          </li>
        ))}
      </ul>

      <h3 className="subheading">Settings</h3>
      <dl className="summary-list">
        <div>
          <dt>Dates</dt>
          <dd>
            {formatDateRange(plan.dateRange.from, plan.dateRange.to)}{' '}
            <span className="muted">({plural(plan.dateRange.days, 'day')})</span>
          </dd>
        </div>
        <div>
          <dt>Accounts</dt>
          <dd>{plan.accounts.map((a) => a.displayName).join(', ')}</dd>
        </div>
        <div>
          <dt>Auto-enrichment</dt>
          <dd>{plan.autoEnrich ? 'On' : 'Off'}</dd>
        </div>
        <div>
          <dt>Batch size</dt>
          <dd>{plan.batchSize}</dd>
        </div>
      </dl>
    </div>
  );
}
