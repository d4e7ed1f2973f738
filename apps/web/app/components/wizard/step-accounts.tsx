import { useEffect, useRef } from 'react';
import type { BankAccount } from '~/lib/api-types';
import { formatRelative } from '~/lib/format';
import { accountTypeLabel, maskedNumberLabel } from '~/lib/account-labels';

type Props = {
  accounts: readonly BankAccount[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  now: Date;
};

export function StepAccounts({ accounts, selected, onChange, now }: Props) {
  const all = selected.length === accounts.length && accounts.length > 0;
  const some = selected.length > 0 && !all;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = some;
  }, [some]);

  const toggle = (id: string, on: boolean) =>
    onChange(
      on
        ? accounts.filter((a) => a.id === id || selected.includes(a.id)).map((a) => a.id)
        : selected.filter((s) => s !== id),
    );

  return (
    <div className="step-body">
      <label className="select-all">
        <input
          ref={selectAll}
          type="checkbox"
          checked={all}
          onChange={(e) => onChange(e.target.checked ? accounts.map((a) => a.id) : [])}
        />
        <span>Select all ({accounts.length})</span>
        <span className="muted small">{selected.length} selected</span>
      </label>
      <ul className="choice-list" aria-label="Accounts and cards">
        {accounts.map((account) => (
          <li key={account.id}>
            <label className={`choice${selected.includes(account.id) ? ' is-selected' : ''}`}>
              <input
                type="checkbox"
                checked={selected.includes(account.id)}
                onChange={(e) => toggle(account.id, e.target.checked)}
              />
              <span className={`kind-icon kind-${account.kind}`} aria-hidden="true">
                {account.kind === 'card' ? '▭' : '£'}
              </span>
              <span className="choice-main">
                <strong>{account.displayName}</strong>
                <span className="muted small">
                  {accountTypeLabel(account)} · {account.currency}
                  {account.maskedNumber ? ` · ${maskedNumberLabel(account.maskedNumber)}` : ''}
                </span>
              </span>
              <span className="choice-meta muted small">
                Last synced {formatRelative(account.lastSyncedAt, now)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
