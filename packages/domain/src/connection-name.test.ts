import { describe, expect, it } from 'vitest';
import { connectionName } from './connection-name';

describe('connectionName', () => {
  it('uses the person’s own name when there is one', () => {
    expect(
      connectionName({ label: 'Joint', providerName: 'MOCK', accounts: [{ maskedNumber: '1234' }] }),
    ).toBe('Joint');
  });

  it('tells two banks of one provider apart by the first account’s last digits', () => {
    const a = connectionName({ label: null, providerName: 'MOCK', accounts: [{ maskedNumber: '1234' }] });
    const b = connectionName({
      label: null,
      providerName: 'MOCK',
      accounts: [{ maskedNumber: null }, { maskedNumber: '9876' }],
    });
    expect([a, b]).toEqual(['MOCK ••1234', 'MOCK ••9876']);
  });

  it('falls back to the bank’s name when no account has digits', () => {
    expect(connectionName({ label: null, providerName: 'MOCK', accounts: [] })).toBe('MOCK');
  });
});
