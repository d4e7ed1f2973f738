import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { RouteError } from '~/components/route-error';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { withApi } from '~/lib/api.server';
import { isCalendarDate } from '@app/domain';
import { formatCalendarDate, formatMoney } from '~/lib/format';
import { categoryLabel } from '~/lib/category-label';
import { maskedNumberLabel } from '~/lib/account-labels';

export const meta: MetaFunction = () => [{ title: 'Transactions · Spending' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const accountId = params.get('account') || undefined;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const cursor = params.get('cursor');
  const filters = {
    accountId: accountId ?? '',
    from: isCalendarDate(from) ? from : '',
    to: isCalendarDate(to) ? to : '',
  };
  return withApi(request, context, async (api) => {
    const [page, connections] = await Promise.all([
      api.transactions.list({
        accountId,
        from: filters.from || undefined,
        to: filters.to || undefined,
        cursor,
        limit: 50,
      }),
      api.connections.list(),
    ]);
    return { page, connections, filters, paged: cursor !== null };
  });
}

export default function Transactions() {
  const { page, connections, filters, paged } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/transactions';
  const filterParams = Object.fromEntries(
    Object.entries({ account: filters.accountId, from: filters.from, to: filters.to }).filter(
      ([, value]) => value !== '',
    ),
  );
  const filtered = Object.keys(filterParams).length > 0;
  const olderHref = page.nextCursor
    ? `?${new URLSearchParams({ ...filterParams, cursor: page.nextCursor })}`
    : null;

  return (
    <div className="page">
      <PageHeader
        title="Transactions"
        description="Everything imported from your banks, newest first. Dates are the bank’s own calendar dates."
      />

      <Form method="get" className="card filter-bar" aria-label="Filter transactions">
        <div className="field">
          <label htmlFor="tx-account">Account</label>
          <select id="tx-account" name="account" defaultValue={filters.accountId}>
            <option value="">All accounts</option>
            {connections.map((connection) => (
              <optgroup key={connection.id} label={connection.providerName}>
                {connection.accounts.map((account) => (
                  <option key={account.id} value={account.id}>
                    {account.displayName}
                    {account.maskedNumber ? ` (${maskedNumberLabel(account.maskedNumber)})` : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tx-from">From</label>
          <input id="tx-from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="tx-to">To</label>
          <input id="tx-to" name="to" type="date" defaultValue={filters.to} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            Apply
          </button>
          {filtered ? (
            <Link to="/transactions" className="button button-ghost">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>

      {page.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No transactions match' : 'No transactions yet'}
          action={
            <Link className="button button-primary" to={filtered ? '/transactions' : '/connections'}>
              {filtered ? 'Clear the filters' : 'Import from a bank'}
            </Link>
          }
        >
          <p>
            {filtered
              ? 'Try a wider date range or another account.'
              : 'Once an import finishes, its transactions are listed here.'}
          </p>
        </EmptyState>
      ) : (
        <div className={`card table-card${loading ? ' is-loading' : ''}`} aria-busy={loading}>
          <div className="table-wrap">
            <table className="table table-hover">
              <caption className="sr-only">Transactions</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Description</th>
                  <th scope="col">Merchant</th>
                  <th scope="col">Category</th>
                  <th scope="col">Account</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((tx) => (
                  <tr key={tx.id}>
                    <td className="nowrap">
                      <time dateTime={tx.bookingDate}>{formatCalendarDate(tx.bookingDate)}</time>
                    </td>
                    <td className="description">{tx.description}</td>
                    <td>{tx.merchantName ?? <span className="muted">—</span>}</td>
                    <td>
                      <span className="category-chip">
                        {categoryLabel(tx.category ?? tx.providerCategory)}
                      </span>
                    </td>
                    <td className="muted small nowrap">{tx.account.displayName}</td>
                    <td>
                      <span
                        className={`badge ${tx.status === 'pending' ? 'badge-warning' : 'badge-neutral'}`}
                      >
                        {tx.status === 'pending' ? 'Pending' : 'Booked'}
                      </span>
                    </td>
                    <td className={`num amount ${tx.amountMinor < 0 ? 'amount-out' : 'amount-in'}`}>
                      {formatMoney(tx.amountMinor, tx.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {paged || olderHref ? (
        <nav className="pager" aria-label="Pages">
          {paged ? (
            <Link to={`?${new URLSearchParams(filterParams)}`} className="button button-ghost button-sm">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {olderHref ? (
            <Link to={olderHref} className="button button-secondary button-sm">
              Older transactions →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return (
    <RouteError what="your transactions" back={{ to: '/transactions', label: 'Show all transactions' }} />
  );
}
