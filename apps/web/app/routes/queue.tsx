import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { isFinalJobStatus, jobStatusTone, connectionName } from '@app/domain';
import { JobControls } from '~/components/job-controls';
import { ProgressBar } from '~/components/ui/progress-bar';
import { RouteError } from '~/components/route-error';
import { EmptyState } from '~/components/ui/empty-state';
import { Notice } from '~/components/ui/notice';
import { PageHeader } from '~/components/ui/page-header';
import { StatusBadge } from '~/components/ui/status-badge';
import type { JobSummary } from '~/lib/api-types';
import { withApi } from '~/lib/api.server';
import { formatCount, formatDateRange, formatDateTime, formatDuration } from '~/lib/format';
import { runJobAction } from '~/lib/job-actions.server';
import { jobTypeLabel } from '~/lib/job-labels';

export const meta: MetaFunction = () => [{ title: 'Queue · Spending' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return withApi(request, context, async (api) => {
    const [running, queued, deferred, paused, planned, recent] = await Promise.all([
      api.importHistory({ status: 'running', limit: 50 }),
      api.importHistory({ status: 'queued', limit: 50 }),
      api.importHistory({ status: 'deferred', limit: 50 }),
      api.importHistory({ status: 'paused', limit: 50 }),
      api.importHistory({ status: 'planned', limit: 50 }),
      api.importHistory({ limit: 15 }),
    ]);
    return {
      running: running.items,
      queued: queued.items,
      deferred: deferred.items,
      paused: paused.items,
      planned: planned.items,
      recent: recent.items.filter((job) => isFinalJobStatus(job.status)).slice(0, 8),
    };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return withApi(request, context, (api) => runJobAction(api, form));
}

/**
 * The lists follow what happens anywhere (another tab, the CLI, a schedule) by reloading while the page is seen;
 * an import that starts while the queue looks empty shows up within this time.
 */
const refreshMs = 2000;

export default function Queue() {
  const { running, queued, deferred, paused, planned, recent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const revalidator = useRevalidator();

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && revalidator.state === 'idle') revalidator.revalidate();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [revalidator]);

  const nothing = running.length + queued.length + deferred.length + paused.length + planned.length === 0;

  return (
    <div className="page">
      <PageHeader
        title="Queue"
        description="Imports planned, waiting, running or paused. Pause keeps everything imported so far; resume continues from the last checkpoint."
      />
      {result ? (
        <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </Notice>
      ) : null}

      {nothing ? (
        <EmptyState
          title="Nothing in the queue"
          action={
            <Link className="button button-secondary" to="/connections">
              Start an import
            </Link>
          }
        >
          <p>Imports appear here while they wait or run. Scheduled imports join the queue at their time.</p>
        </EmptyState>
      ) : (
        <div className="stack-lg">
          <QueueSection title="Running" jobs={running} empty="Nothing is running right now." />
          <QueueSection title="Queued" jobs={queued} empty="No imports are waiting." />
          {deferred.length > 0 ? (
            <QueueSection title="Waiting for the bank’s daily limit" jobs={deferred} empty="" />
          ) : null}
          <QueueSection title="Paused" jobs={paused} empty="No paused imports." />
          {planned.length > 0 ? (
            <QueueSection
              title="Planned, not started"
              jobs={planned}
              empty=""
              note="Start a plan or discard it; plans not started within a day are discarded by themselves."
            />
          ) : null}
        </div>
      )}

      <section className="section" aria-labelledby="recent-title">
        <h2 id="recent-title" className="section-title">
          Recently finished
        </h2>
        {recent.length === 0 ? <p className="muted">No finished imports yet.</p> : <JobList jobs={recent} />}
        <p>
          <Link to="/imports">See the full history →</Link>
        </p>
      </section>
    </div>
  );
}

function QueueSection({
  title,
  jobs,
  empty,
  note,
}: {
  title: string;
  jobs: JobSummary[];
  empty: string;
  note?: string;
}) {
  return (
    <section className="section" aria-label={title}>
      <h2 className="section-title">
        {title} <span className="count-pill">{jobs.length}</span>
      </h2>
      {note ? <p className="muted small">{note}</p> : null}
      {jobs.length === 0 ? <p className="muted">{empty}</p> : <JobList jobs={jobs} />}
    </section>
  );
}

function JobList({ jobs }: { jobs: JobSummary[] }) {
  return (
    <ul className="job-list">
      {jobs.map((job) => (
        <li key={job.id} className="card job-row">
          <div className="job-row-main">
            <Link to={`/imports/${job.id}`} className="job-row-title">
              {connectionName(job.connection)} · {formatDateRange(job.fromDate, job.toDate)}
            </Link>
            <span className="muted small">
              {jobTypeLabel(job.jobType)} · {formatCount(job.accountsCompleted)} of{' '}
              {formatCount(job.accountsTotal)} accounts completed
              {job.status === 'planned' ? '' : ` · ${formatCount(job.totalSynced)} new`}
              {job.finishedAt
                ? ` · finished ${formatDateTime(job.finishedAt)}`
                : job.startedAt
                  ? ` · started ${formatDateTime(job.startedAt)}`
                  : job.status === 'planned'
                    ? ` · planned ${formatDateTime(job.createdAt)}`
                    : ` · queued ${formatDateTime(job.queuedAt ?? job.createdAt)}`}
              {job.status === 'queued' || job.status === 'running'
                ? ` · estimated ${formatDuration(job.estimatedDurationMs)}`
                : ''}
            </span>
          </div>
          {job.status === 'planned' ? null : (
            <div className="job-row-progress">
              <ProgressBar
                value={job.percent}
                label={`${connectionName(job.connection)} import progress`}
                size="sm"
                tone={jobStatusTone(job.status)}
              />
              <span className="small">{job.percent}%</span>
            </div>
          )}
          <StatusBadge status={job.status} />
          <JobControls jobId={job.id} status={job.status} />
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary() {
  return <RouteError what="the queue" />;
}
