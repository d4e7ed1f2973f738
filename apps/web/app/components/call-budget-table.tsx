import type { AccountResult } from '~/lib/api-types';
import { formatCount, formatDateTime } from '~/lib/format';

/** `started`: false for a job that never ran (planned, or cancelled before it began): it made no calls at all. */
type Props = { accounts: readonly AccountResult[]; attended: boolean; replay: boolean; started?: boolean };

function whoCounted({
  attended,
  replay,
  started = true,
}: Pick<Props, 'attended' | 'replay' | 'started'>): string {
  if (!started) return 'This import never ran, so it made no bank calls. ';
  if (replay) return 'A replay reads the archive and makes no bank calls. ';
  return attended
    ? 'You started this import, so its calls did not count. '
    : 'This import ran without you, so its calls counted. ';
}

/** Per account: the calls this import needed and used, and the bank's unattended-call budget as it stands now. */
export function CallBudgetTable({ accounts, attended, replay, started }: Props) {
  return (
    <section className="card section" aria-labelledby="budget-title">
      <h2 id="budget-title" className="section-title">
        Bank call budget
      </h2>
      <p className="muted small">
        Banks allow a few requests a day per account without you present (PSD2: usually 4).{' '}
        {whoCounted({ attended, replay, started })}
        One call a day is always kept for your own refresh; background work that does not fit waits instead of
        failing.
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table className="table budget-table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col" className="num">
                Calls planned
              </th>
              <th scope="col" className="num">
                Calls used
              </th>
              <th scope="col" className="num">
                Background calls, last 24 h
              </th>
              <th scope="col" className="num">
                Left today
              </th>
              <th scope="col">Next frees up</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => {
              const { budget, callsPlanned, receipt } = account;
              return (
                <tr key={account.accountId}>
                  <th scope="row">{account.account.displayName}</th>
                  <td className="num">{callsPlanned ? formatCount(callsPlanned.needed) : '—'}</td>
                  <td className="num">{receipt ? formatCount(receipt.callsUsed) : '—'}</td>
                  <td className="num">
                    {budget
                      ? `${formatCount(budget.used)} of ${budget.limit === null ? 'no limit' : formatCount(budget.limit)}`
                      : '—'}
                  </td>
                  <td className="num">
                    {budget?.left === null || budget === null
                      ? 'no limit'
                      : `${formatCount(budget.left)} (+${formatCount(budget.reserve)} kept for you)`}
                  </td>
                  <td>
                    {account.status === 'deferred' && account.deferredUntil
                      ? `Runs at ${formatDateTime(account.deferredUntil)}`
                      : budget?.nextFreeAt
                        ? formatDateTime(budget.nextFreeAt)
                        : 'All free'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
