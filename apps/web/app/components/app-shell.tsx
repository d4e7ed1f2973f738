import { Form, NavLink, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import {
  BankIcon,
  CalendarIcon,
  ChartIcon,
  HistoryIcon,
  ListIcon,
  QueueIcon,
  SignOutIcon,
  SlidersIcon,
} from './ui/icons';

const nav = [
  { to: '/connections', label: 'Banks', icon: <BankIcon /> },
  { to: '/imports', label: 'Import history', icon: <HistoryIcon /> },
  { to: '/queue', label: 'Queue', icon: <QueueIcon /> },
  { to: '/schedules', label: 'Schedules', icon: <CalendarIcon /> },
  { to: '/transactions', label: 'Transactions', icon: <ListIcon /> },
  { to: '/costs', label: 'Costs', icon: <ChartIcon /> },
  { to: '/account', label: 'Account', icon: <SlidersIcon /> },
];

export function AppShell({
  user,
  children,
}: {
  user: { email: string; name: string | null };
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div
        className={`top-loader${busy ? ' is-active' : ''}`}
        role="progressbar"
        aria-hidden={!busy}
        aria-label="Loading"
      />
      <aside className="sidebar">
        <a className="brand" href="/connections">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="28" height="28">
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
          <span className="brand-name">Spending</span>
        </a>
        <nav aria-label="Main">
          <ul className="nav-list">
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) => `nav-link${isActive ? ' is-active' : ''}`}
                  prefetch="intent"
                >
                  {item.icon}
                  <span>{item.label}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar-user">
          <div className="avatar" aria-hidden="true">
            {(user.name ?? user.email).charAt(0).toUpperCase()}
          </div>
          <div className="sidebar-user-text">
            <span className="sidebar-user-name">{user.name ?? 'Signed in'}</span>
            <span className="sidebar-user-email">{user.email}</span>
          </div>
          <Form method="post" action="/sign-out">
            <button type="submit" className="icon-button" aria-label="Sign out" title="Sign out">
              <SignOutIcon />
            </button>
          </Form>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
