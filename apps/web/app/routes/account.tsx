import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { RouteError } from '~/components/route-error';
import { Notice } from '~/components/ui/notice';
import { PageHeader } from '~/components/ui/page-header';
import { attempt, withApi } from '~/lib/api.server';
import { formatDateTime } from '~/lib/format';

export const meta: MetaFunction = () => [{ title: 'Account · Spending' }];

const actionLabels: Record<string, string> = {
  'bank.connected': 'Bank connected',
  'bank.removed': 'Bank removed',
  'enrichment.changed': 'Enrichment provider or key changed',
  'import.deleted': 'Import deleted',
  'sign_in.new_address': 'Signed in from a new address',
  'password.changed': 'Password changed',
  'sessions.ended': 'Sessions ended',
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  return withApi(request, context, async (api) => {
    const [sessions, activity] = await Promise.all([api.auth.sessions(), api.auth.activity()]);
    return { sessions, activity };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  return withApi(request, context, async (api) => {
    if (intent === 'end-session') {
      const result = await attempt(() =>
        api.auth.endSession({ sessionId: String(form.get('sessionId') ?? '') }),
      );
      return { intent, ok: result.ok, message: result.ok ? 'That session is signed out.' : result.message };
    }
    if (intent === 'end-others') {
      const result = await attempt(() => api.auth.endOtherSessions());
      return {
        intent,
        ok: result.ok,
        message: result.ok ? `Signed out everywhere else (${result.value.ended}).` : result.message,
      };
    }
    if (intent === 'change-password') {
      const newPassword = String(form.get('newPassword') ?? '');
      if (newPassword !== String(form.get('confirmPassword') ?? ''))
        return { intent, ok: false, message: 'The new passwords are not the same.' };
      const result = await attempt(() =>
        api.auth.changePassword({ currentPassword: String(form.get('currentPassword') ?? ''), newPassword }),
      );
      return {
        intent,
        ok: result.ok,
        message: result.ok
          ? `Password changed; ${result.value.endedSessions} other session(s) signed out.`
          : result.message,
      };
    }
    return { intent, ok: false, message: 'Unknown action.' };
  });
}

export default function Account() {
  const { sessions, activity } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const others = sessions.filter((session) => !session.current).length;
  const notice = (intent: string) =>
    result && result.intent === intent ? (
      <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
        <p>{result.message}</p>
      </Notice>
    ) : null;
  return (
    <>
      <PageHeader title="Account" description="Where you are signed in, your password, and what happened." />

      <section className="card section" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="section-title">
          Sessions
        </h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Address</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>{session.userAgent ?? 'Unknown'}</td>
                  <td>{session.address ?? '—'}</td>
                  <td>{formatDateTime(session.createdAt)}</td>
                  <td>{formatDateTime(session.lastSeenAt)}</td>
                  <td>
                    {session.current ? (
                      'This session'
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="sessionId" value={session.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="end-session"
                          className="button button-secondary"
                          disabled={busy}
                        >
                          Sign out
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="end-others"
            className="button button-secondary"
            disabled={busy || others === 0}
          >
            Sign out everywhere else
          </button>
        </Form>
        {notice('end-session')}
        {notice('end-others')}
      </section>

      <section className="card section" aria-labelledby="password-title">
        <h2 id="password-title" className="section-title">
          Change password
        </h2>
        <p className="muted">Every other session is signed out when the password changes.</p>
        <Form method="post">
          <label className="field">
            <span>Current password</span>
            <input type="password" name="currentPassword" autoComplete="current-password" required />
          </label>
          <label className="field">
            <span>New password</span>
            <input type="password" name="newPassword" autoComplete="new-password" minLength={8} required />
          </label>
          <label className="field">
            <span>New password again</span>
            <input
              type="password"
              name="confirmPassword"
              autoComplete="new-password"
              minLength={8}
              required
            />
          </label>
          <button type="submit" name="intent" value="change-password" className="button" disabled={busy}>
            Change password
          </button>
        </Form>
        {notice('change-password')}
      </section>

      <section className="card section" aria-labelledby="activity-title">
        <h2 id="activity-title" className="section-title">
          Activity
        </h2>
        {activity.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Detail</th>
                  <th scope="col">Address</th>
                </tr>
              </thead>
              <tbody>
                {activity.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDateTime(event.createdAt)}</td>
                    <td>{actionLabels[event.action] ?? event.action}</td>
                    <td>{event.detail ?? '—'}</td>
                    <td>{event.address ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError what="your account" />;
}
