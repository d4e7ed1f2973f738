import type { ReactNode } from 'react';
import type { TransactionItem } from '~/lib/api-types';
import { maskedNumberLabel } from '~/lib/account-labels';
import { categoryLabel } from '~/lib/category-label';
import { formatCalendarDate, formatMoney } from '~/lib/format';

/** Which account, so two banks' "TRANSACTION ACCOUNT 1" differ: the connection's name (or bank) · account ••1234. */
export function transactionAccountLabel(account: TransactionItem['account']): string {
  const number = maskedNumberLabel(account.maskedNumber);
  return `${account.connection.label ?? account.connection.providerName} · ${account.displayName}${number ? ` ${number}` : ''}`;
}

/**
 * One transaction in the table. The amount sits beside the description so it is never the column scrolled off;
 * on a phone the secondary columns fold into a line under the description (see `.tx-secondary` in app.css).
 * The category cell is its own component slot so category editing can replace it.
 */
export function TransactionRow({ tx, category }: { tx: TransactionItem; category?: ReactNode }) {
  const categoryText = categoryLabel(tx.category ?? tx.providerCategory);
  const account = transactionAccountLabel(tx.account);
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={tx.bookingDate}>{formatCalendarDate(tx.bookingDate)}</time>
      </td>
      <td className="description-cell">
        <span className="description">{tx.description}</span>
        <span className="tx-folded muted small">
          {[tx.merchantName, categoryText, account, tx.status === 'pending' ? 'Pending' : null]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </td>
      <td className={`num amount ${tx.amountMinor < 0 ? 'amount-out' : 'amount-in'}`}>
        {formatMoney(tx.amountMinor, tx.currency)}
      </td>
      <td className="tx-secondary">{tx.merchantName ?? <span className="muted">—</span>}</td>
      <td className="tx-secondary">{category ?? <span className="category-chip">{categoryText}</span>}</td>
      <td className="tx-secondary muted small">{account}</td>
      <td className="tx-secondary">
        <span className={`badge ${tx.status === 'pending' ? 'badge-warning' : 'badge-neutral'}`}>
          {tx.status === 'pending' ? 'Pending' : 'Booked'}
        </span>
      </td>
    </tr>
  );
}
