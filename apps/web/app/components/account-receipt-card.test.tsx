import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { anAccountResult } from '../../test/fixtures';
import { AccountReceiptCard } from './account-receipt-card';
import { CallBudgetTable } from './call-budget-table';

function row(label: string) {
  const term = screen.getByText(label, { selector: 'dt, dt *' }).closest('.receipt-row');
  if (!(term instanceof HTMLElement)) throw new Error(`no row ${label}`);
  return within(term);
}

describe('an account’s receipt', () => {
  test('shows every count of what was fetched, the calls, and its share of the enrichment', () => {
    render(<AccountReceiptCard account={anAccountResult()} />);
    expect(row('Fetched from the bank').getByText('40')).toBeTruthy();
    expect(row('New transactions').getByText('30')).toBeTruthy();
    expect(row('Updated').getByText('1')).toBeTruthy();
    expect(row('Duplicates skipped').getByText('7')).toBeTruthy();
    expect(row('Pairs to review').getByText('1')).toBeTruthy();
    expect(row('Enrichment').getByText('US$0.0013')).toBeTruthy();
    expect(row('Enrichment').getByText(/30 categorised · 2,100 \/ 800 tokens/)).toBeTruthy();
  });

  test('a zero says why: waiting for the bank’s limit, with the time it runs again', () => {
    const { receipt } = anAccountResult();
    if (!receipt) throw new Error('the fixture has a receipt');
    const waiting = { ...receipt, fetched: 0, new: 0, zeroReason: 'deferred_by_call_budget' as const };
    render(
      <AccountReceiptCard
        account={anAccountResult({
          status: 'deferred',
          deferredUntil: new Date('2026-11-26T10:01:00Z'),
          receipt: waiting,
        })}
      />,
    );
    expect(screen.getByText(/the bank’s daily limit on background requests was used up/)).toBeTruthy();
    expect(screen.getByText(/Runs again from where it stopped at 26 Nov 2026, 10:01 UTC/)).toBeTruthy();
  });

  test('zeros a bank explains itself say "not offered by this bank", and sign-read card items are named', () => {
    const { receipt } = anAccountResult();
    if (!receipt) throw new Error('the fixture has a receipt');
    const notOffered = {
      ...receipt,
      fetched: 0,
      new: 0,
      pendingAwaitingBooking: 0,
      zeroReason: 'not_offered_by_bank' as const,
      notOffered: ['transactions' as const, 'pending' as const],
      directionBySign: 12,
    };
    render(<AccountReceiptCard account={anAccountResult({ receipt: notOffered })} />);
    expect(
      screen.getByText(/Not offered by this bank: it does not share this account’s transactions/),
    ).toBeTruthy();
    expect(screen.getByText(/Pending: not offered by this bank/)).toBeTruthy();
    expect(screen.getByText(/12 card transactions came without a debit\/credit type/)).toBeTruthy();
  });
});

describe('the bank call budget', () => {
  test('shows per account the calls planned and used, what is left today and when the next call frees up', () => {
    render(<CallBudgetTable accounts={[anAccountResult()]} attended={false} replay={false} />);
    const cells = screen.getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['2', '2', '2 of 4', '1 (+1 kept for you)', '26 Nov 2026, 10:01 UTC']);
    expect(screen.getByText(/This import ran without you, so its calls counted/)).toBeTruthy();
  });
});

describe('receipt wording', () => {
  test('does not claim its calls did not count: it made none', () => {
    render(<CallBudgetTable accounts={[anAccountResult()]} attended replay={false} started={false} />);
    expect(screen.getByText(/This import never ran, so it made no bank calls/)).toBeTruthy();
    expect(screen.queryByText(/You started this import, so its calls did not count/)).toBeNull();
  });

  test('the receipt says in words what pending removed, awaiting booking and each kind of duplicate mean', () => {
    render(<AccountReceiptCard account={anAccountResult()} />);
    expect(screen.getByText(/Pending payments the bank no longer lists/)).toBeTruthy();
    expect(screen.getByText(/Payments the bank still shows as pending/)).toBeTruthy();
    expect(
      screen.getByText(
        /recognised by: the bank’s lasting reference \d+ · the bank’s own transaction id \d+ · same date, amount and description \d+/,
      ),
    ).toBeTruthy();
  });
});
