import { connectionLabelMaxLength } from '@app/domain';
import { Form } from '@remix-run/react';
import type { Connection } from '~/lib/api-types';
import { accountTypeLabel, maskedNumberLabel } from '~/lib/account-labels';
import { formatDateTime, formatRelative, plural } from '~/lib/format';
import { SlidersIcon, SyncIcon } from './ui/icons';
import { Notice } from './ui/notice';

type Props = {
  connection: Connection;
  now: Date;
  busyIntent: string | null;
  result: { ok: boolean; message: string } | null;
  onAdvancedImport: () => void;
};

export function ConnectionCard({ connection, now, busyIntent, result, onAdvancedImport }: Props) {
  const active = connection.status === 'active';
  const expiringSoon = connection.consentExpiringSoon;
  const accounts = connection.accounts.filter((a) => a.kind === 'account');
  const cards = connection.accounts.filter((a) => a.kind === 'card');

  return (
    <article className="card connection-card" aria-labelledby={`conn-${connection.id}`}>
      <header className="connection-head">
        <div className="bank-avatar" aria-hidden="true">
          {connection.name.charAt(0).toUpperCase()}
        </div>
        <div className="connection-title">
          <h2 id={`conn-${connection.id}`}>{connection.name}</h2>
          <p className="muted small">
            {connection.label ? `${connection.providerName} · ` : ''}
            {plural(accounts.length, 'account')} · {plural(cards.length, 'card')} · connected{' '}
            {formatDateTime(connection.createdAt)}
          </p>
        </div>
        <span
          className={`badge ${active ? (expiringSoon ? 'badge-warning' : 'badge-success') : 'badge-danger'}`}
        >
          <span className="badge-dot" aria-hidden="true" />
          {active
            ? expiringSoon
              ? 'Consent ending'
              : 'Connected'
            : connection.status === 'revoked'
              ? 'Revoked'
              : 'Needs reconnecting'}
        </span>
      </header>

      <BankOffers capabilities={connection.capabilities} />

      <div className="connection-actions">
        <Form method="post" className="inline-form">
          <input type="hidden" name="connectionId" value={connection.id} />
          <button
            type="submit"
            name="intent"
            value="sync"
            className="button button-primary"
            disabled={!active || busyIntent !== null}
          >
            <SyncIcon />
            {busyIntent === 'sync' ? 'Starting sync…' : 'Sync now'}
          </button>
        </Form>
        <button
          type="button"
          className="button button-secondary"
          onClick={onAdvancedImport}
          disabled={!active}
        >
          <SlidersIcon />
          Advanced import
        </button>
        <span className="consent-line muted small">
          {active ? (
            <>
              Consent{' '}
              {connection.consentDaysLeft === 0
                ? 'ends today'
                : `ends in ${plural(connection.consentDaysLeft, 'day')}`}{' '}
              ({formatDateTime(connection.consentExpiresAt)})
            </>
          ) : (
            'Consent has ended: reconnect this bank to import again.'
          )}
        </span>
      </div>

      {expiringSoon ? (
        <Notice tone="warning" title={`Consent ends in ${plural(connection.consentDaysLeft, 'day')}`}>
          <p>
            After that, imports and schedules from {connection.name} stop until you renew it. Reconfirm below
            to extend it for another 90 days without leaving this page (UK banks), or give a new consent at
            the bank. Your imported data stays either way.
          </p>
          <div className="inline-actions">
            <Form method="post" className="inline-form">
              <input type="hidden" name="connectionId" value={connection.id} />
              <button
                type="submit"
                name="intent"
                value="extend"
                className="button button-secondary button-sm"
                disabled={busyIntent !== null}
              >
                {busyIntent === 'extend' ? 'Extending…' : 'I still agree: extend consent'}
              </button>
            </Form>
            <Form method="post" className="inline-form">
              <button
                type="submit"
                name="intent"
                value="connect"
                className="button button-ghost button-sm"
                disabled={busyIntent !== null}
              >
                Give a new consent
              </button>
            </Form>
          </div>
        </Notice>
      ) : null}
      {!active ? (
        <Notice tone="danger" title="Reconnect to keep importing">
          <p>
            The bank no longer accepts this consent, so imports and schedules are paused. Connect it again:
            the same connection is renewed, your history and transactions stay, and paused schedules resume.
          </p>
          <Form method="post" className="inline-form">
            <button type="submit" name="intent" value="connect" className="button button-secondary button-sm">
              Reconnect {connection.name}
            </button>
          </Form>
        </Notice>
      ) : null}
      {result ? (
        <Notice tone={result.ok ? 'success' : 'danger'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </Notice>
      ) : null}

      <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <caption className="sr-only">Accounts and cards of {connection.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Currency</th>
              <th scope="col">Number</th>
              <th scope="col">Last synced</th>
            </tr>
          </thead>
          <tbody>
            {connection.accounts.map((account) => (
              <tr key={account.id}>
                <td>
                  <span className="account-name">
                    <span className={`kind-icon kind-${account.kind}`} aria-hidden="true">
                      {account.kind === 'card' ? '▭' : '£'}
                    </span>
                    {account.displayName}
                  </span>
                </td>
                <td>{accountTypeLabel(account)}</td>
                <td>{account.currency}</td>
                <td className="mono nowrap">{maskedNumberLabel(account.maskedNumber) ?? '—'}</td>
                <td title={account.lastSyncedAt ? formatDateTime(account.lastSyncedAt) : undefined}>
                  {formatRelative(account.lastSyncedAt, now)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <footer className="connection-foot">
        <RenameConnection connection={connection} busy={busyIntent !== null} />
        <Form method="post" className="inline-form">
          <input type="hidden" name="connectionId" value={connection.id} />
          <button
            type="submit"
            name="intent"
            value="refresh"
            className="button button-ghost button-sm"
            disabled={!active || busyIntent !== null}
          >
            {busyIntent === 'refresh' ? 'Refreshing…' : 'Refresh accounts'}
          </button>
        </Form>
        <Form
          method="post"
          className="inline-form"
          onSubmit={(event) => {
            if (
              !window.confirm(
                `Remove ${connection.name}? Its accounts and imported transactions are deleted too.`,
              )
            )
              event.preventDefault();
          }}
        >
          <input type="hidden" name="connectionId" value={connection.id} />
          <button
            type="submit"
            name="intent"
            value="remove"
            className="button button-ghost button-danger-text button-sm"
            disabled={busyIntent !== null}
          >
            Remove bank
          </button>
        </Form>
      </footer>
    </article>
  );
}

const offerLabels = {
  accounts: 'Accounts',
  cards: 'Cards',
  transactions: 'Transaction history',
  pending: 'Pending payments',
} as const;

/**
 * What this bank offers through open banking, learned from its answers: a bank that does not offer something (a
 * charge-card provider has no accounts; some banks never report pending payments) is not failing.
 */
export function BankOffers({ capabilities }: { capabilities: Connection['capabilities'] }) {
  const missing = (Object.keys(offerLabels) as (keyof typeof offerLabels)[]).filter(
    (key) => capabilities[key] === 'no',
  );
  if (missing.length === 0) return null;
  return (
    <p className="muted small bank-offers">
      Not offered by this bank: {missing.map((key) => offerLabels[key]).join(', ')}. Imports skip it; this is
      not an error.
    </p>
  );
}

/** Lets the person name the connection ("Joint account"), so two connections of one bank differ (issue #17). */
function RenameConnection({ connection, busy }: { connection: Connection; busy: boolean }) {
  return (
    <details className="rename-connection">
      <summary className="button button-ghost button-sm">Rename</summary>
      <Form method="post" className="inline-form">
        <input type="hidden" name="connectionId" value={connection.id} />
        <label className="small" htmlFor={`rename-${connection.id}`}>
          Name for this connection
        </label>
        <input
          id={`rename-${connection.id}`}
          name="label"
          className="input"
          required
          maxLength={connectionLabelMaxLength}
          defaultValue={connection.label ?? connection.name}
        />
        <button
          type="submit"
          name="intent"
          value="rename"
          className="button button-secondary button-sm"
          disabled={busy}
        >
          Save name
        </button>
      </Form>
    </details>
  );
}
