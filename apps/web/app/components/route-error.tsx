import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';

type Props = {
  /** What this page shows, e.g. "your import history". */
  what: string;
  back?: { to: string; label: string };
};

/** A route's error boundary: says what failed and what to do, with the API's own message when there is one. */
export function RouteError({ what, back = { to: '/connections', label: 'Back to your banks' } }: Props) {
  const error = useRouteError();
  let title = `We could not load ${what}`;
  let detail = 'Something went wrong on our side. Try again in a moment; if it keeps happening, tell us.';
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === 'string' && error.data ? error.data : null;
    if (error.status === 404) title = `We could not find ${what}`;
    if (error.status === 429) title = 'Too many requests';
    detail = message ?? detail;
  }
  return (
    <div className="route-error" role="alert">
      <h1>{title}</h1>
      <p>{detail}</p>
      <div className="route-error-actions">
        <Link className="button button-secondary" to=".">
          Try again
        </Link>
        <Link className="button button-ghost" to={back.to}>
          {back.label}
        </Link>
      </div>
    </div>
  );
}
