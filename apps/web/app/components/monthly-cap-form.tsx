import { Form, useNavigation } from '@remix-run/react';
import type { CostSummary } from '~/lib/api-types';
import { formatCostMicros } from '~/lib/format';
import { Notice } from './ui/notice';

type Props = { month: CostSummary['month']; result: { ok: boolean; message: string } | null };

/** This month's enrichment spending against the person's monthly cap, and the form that sets the cap. */
export function MonthlyCapForm({ month, result }: Props) {
  const navigation = useNavigation();
  const saving = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'set-cap';
  const reached = month.capMicros !== null && month.remainingMicros === 0;
  return (
    <section className="card section" aria-labelledby="cap-title">
      <h2 id="cap-title" className="section-title">
        Monthly spending cap
      </h2>
      <p>
        {formatCostMicros(month.spentMicros)} spent in {month.month}
        {month.capMicros === null
          ? ' · no cap set'
          : ` of ${formatCostMicros(month.capMicros)} · ${formatCostMicros(month.remainingMicros ?? 0)} left`}
      </p>
      {reached ? (
        <Notice tone="warning" title="The cap is reached">
          <p>
            Enrichment has stopped for this month. Raise the cap and the stopped enrichment resumes where it
            left off.
          </p>
        </Notice>
      ) : null}
      <Form method="post" className="cap-form">
        <label className="field">
          <span>Cap per month (US dollars; empty for no cap)</span>
          <input
            type="text"
            name="cap"
            inputMode="decimal"
            defaultValue={month.capMicros === null ? '' : (month.capMicros / 1_000_000).toFixed(2)}
            pattern="\d+(\.\d{1,6})?"
          />
        </label>
        <button
          type="submit"
          name="intent"
          value="set-cap"
          className="button button-secondary"
          disabled={saving}
        >
          {saving ? 'Saving…' : 'Save cap'}
        </button>
      </Form>
      {result ? (
        <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </Notice>
      ) : null}
    </section>
  );
}
