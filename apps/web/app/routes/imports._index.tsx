import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSubmit } from '@remix-run/react';
import { RouteError } from '~/components/route-error';
import { EmptyState } from '~/components/ui/empty-state';
import { PageHeader } from '~/components/ui/page-header';
import { StatusBadge } from '~/components/ui/status-badge';
import { withApi } from '~/lib/api.server';
import { formatCount, formatDateRange, formatDateTime } from '~/lib/format';
import { isJobStatus, jobStatuses, jobStatusLabel, connectionName } from '@app/domain';
import { jobTypeLabel } from '~/lib/job-labels';

export const meta: MetaFunction = () => [{ title: 'Import history · Spending' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const statusParam = params.get('status');
  const status = isJobStatus(statusParam) ? statusParam : undefined;
  const cursor = params.get('cursor');
  return withApi(request, context, async (api) => ({
    page: await api.importHistory({ cursor, limit: 20, status }),
    status: status ?? null,
    paged: cursor !== null,
  }));
}

export default function ImportHistory() {
  const { page, status, paged } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/imports';
  const olderHref = page.nextCursor
    ? `?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.nextCursor })}`
    : null;

  return (
    <div className="page">
      <PageHeader title="Import history" description="Every import you ran or scheduled, newest first." />

      <div className="toolbar">
        <Form method="get" className="filter-form" onChange={(e) => submit(e.currentTarget)}>
          <label htmlFor="status-filter">Status</label>
          <select id="status-filter" name="status" defaultValue={status ?? ''}>
            <option value="">All imports</option>
            {jobStatuses.map((s) => (
              <option key={s} value={s}>
                {jobStatusLabel(s)}
              </option>
            ))}
          </select>
          <noscript>
            <button type="submit" className="button button-secondary button-sm">
              Filter
            </button>
          </noscript>
        </Form>
      </div>

      {page.items.length === 0 ? (
        <EmptyState
          title={status ? 'No imports with this status' : 'No imports yet'}
          action={
            <Link className="button button-primary" to={status ? '/imports' : '/connections'}>
              {status ? 'Show all imports' : 'Go to your banks'}
            </Link>
          }
        >
          <p>
            {status
              ? 'Try another status, or clear the filter.'
              : 'Connect a bank and run Sync now or an Advanced import: each run is listed here.'}
          </p>
        </EmptyState>
      ) : (
        <div className={`card table-card${loading ? ' is-loading' : ''}`} aria-busy={loading}>
          <div className="table-wrap" tabIndex={0}>
            <table className="table table-hover">
              <caption className="sr-only">Imports</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Bank</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Accounts</th>
                  <th scope="col" className="num">
                    New
                  </th>
                  <th scope="col" className="num">
                    Duplicates
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((job) => (
                  <tr key={job.id}>
                    <td>
                      <Link to={`/imports/${job.id}`} className="row-link">
                        {job.startedAt
                          ? formatDateTime(job.startedAt)
                          : `Planned ${formatDateTime(job.createdAt)}`}
                      </Link>
                      <div className="muted small">{jobTypeLabel(job.jobType)}</div>
                    </td>
                    <td>{connectionName(job.connection)}</td>
                    <td>{formatDateRange(job.fromDate, job.toDate)}</td>
                    <td>
                      {formatCount(job.accountsCompleted)} of {formatCount(job.accountsTotal)}
                      {job.accountsFailed > 0 ? (
                        <div className="tone-danger small">{formatCount(job.accountsFailed)} failed</div>
                      ) : null}
                    </td>
                    <td className="num">{formatCount(job.totalSynced)}</td>
                    <td className="num">{formatCount(job.totalDuplicates)}</td>
                    <td>
                      <StatusBadge status={job.status} />
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
            <Link to={status ? `?status=${status}` : '.'} className="button button-ghost button-sm">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {olderHref ? (
            <Link to={olderHref} className="button button-secondary button-sm">
              Older imports →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError what="your import history" />;
}
