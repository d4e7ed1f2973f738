import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { aConnection, aPlan, today } from '../../../test/fixtures';
import { ImportWizard } from '../wizard/import-wizard';

function renderWizard(fullHistoryUntil: Date | null) {
  const connection = aConnection();
  render(
    <ImportWizard
      connection={{ ...connection, historyReach: { ...connection.historyReach, fullHistoryUntil } }}
      today={today}
      maxHistoryDays={730}
      now={new Date(`${today}T12:00:00Z`)}
      plan={vi.fn(async () => aPlan())}
      start={vi.fn(async () => undefined)}
      onClose={vi.fn()}
    />,
  );
  return userEvent.setup();
}

describe('the Dates step tells the 90-day rule before anything is planned', () => {
  test('on an older consent, dates before the last 90 days are named as locked, with what the import does about them', async () => {
    const user = renderWizard(null);
    expect(screen.queryByText(/is locked on this consent/)).toBeNull(); // 30 days: all reachable
    await user.click(screen.getByRole('radio', { name: '1 year' }));
    expect(screen.getByText('26 Nov 2025 – 26 Aug 2026 is locked on this consent')).toBeTruthy();
    expect(
      screen.getByText(
        /brings the dates from 2026-08-27 on and ends “completed with errors” for the locked ones/,
      ),
    ).toBeTruthy();
  });

  test('just after connecting, it says until when all of the history is served', async () => {
    const user = renderWizard(new Date(`${today}T12:03:00Z`));
    await user.click(screen.getByRole('radio', { name: '1 year' }));
    expect(
      screen.getByText(/start this import before .* to get 26 Nov 2025 – 26 Aug 2026 as well/),
    ).toBeTruthy();
    expect(screen.queryByText(/is locked on this consent/)).toBeNull();
  });
});
