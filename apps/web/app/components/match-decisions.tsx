import { Form, useNavigation } from '@remix-run/react';
import type { MatchDecision } from '~/lib/api-types';
import { formatCalendarDate, formatMoney } from '~/lib/format';

type Record = NonNullable<MatchDecision['survivor']>;

const ruleText: { [rule: string]: string } = {
  normalised: 'same normalised bank id',
  provider: 'same bank transaction id',
  date_amount_description: 'same amount, close date, similar description (no shared id)',
};

const stateText: { [state: string]: string } = {
  merged: 'Merged',
  review: 'Needs your decision',
  undone: 'Undone: both kept',
  kept_both: 'Kept apart',
};

function describe(record: Record | null) {
  if (!record) return <span className="muted">no longer stored</span>;
  return (
    <>
      <span className="nowrap">{formatCalendarDate(record.bookingDate)}</span> · {record.description} ·{' '}
      <span className="mono nowrap">{formatMoney(record.amountMinor, record.currency)}</span>{' '}
      <span className="muted small">({record.status})</span>
    </>
  );
}

/** Every merge this import made (undoable) and every look-alike pair it left for a person. */
export function MatchDecisions({
  matches,
  started = true,
}: {
  matches: readonly MatchDecision[];
  /** False for a job that never ran: it compared nothing, so "no records were merged" would be a claim. */
  started?: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' ? String(navigation.formData?.get('decisionId') ?? '') : null;
  const review = matches.filter((m) => m.state === 'review');
  return (
    <section className="card section" aria-labelledby="matches-title">
      <h2 id="matches-title" className="section-title">
        Matches
      </h2>
      {!started ? (
        <p className="muted">This import never ran, so nothing was compared or merged.</p>
      ) : matches.length === 0 ? (
        <p className="muted">
          No records were merged: nothing pending booked, and no look-alikes were found.
        </p>
      ) : (
        <>
          <p className="muted small">
            A pending payment that books under the same bank id is merged into its booked record. Records that
            only look alike are never merged by us:
            {review.length > 0
              ? ` ${review.length} pair(s) wait for your decision.`
              : ' none wait for your decision.'}
          </p>
          <ul className="match-list">
            {matches.map((match) => (
              <li key={match.id} className={`match-item match-${match.state}`}>
                <div className="match-head">
                  <strong>{stateText[match.state] ?? match.state}</strong>
                  <span className="muted small">
                    {ruleText[match.rule] ?? match.rule} · confidence {match.confidence}%
                  </span>
                </div>
                <dl className="match-records">
                  <div>
                    <dt>{match.kind === 'ambiguous' ? 'Booked' : 'Now'}</dt>
                    <dd>{describe(match.survivor)}</dd>
                  </div>
                  <div>
                    <dt>{match.kind === 'ambiguous' ? 'Pending, gone' : 'Was pending'}</dt>
                    <dd>{describe(match.absorbed)}</dd>
                  </div>
                </dl>
                {match.state === 'merged' || match.state === 'review' ? (
                  <Form method="post" className="inline-actions">
                    <input type="hidden" name="decisionId" value={match.id} />
                    {match.state === 'merged' ? (
                      <button
                        type="submit"
                        name="intent"
                        value="undo-match"
                        className="button button-secondary button-sm"
                        disabled={busy === match.id}
                      >
                        Undo merge
                      </button>
                    ) : (
                      <>
                        <button
                          type="submit"
                          name="intent"
                          value="keep-both"
                          className="button button-secondary button-sm"
                          disabled={busy === match.id}
                        >
                          Keep both
                        </button>
                        <button
                          type="submit"
                          name="intent"
                          value="merge"
                          className="button button-ghost button-sm"
                          disabled={busy === match.id}
                        >
                          Merge
                        </button>
                      </>
                    )}
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
