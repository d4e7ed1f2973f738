import { connectionName } from '@app/domain';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { RouteError } from '~/components/route-error';
import { ScheduleForm } from '~/components/schedule-form';
import { EmptyState } from '~/components/ui/empty-state';
import { PlusIcon } from '~/components/ui/icons';
import { Notice } from '~/components/ui/notice';
import { PageHeader } from '~/components/ui/page-header';
import { attempt, withApi } from '~/lib/api.server';
import { formatDateTime, plural } from '~/lib/format';
import { cadenceLabels } from '~/lib/cadence-labels';
import { readScheduleForm } from '~/lib/schedule-form.server';

export const meta: MetaFunction = () => [{ title: 'Schedules · Spending' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return withApi(request, context, async (api) => {
    const [schedules, connections] = await Promise.all([api.schedules.list(), api.connections.list()]);
    return { schedules, connections };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const scheduleId = String(form.get('scheduleId') ?? '');
  return withApi(request, context, async (api) => {
    if (intent === 'create' || intent === 'update') {
      const parsed = readScheduleForm(form);
      if (!parsed.success)
        return {
          intent,
          scheduleId,
          ok: false as const,
          message: parsed.error.issues[0]?.message ?? 'Check the form.',
        };
      const { connectionId, ...fields } = parsed.data;
      const result = await attempt(() =>
        intent === 'create'
          ? api.schedules.create({ connectionId, ...fields })
          : api.schedules.update({ scheduleId, ...fields }),
      );
      return result.ok
        ? {
            intent,
            scheduleId: result.value.id,
            ok: true as const,
            message: intent === 'create' ? 'Schedule created.' : 'Schedule saved.',
          }
        : { intent, scheduleId, ok: false as const, message: result.message };
    }
    if (intent === 'toggle') {
      const enabled = form.get('enabled') === 'true';
      const result = await attempt(() => api.schedules.update({ scheduleId, enabled }));
      return result.ok
        ? {
            intent,
            scheduleId,
            ok: true as const,
            message: enabled ? 'Schedule switched on.' : 'Schedule paused.',
          }
        : { intent, scheduleId, ok: false as const, message: result.message };
    }
    if (intent === 'remove') {
      const result = await attempt(() => api.schedules.remove({ scheduleId }));
      return result.ok
        ? { intent, scheduleId, ok: true as const, message: 'Schedule deleted.' }
        : { intent, scheduleId, ok: false as const, message: result.message };
    }
    throw new Response('Unknown action.', { status: 400 });
  });
}

export default function Schedules() {
  const { schedules, connections } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const editing = params.get('edit');

  // A saved form closes itself once the lists are fresh, once per result.
  const handled = useRef<typeof result>(undefined);
  useEffect(() => {
    if (navigation.state !== 'idle' || !result || handled.current === result) return;
    handled.current = result;
    if (result.ok && (result.intent === 'create' || result.intent === 'update')) {
      setCreating(false);
      if (editing) setParams({}, { replace: true });
    }
  }, [result, navigation.state, editing, setParams]);

  const formError = (intent: string, id?: string) =>
    result && !result.ok && result.intent === intent && (!id || result.scheduleId === id)
      ? result.message
      : null;

  return (
    <div className="page">
      <PageHeader
        title="Schedules"
        description="Recurring imports that keep your transactions up to date without you opening the app."
        actions={
          connections.length > 0 && !creating ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              <PlusIcon />
              New schedule
            </button>
          ) : null
        }
      />
      {result && (result.ok || (result.intent !== 'create' && result.intent !== 'update')) ? (
        <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </Notice>
      ) : null}

      {creating ? (
        <section className="card section" aria-labelledby="new-schedule-title">
          <h2 id="new-schedule-title" className="section-title">
            New schedule
          </h2>
          <ScheduleForm
            connections={connections}
            error={formError('create')}
            onCancel={() => setCreating(false)}
          />
        </section>
      ) : null}

      {connections.length === 0 ? (
        <EmptyState
          title="Connect a bank first"
          action={
            <Link className="button button-primary" to="/connections">
              Connect a bank
            </Link>
          }
        >
          <p>Schedules import from a connected bank on a daily, weekly or monthly rhythm.</p>
        </EmptyState>
      ) : schedules.length === 0 && !creating ? (
        <EmptyState
          title="No schedules yet"
          action={
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              Create a schedule
            </button>
          }
        >
          <p>For example: every day, import the last 7 days from every account.</p>
        </EmptyState>
      ) : (
        <ul className="schedule-list">
          {schedules.map((schedule) => (
            <li key={schedule.id} className="card schedule-card">
              {editing === schedule.id ? (
                <>
                  <h2 className="section-title">Edit schedule · {connectionName(schedule.connection)}</h2>
                  <ScheduleForm
                    connections={connections}
                    schedule={schedule}
                    error={formError('update', schedule.id)}
                    onCancel={() => setParams({}, { replace: true })}
                  />
                </>
              ) : (
                <div className="schedule-row">
                  <div className="schedule-main">
                    <h2 className="schedule-title">
                      {cadenceLabels[schedule.cadence]} · {connectionName(schedule.connection)}
                    </h2>
                    <p className="muted small">
                      Last {plural(schedule.windowDays, 'day')} ·{' '}
                      {schedule.accountIds.length === 0
                        ? 'every account'
                        : plural(schedule.accountIds.length, 'account')}{' '}
                      · batch {schedule.batchSize} · enrichment {schedule.autoEnrich ? 'on' : 'off'}
                    </p>
                    <p className="small">
                      {schedule.enabled ? (
                        <>Next run {formatDateTime(schedule.nextRunAt)}</>
                      ) : (
                        <span className="tone-warning">
                          Paused{schedule.pausedReason ? `: ${schedule.pausedReason}` : ''}
                        </span>
                      )}
                      {schedule.lastRunAt ? (
                        <span className="muted"> · last run {formatDateTime(schedule.lastRunAt)}</span>
                      ) : null}
                      {schedule.lastJobId ? (
                        <>
                          {' '}
                          · <Link to={`/imports/${schedule.lastJobId}`}>last import</Link>
                        </>
                      ) : null}
                    </p>
                  </div>
                  <div className="schedule-actions">
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="scheduleId" value={schedule.id} />
                      <input type="hidden" name="enabled" value={schedule.enabled ? 'false' : 'true'} />
                      <button
                        type="submit"
                        name="intent"
                        value="toggle"
                        className="button button-secondary button-sm"
                      >
                        {schedule.enabled ? 'Pause' : 'Switch on'}
                      </button>
                    </Form>
                    <Link to={`?edit=${schedule.id}`} className="button button-secondary button-sm">
                      Edit
                    </Link>
                    <Form
                      method="post"
                      className="inline-form"
                      onSubmit={(event) => {
                        if (!window.confirm('Delete this schedule? Imports it already ran stay in history.'))
                          event.preventDefault();
                      }}
                    >
                      <input type="hidden" name="scheduleId" value={schedule.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="remove"
                        className="button button-ghost button-danger-text button-sm"
                      >
                        Delete
                      </button>
                    </Form>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError what="your schedules" />;
}
