import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { progressFromEvents } from '~/lib/progress-state';
import { anEvent, failingCardRun } from '../../../test/fixtures';
import { ImportProgressView } from './import-progress-view';

const seeds = [
  { accountId: 'acc-current', displayName: 'Everyday Current', kind: 'account' as const },
  { accountId: 'card-credit', displayName: 'Platinum Card', kind: 'card' as const },
];

function renderAfter(count: number) {
  return render(<ImportProgressView state={progressFromEvents(failingCardRun.slice(0, count), seeds)} />);
}

function accountCard(name: string) {
  const card = screen.getByText(name).closest('li');
  if (!card) throw new Error(`no card for ${name}`);
  return within(card);
}

describe('the progress display', () => {
  test('before any event, every selected account is listed as pending', () => {
    renderAfter(0);
    expect(screen.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow')).toBe(
      '0',
    );
    expect(accountCard('Everyday Current').getByText('Pending')).toBeTruthy();
    expect(accountCard('Platinum Card').getByText('Pending')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Connecting to the import…');
  });

  test('a syncing account shows its badge, counts and the overall percent with the time left', () => {
    renderAfter(2);
    expect(screen.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow')).toBe(
      '25',
    );
    expect(screen.getByText('About 2 min left')).toBeTruthy();
    const current = accountCard('Everyday Current');
    expect(current.getByText('Syncing')).toBeTruthy();
    expect(current.getByText('38')).toBeTruthy();
    expect(current.getByText('2')).toBeTruthy();
    expect(
      screen.getByRole('progressbar', { name: 'Everyday Current progress' }).getAttribute('aria-valuenow'),
    ).toBe('50');
  });

  test('a failed account shows the bank’s message verbatim while the other completes', () => {
    renderAfter(4);
    expect(accountCard('Everyday Current').getByText('Completed')).toBeTruthy();
    const card = accountCard('Platinum Card');
    expect(card.getByText('Failed')).toBeTruthy();
    expect(
      card.getByText('Your bank has locked this card. Unlock it in your banking app, then sync again.'),
    ).toBeTruthy();
    expect(screen.getByText('2 of 2 accounts finished')).toBeTruthy();
  });

  test('the finished event shows 100%, the totals and a summary announced politely', () => {
    renderAfter(5);
    expect(screen.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow')).toBe(
      '100',
    );
    const totals = within(screen.getByLabelText('Totals'));
    expect(totals.getByText('75')).toBeTruthy();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain(
      'Import finished with errors: 75 new transactions, 5 duplicates skipped.',
    );
    expect(status.textContent).toContain('1 account failed');
    expect(screen.getByText('Completed with errors')).toBeTruthy();
    expect(screen.getByText('Finished')).toBeTruthy();
  });

  test('a clean run ends with a completion message', () => {
    const events = [
      anEvent(
        1,
        'account',
        {
          percent: 100,
          accountsTotal: 1,
          accountsDone: 1,
          totals: { fetched: 12, synced: 12, duplicates: 0, errors: 0 },
        },
        { status: 'completed', percent: 100, synced: 12, fetched: 12 },
      ),
      anEvent(2, 'finished', {
        status: 'completed',
        percent: 100,
        accountsTotal: 1,
        accountsDone: 1,
        totals: { fetched: 12, synced: 12, duplicates: 0, errors: 0 },
      }),
    ];
    render(<ImportProgressView state={progressFromEvents(events)} autoEnrich />);
    expect(screen.getByRole('status').textContent).toBe(
      'Import complete: 12 new transactions from 1 account.',
    );
    expect(screen.getByText(/Enrichment started for the new transactions/)).toBeTruthy();
  });

  test('a replayed event after a reconnect changes nothing', () => {
    const replayed = [...failingCardRun.slice(0, 3), failingCardRun[1], failingCardRun[2]].filter(
      (e) => e !== undefined,
    );
    const once = progressFromEvents(failingCardRun.slice(0, 3), seeds);
    expect(progressFromEvents(replayed, seeds)).toEqual(once);
    expect(once.lastEventId).toBe('3');
  });
});
