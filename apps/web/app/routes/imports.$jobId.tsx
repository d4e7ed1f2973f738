import { isFinalJobStatus, isLiveJobStatus, connectionName } from '@app/domain';
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSearchParams,
} from '@remix-run/react';
import { useCallback } from 'react';
import { AccountReceiptCard } from '~/components/account-receipt-card';
import { CallBudgetTable } from '~/components/call-budget-table';
import { EnrichmentJobs } from '~/components/enrichment-jobs';
import { EstimateVsActual } from '~/components/estimate-vs-actual';
import { LockedHistoryNotice } from '~/components/history/locked-history-notice';
import { JobControls } from '~/components/job-controls';
import { ImportProgressView } from '~/components/progress/import-progress-view';
import { MatchDecisions } from '~/components/match-decisions';
import { LiveImportProgress } from '~/components/progress/live-import-progress';
import { RouteError } from '~/components/route-error';
import { Notice } from '~/components/ui/notice';
import { PageHeader } from '~/components/ui/page-header';
import { StatusBadge } from '~/components/ui/status-badge';
import { attempt, withApi } from '~/lib/api.server';
import { continueImportCookie, secureFor } from '~/lib/continue-import-cookie.server';
import { formatDateRange, formatDateTime, plural } from '~/lib/format';
import { runJobAction } from '~/lib/job-actions.server';
import { jobTypeLabel } from '~/lib/job-labels';
import { progressFromDetail } from '~/lib/job-progress';
import { matchIntents, runMatchAction } from '~/lib/match-actions.server';

