import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { CategoryEditor } from '~/components/category-editor';
import { RouteError } from '~/components/route-error';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { isCalendarDate } from '@app/domain';
import { TransactionRow } from '~/components/transaction-row';
import { Notice } from '~/components/ui/notice';
import { withApi } from '~/lib/api.server';
import { maskedNumberLabel } from '~/lib/account-labels';

export const meta: MetaFunction = () => [{ title: 'Transactions · Spending' }];

export { correctCategoryAction as action } from '~/lib/correct-category.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const accountId = params.get('account') || undefined;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const cursor = params.get('cursor');
  const filters = {
    accountId: accountId ?? '',
    from: isCalendarDate(from) ? from : '',
    to: isCalendarDate(to) ? to : '',
    q,
  };
  // A reversed range is the person's slip, not an empty result: say so and list nothing instead of "no match".
  const rangeError =
    filters.from && filters.to && filters.from > filters.to
      ? 'The “From” date must be on or before the “To” date.'
      : null;
  return withApi(request, context, async (api) => {
    const [page, connections] = await Promise.all([
      rangeError
        ? { items: [], nextCursor: null }
        : api.transactions.list({
            accountId,
            from: filters.from || undefined,
            to: filters.to || undefined,
            search: filters.q || undefined,
            cursor,
            limit: 50,
          }),
      api.connections.list(),
    ]);
    return { page, connections, filters, rangeError, paged: cursor !== null };
  });
}

export default function Transactions() {
  const { page, connections, filters, rangeError, paged } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/transactions';
  const filterParams = Object.fromEntries(
    Object.entries({ q: filters.q, account: filters.accountId, from: filters.from, to: filters.to }).filter(
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

      <Form method="get" className="card filter-bar" aria-label="Filter transactions" noValidate>
        <div className="field">
          <label htmlFor="tx-search">Search</label>
          <input
            id="tx-search"
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={100}
            placeholder="Description or merchant"
          />
        </div>
        <div className="field">
          <label htmlFor="tx-account">Account</label>
          <select id="tx-account" name="account" defaultValue={filters.accountId}>
            <option value="">All accounts</option>
            {connections.map((connection) => (
              <optgroup key={connection.id} label={connection.name}>
                {connection.accounts.map((account) => (
                  <option key={account.id} value={account.id}>
                    {connection.name} · {account.displayName}
                    {account.maskedNumber ? ` (${maskedNumberLabel(account.maskedNumber)})` : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tx-from">From</label>
          <input
            id="tx-from"
            name="from"
            type="date"
            defaultValue={filters.from}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'tx-range-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="tx-to">To</label>
          <input
            id="tx-to"
            name="to"
            type="date"
            defaultValue={filters.to}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'tx-range-error' : undefined}
          />
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

      {rangeError ? (
        <div id="tx-range-error">
          <Notice tone="danger" role="alert">
            <p>{rangeError}</p>
          </Notice>
        </div>
      ) : page.items.length === 0 ? (
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
          <div className="table-wrap" tabIndex={0}>
            <table className="table table-hover table-transactions">
              <caption className="sr-only">Transactions</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col" className="tx-secondary">
                    Merchant
                  </th>
                  <th scope="col" className="tx-secondary">
                    Category
                  </th>
                  <th scope="col" className="tx-secondary">
                    Account
                  </th>
                  <th scope="col" className="tx-secondary">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((tx) => (
                  <TransactionRow key={tx.id} tx={tx} category={<CategoryEditor tx={tx} />} />
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
