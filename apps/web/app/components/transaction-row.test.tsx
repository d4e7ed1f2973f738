import { describe, expect, test } from 'vitest';
import { transactionAccountLabel } from './transaction-row';

describe('the account a transaction belongs to', () => {
  const account = {
    displayName: 'TRANSACTION ACCOUNT 1',
    kind: 'account' as const,
    maskedNumber: '1234',
    connection: { providerName: 'MOCK', label: null as string | null, accounts: [{ maskedNumber: '1234' }] },
  };

  test('is named by its bank and last digits', () => {
    expect(transactionAccountLabel(account)).toBe('MOCK · TRANSACTION ACCOUNT 1 ••••\u00a01234');
  });

  test('is named by the connection’s own name once the person gave one', () => {
    const named = { ...account, connection: { ...account.connection, label: 'Joint account' } };
    expect(transactionAccountLabel(named)).toBe('Joint account · TRANSACTION ACCOUNT 1 ••••\u00a01234');
  });
});
