import {
  redirect,
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
} from '@remix-run/node';
import { RouteError } from '~/components/route-error';
import { attempt, withApi } from '~/lib/api.server';
import { continueImportCookie, secureFor } from '~/lib/continue-import-cookie.server';

const bankErrors: Record<string, string> = {
  access_denied:
    'You chose not to share your accounts. Nothing was connected; you can try again at any time.',
};

/** The bank sends people back here with `code` and `state` (a redirect, or a form_post). */
async function complete(
  request: Request,
  context: AppLoadContext,
  fields: { code: string | null; state: string | null; error: string | null },
) {
  if (fields.error) {
    const message =
      bankErrors[fields.error] ?? `The bank did not connect (${fields.error}). Please try again.`;
    return redirect(`/connections?${new URLSearchParams({ error: message })}`);
  }
  if (!fields.code || !fields.state)
    return redirect(
      `/connections?${new URLSearchParams({ error: 'The bank sent us back without a code. Please connect again.' })}`,
    );
  const { code, state } = fields;
  return withApi(request, context, async (api) => {
    const result = await attempt(() => api.connections.completeOAuth({ code, state }));
    if (!result.ok) return redirect(`/connections?${new URLSearchParams({ error: result.message })}`);
    const continueJobId: unknown = await continueImportCookie.parse(request.headers.get('Cookie'));
    if (typeof continueJobId === 'string' && continueJobId) {
      // "Reconnect and continue": the new consent's first minutes fetch the job's locked dates.
      const cleared = await continueImportCookie.serialize('', { maxAge: 0, secure: secureFor(request) });
      const continued = await attempt(() => api.importContinueLocked({ jobId: continueJobId }));
      const query = continued.ok
        ? 'started=1'
        : new URLSearchParams({ 'continue-error': continued.message }).toString();
      return redirect(`/imports/${encodeURIComponent(continueJobId)}?${query}`, {
        headers: { 'Set-Cookie': cleared },
      });
    }
    return redirect(`/connections?${new URLSearchParams({ connected: result.value.id })}`);
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  return complete(request, context, {
    code: params.get('code'),
    state: params.get('state'),
    error: params.get('error'),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : null;
  };
  return complete(request, context, { code: field('code'), state: field('state'), error: field('error') });
}

export function ErrorBoundary() {
  return <RouteError what="your new bank connection" />;
}
