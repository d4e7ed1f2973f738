import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { CostOverTime, CostPerJob } from '~/components/cost-charts';
import { MonthlyCapForm } from '~/components/monthly-cap-form';
import { RouteError } from '~/components/route-error';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { PageHeader } from '~/components/ui/page-header';
import { attempt, withApi } from '~/lib/api.server';
import { formatCostMicros, formatCount, formatDateTime } from '~/lib/format';

export const meta: MetaFunction = () => [{ title: 'Costs · Spending' }];

const periods = [7, 30, 90, 365] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = Number(new URL(request.url).searchParams.get('days'));
  const days = periods.find((p) => p === asked) ?? 30;
  return withApi(request, context, async (api) => ({ summary: await api.costs.summary({ days }), days }));
}

/** Dollars as typed (`2.50`, empty for no cap) to micro-dollars. */
function capFrom(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+(\.\d{1,6})?$/.test(trimmed))
    throw new Response('The cap is an amount in dollars, like 2.50.', { status: 400 });
  return Math.round(Number(trimmed) * 1_000_000);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get('intent') !== 'set-cap') throw new Response('Unknown action.', { status: 400 });
  const capMicros = capFrom(String(form.get('cap') ?? ''));
  return withApi(request, context, async (api) => {
    const result = await attempt(() => api.costs.setMonthlyCap({ capMicros }));
    if (!result.ok) return { ok: false as const, message: result.message };
    const resumed = result.value.resumedImports;
    const saved = capMicros === null ? 'The monthly cap was removed.' : 'The monthly cap was saved.';
    return {
      ok: true as const,
      message: resumed > 0 ? `${saved} Enrichment resumed for ${resumed} import(s).` : saved,
    };
  });
}

export default function Costs() {
  const { summary, days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { total } = summary;
  return (
    <div className="page">
      <PageHeader
        title="Costs"
        description="Enrichment (categories and merchant names) uses tokens of a language model. Cached and rule-based results are free."
        actions={
          <nav className="segmented-links" aria-label="Period">
            {periods.map((p) => (
              <Link
                key={p}
                to={`?days=${p}`}
                className={p === days ? 'is-active' : undefined}
                aria-current={p === days ? 'page' : undefined}
              >
                {p === 365 ? '1 year' : `${p} days`}
              </Link>
            ))}
          </nav>
        }
      />

      <dl className="stat-grid">
        <div className="card stat">
          <dt>Cost</dt>
          <dd>{formatCostMicros(total.costMicros)}</dd>
        </div>
        <div className="card stat">
          <dt>Tokens in / out</dt>
          <dd>
            {formatCount(total.tokensIn)} <span className="muted">/</span> {formatCount(total.tokensOut)}
          </dd>
        </div>
        <div className="card stat">
          <dt>Transactions enriched</dt>
          <dd>{formatCount(total.transactions)}</dd>
        </div>
        <div className="card stat">
          <dt>Enrichment jobs</dt>
          <dd>{formatCount(total.jobs)}</dd>
        </div>
      </dl>

      <MonthlyCapForm month={summary.month} result={result ?? null} />

      {summary.jobs.length === 0 ? (
        <EmptyState
          title={`No enrichment in the last ${days} days`}
          action={
            <Link className="button button-secondary" to="/connections">
              Run an import
            </Link>
          }
        >
          <p>
            Imports with auto-enrichment on categorise their new transactions; their tokens and cost show up
            here.
          </p>
        </EmptyState>
      ) : (
        <>
          {total.costMicros === 0 && total.tokensIn + total.tokensOut === 0 ? (
            <Notice tone="info">
              <p>
                No tokens were used in this period: the categorisation rules and the cache handled every
                transaction for free.
              </p>
            </Notice>
          ) : null}
          <section className="card section">
            <CostOverTime days={summary.days} />
          </section>
          <section className="card section">
            <CostPerJob jobs={summary.jobs} />
          </section>
          <section className="card section" aria-labelledby="jobs-title">
            <h2 id="jobs-title" className="section-title">
              Per job
            </h2>
            <div className="table-wrap" tabIndex={0}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Provider</th>
                    <th scope="col" className="num">
                      Transactions
                    </th>
                    <th scope="col" className="num">
                      Tokens in / out
                    </th>
                    <th scope="col" className="num">
                      Cost
                    </th>
                    <th scope="col">Import</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.jobs.map((job) => (
                    <tr key={job.id}>
                      <td>{formatDateTime(job.createdAt)}</td>
                      <td>
                        {job.provider}
                        {job.model ? <span className="muted small"> · {job.model}</span> : null}
                      </td>
                      <td className="num">{formatCount(job.transactionCount)}</td>
                      <td className="num">
                        {formatCount(job.tokensIn)} / {formatCount(job.tokensOut)}
                      </td>
                      <td className="num">{formatCostMicros(job.costMicros)}</td>
                      <td>
                        {job.importJobId ? (
                          <Link to={`/imports/${job.importJobId}`}>View import</Link>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError what="your costs" />;
}