export const meta: MetaFunction = () => [{ title: 'Import · Spending' }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const jobId = params.jobId;
  if (!jobId) throw new Response('No import was named.', { status: 404 });
  return withApi(request, context, async (api) => api.importJob({ jobId }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return withApi(request, context, async (api) => {
    const intent = String(form.get('intent') ?? '');
    if (matchIntents.has(intent)) return runMatchAction(api, form);
    if (intent === 'reconnect-continue') {
      // To the bank for a new consent; the callback continues this job when the person comes back.
      const { url } = await api.connections.startOAuth({});
      const jobId = String(form.get('jobId') ?? '');
      throw redirect(url, {
        headers: {
          'Set-Cookie': await continueImportCookie.serialize(jobId, { secure: secureFor(request) }),
        },
      });
    }
    if (intent === 'replay') {
      const replay = await attempt(() => api.importReplay({ jobId: String(form.get('jobId') ?? '') }));
      if (replay.ok) throw redirect(`/imports/${replay.value.jobId}?started=1`);
      return { ok: false as const, intent, message: replay.message };
    }
    const result = await runJobAction(api, form);
    if (result.ok && (result.intent === 'delete' || result.intent === 'discard')) throw redirect('/imports');
    return result;
  });
}

export default function ImportJob() {
  const detail = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { job } = detail;
  const refresh = useCallback(() => revalidator.revalidate(), [revalidator]);
  const isLive = isLiveJobStatus(job.status);

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/imports">Import history</Link> <span aria-hidden="true">/</span>{' '}
        <span>{connectionName(job.connection)}</span>
      </p>
      <PageHeader
        title={`${jobTypeLabel(job.jobType)} import · ${connectionName(job.connection)}`}
        description={
          <>
            {formatDateRange(job.fromDate, job.toDate)} · {plural(job.accountsTotal, 'account')} · batch size{' '}
            {job.batchSize} · auto-enrichment {job.autoEnrich ? 'on' : 'off'}
            <br />
            Planned {formatDateTime(job.createdAt)}
            {job.startedAt ? ` · started ${formatDateTime(job.startedAt)}` : ''}
            {job.finishedAt ? ` · finished ${formatDateTime(job.finishedAt)}` : ''}
          </>
        }
        actions={
          <div className="header-status">
            <StatusBadge status={job.status} />
            <JobControls jobId={job.id} status={job.status} size="md" />
          </div>
        }
      />

      {params.get('started') && isLive && !result ? (
        <Notice tone="info" role="status">
          <p>Sync started. It runs in the background: you can leave this page and come back at any time.</p>
        </Notice>
      ) : null}
      {result ? (
        <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </Notice>
      ) : null}
      {params.get('continue-error') ? (
        <Notice tone="danger" role="alert" title="The import did not continue">
          <p>{params.get('continue-error')}</p>
        </Notice>
      ) : null}
      <LockedHistoryNotice
        jobId={job.id}
        providerName={job.connection.providerName}
        locked={detail.lockedHistory.locked}
        continuing={detail.lockedHistory.continuing}
        unlocked={detail.lockedHistory.unlocked}
        finished={isFinalJobStatus(job.status)}
        busy={navigation.state !== 'idle' && navigation.formData?.get('intent') === 'reconnect-continue'}
      />
      {job.status === 'deferred' && job.deferredUntil ? (
        <Notice tone="warning" role="status" title="Waiting for the bank’s daily limit">
          <p>
            Some accounts would go over the bank’s limit on background requests today, so they wait instead of
            failing. They continue from where they stopped at {formatDateTime(job.deferredUntil)}.
          </p>
        </Notice>
      ) : null}
      {job.replayOfJobId ? (
        <Notice tone="info">
          <p>
            A replay of <Link to={`/imports/${job.replayOfJobId}`}>an earlier import</Link>: de-duplication
            ran again over the bank’s responses it kept, with no bank calls.
          </p>
        </Notice>
      ) : null}
      {job.requestedAction && isLive ? (
        <Notice tone="info" role="status">
          <p>
            {job.requestedAction === 'pause'
              ? 'Pausing at the next checkpoint…'
              : 'Cancelling at the next checkpoint…'}
          </p>
        </Notice>
      ) : null}

      <section className="card section" aria-labelledby="progress-title">
        <h2 id="progress-title" className="section-title">
          Progress
        </h2>
        {isLive ? (
          <LiveImportProgress
            key={`${job.id}-${job.status}`}
            jobId={job.id}
            initial={progressFromDetail(detail)}
            autoEnrich={job.autoEnrich}
            onJobPage
            onFinished={refresh}
            onStatusChange={refresh}
          />
        ) : (
          <ImportProgressView
            state={progressFromDetail(detail)}
            autoEnrich={job.autoEnrich}
            link="closed"
            onJobPage
          />
        )}
      </section>

      {detail.estimate.warnings.length > 0 ? (
        <section className="section" aria-label="Plan warnings">
          {detail.estimate.warnings.map((warning) => (
            <Notice key={warning.code} tone="warning">
              <p>{warning.message}</p>
            </Notice>
          ))}
        </section>
      ) : null}

      <EstimateVsActual estimate={detail.estimate} actual={detail.actual} autoEnrich={job.autoEnrich} />

      <section className="section" aria-labelledby="accounts-title">
        <h2 id="accounts-title" className="section-title">
          Per-account results
        </h2>
        <div className="receipt-grid">
          {detail.accounts.map((account) => (
            <AccountReceiptCard key={account.accountId} account={account} />
          ))}
        </div>
      </section>

      <CallBudgetTable
        accounts={detail.accounts}
        attended={job.attended}
        replay={job.jobType === 'replay'}
        started={job.startedAt !== null}
      />

      <MatchDecisions matches={detail.matches} started={job.startedAt !== null} />

      {isFinalJobStatus(job.status) ? (
        <Form method="post" className="section inline-actions">
          <input type="hidden" name="jobId" value={job.id} />
          <button type="submit" name="intent" value="replay" className="button button-secondary">
            Replay from the archive
          </button>
          <span className="muted small">
            Runs de-duplication again over the bank’s responses this import kept, without asking the bank.
          </span>
        </Form>
      ) : null}

      <EnrichmentJobs
        jobs={detail.enrichmentJobs}
        autoEnrich={job.autoEnrich}
        finished={job.finishedAt !== null}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError what="this import" back={{ to: '/imports', label: 'Back to import history' }} />;
}
