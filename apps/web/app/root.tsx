import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from '@remix-run/react';
import { useContext, type ReactNode } from 'react';
import { AppShell } from './components/app-shell';
import { RouteError } from './components/route-error';
import { CspNonce } from './lib/csp-nonce';
import stylesUrl from './styles/app.css?url';

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'stylesheet', href: stylesUrl },
];

export const meta: MetaFunction = () => [
  { title: 'Spending' },
  { name: 'description', content: 'Import your bank transactions, calmly.' },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const api = await context.createApiCaller();
  return { user: await api.auth.me() };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useContext(CspNonce);
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  return user ? (
    <AppShell user={user}>
      <Outlet />
    </AppShell>
  ) : (
    <Outlet />
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('root');
  const content = <RouteError what="this page" />;
  return data?.user ? (
    <AppShell user={data.user}>{content}</AppShell>
  ) : (
    <main className="main main-bare">{content}</main>
  );
}
