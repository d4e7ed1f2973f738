import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { aConnection } from '../../test/fixtures';
import { BankOffers } from './connection-card';

describe('a bank on the Banks page', () => {
  test('says what the bank does not offer, as a fact and not an error (issue #16)', () => {
    render(
      <BankOffers capabilities={{ accounts: 'no', cards: 'yes', pending: 'no', transactions: 'unknown' }} />,
    );
    expect(
      screen.getByText(/Not offered by this bank: Accounts, Pending payments\. Imports skip it/),
    ).toBeTruthy();
  });

  test('a bank that offers everything it was asked for shows no such line', () => {
    const { container } = render(<BankOffers capabilities={aConnection().capabilities} />);
    expect(container.textContent).toBe('');
  });
});
