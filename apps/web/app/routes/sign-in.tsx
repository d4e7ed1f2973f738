import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { RouteError } from '~/components/route-error';
import { Notice } from '~/components/ui/notice';
import { apiErrorOf } from '~/lib/api.server';
import { safeRedirectPath } from '~/lib/safe-redirect';

export const meta: MetaFunction = () => [{ title: 'Sign in · Spending' }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const api = await context.createApiCaller();
  if (await api.auth.me()) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('next')));
  return { demoUser: context.demoUser ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const next = safeRedirectPath(String(form.get('next') ?? ''));
  if (!email.trim() || !password) return { error: 'Enter your email and your password.', email };
  const cookies: string[] = [];
  const api = await context.createApiCaller({ setCookie: (cookie) => cookies.push(cookie) });
  try {
    await api.auth.signIn({ email, password });
  } catch (error) {
    const apiError = apiErrorOf(error);
    if (!apiError) throw error;
    const message = apiError.code === 'BAD_REQUEST' ? 'Enter a valid email address.' : apiError.message;
    return { error: message, email };
  }
  const headers = new Headers();
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return redirect(next, { headers });
}

export default function SignIn() {
  const { demoUser } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state === 'submitting';
  return (
    <main className="auth-page" id="main">
      <div className="auth-card">
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="36" height="36">
              <rect width="32" height="32" rx="9" fill="currentColor" />
              <path
                d="M9 19.5c2.2 2 4.4 3 7 3 3.3 0 5.5-1.6 5.5-4 0-5.2-12-2.6-12-8.2 0-2.3 2.2-3.9 5.4-3.9 2.3 0 4.3.8 6 2.2"
                fill="none"
                stroke="#fff"
                strokeWidth="2.4"
                strokeLinecap="round"
              />
            </svg>
          </span>
          <h1>Welcome back</h1>
          <p className="muted">Sign in to import and review your bank transactions.</p>
        </div>
        <Form method="post" className="stack">
          <input type="hidden" name="next" value={params.get('next') ?? '/connections'} />
          <div className="field">
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={result?.email ?? ''}
              autoFocus
            />
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required />
          </div>
          {result?.error ? (
            <Notice tone="danger" role="alert">
              <p>{result.error}</p>
            </Notice>
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </Form>
        {demoUser ? (
          <p className="auth-hint muted small">
            Trying it out? Sign in as <code>{demoUser.email}</code> with the password{' '}
            <code>{demoUser.password}</code>.
          </p>
        ) : null}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main className="main main-bare">
      <RouteError what="the sign-in page" back={{ to: '/sign-in', label: 'Back to sign in' }} />
    </main>
  );
}
