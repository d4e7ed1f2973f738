import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { ImportPlan } from '~/lib/api-types';
import type { ProgressLinkHandlers, SubscribeToProgress } from '~/lib/progress-subscription';
import { aConnection, anEvent, aPlan, today } from '../../../test/fixtures';
import { ImportWizard, type ImportWizardProps } from './import-wizard';

function renderWizard(overrides: Partial<ImportWizardProps> = {}) {
  const props: ImportWizardProps = {
    connection: aConnection(),
    today,
    maxHistoryDays: 730,
    now: new Date(`${today}T12:00:00Z`),
    plan: vi.fn(async () => aPlan()),
    start: vi.fn(async () => undefined),
    discard: vi.fn(async () => undefined),
    onClose: vi.fn(),
    onFinished: vi.fn(),
    subscribe: () => () => undefined,
    ...overrides,
  };
  render(<ImportWizard {...props} />);
  return { props, user: userEvent.setup() };
}

const heading = () => screen.getByRole('heading', { level: 2 }).textContent;
const next = () => screen.getByRole('button', { name: 'Next' });

async function goToStep(user: ReturnType<typeof userEvent.setup>, step: number) {
  for (let i = 1; i < step; i++) await user.click(next());
}

describe('step 1: dates', () => {
  test('starts on the last 30 days and presets set the day count', async () => {
    const { user } = renderWizard();
    expect(heading()).toBe('Choose the dates');
    expect(screen.getByText('days selected').textContent).toContain('30');
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    expect(screen.getByText(/days selected/).textContent).toBe('7 days selected19 Nov 2026 – 25 Nov 2026');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-11-19');
    await user.click(screen.getByRole('radio', { name: '3 months' }));
    expect(screen.getByText(/days selected/).textContent).toMatch(/^90 days selected/);
    await user.click(screen.getByRole('radio', { name: '1 year' }));
    expect(screen.getByText(/days selected/).textContent).toMatch(/^365 days selected/);
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe(today);
  });

  test('arrow keys move between presets', async () => {
    const { user } = renderWizard();
    screen.getByRole('radio', { name: '30 days' }).focus();
    await user.keyboard('{ArrowRight}');
    expect((screen.getByRole('radio', { name: '3 months' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/days selected/).textContent).toMatch(/^90 days selected/);
  });

  test('a custom range counts both ends and switches to Custom', () => {
    renderWizard();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-10' } });
    expect(screen.getByText(/days selected/).textContent).toMatch(/^10 days selected/);
    expect((screen.getByRole('radio', { name: 'Custom' }) as HTMLInputElement).checked).toBe(true);
  });

  test('a start after the end blocks Next with a reason', async () => {
    const { user } = renderWizard();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-10' } });
    await user.click(next());
    expect(screen.getByRole('alert').textContent).toBe('The start date must be on or before the end date.');
    expect(heading()).toBe('Choose the dates');
  });

  test('an end date in the future blocks Next', async () => {
    const { user } = renderWizard();
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-01' } });
    await user.click(next());
    expect(screen.getByRole('alert').textContent).toBe('The end date cannot be in the future.');
  });

  test('a start beyond the banks’ history blocks Next', async () => {
    const { user } = renderWizard();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-01-01' } });
    await user.click(next());
    expect(screen.getByRole('alert').textContent).toContain('Banks keep at most 730 days of history');
  });

  test('Enter in a date field goes to the next step', async () => {
    const { user } = renderWizard();
    await user.click(screen.getByLabelText('To'));
    await user.keyboard('{Enter}');
    expect(heading()).toBe('Choose accounts and cards');
  });
});

describe('step 2: accounts and cards', () => {
  test('lists each account with its type, currency and last sync, all selected', async () => {
    const { user } = renderWizard();
    await goToStep(user, 2);
    const list = within(screen.getByRole('list', { name: 'Accounts and cards' }));
    expect(list.getAllByRole('checkbox').every((box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(list.getByText(/Current account · GBP · ••1234/)).toBeTruthy();
    expect(list.getByText(/Credit card · GBP/)).toBeTruthy();
    expect(list.getByText('Last synced yesterday')).toBeTruthy();
    expect(list.getAllByText('Last synced never')).toHaveLength(2);
  });

  test('select all clears and selects every account', async () => {
    const { user } = renderWizard();
    await goToStep(user, 2);
    const selectAll = screen.getByRole('checkbox', { name: /Select all/ });
    await user.click(selectAll);
    expect(screen.getByText('0 selected')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: /Platinum Card/ }));
    expect((selectAll as HTMLInputElement).indeterminate).toBe(true);
    await user.click(selectAll);
    expect(screen.getByText('3 selected')).toBeTruthy();
  });

  test('with nothing selected Next is blocked', async () => {
    const { user } = renderWizard();
    await goToStep(user, 2);
    await user.click(screen.getByRole('checkbox', { name: /Select all/ }));
    await user.click(next());
    expect(screen.getByRole('alert').textContent).toBe('Select at least one account or card to import.');
    expect(heading()).toBe('Choose accounts and cards');
  });
});

describe('step 3: settings', () => {
  test('the batch slider runs 10 to 200 in steps of 10 and marks 50 as recommended', async () => {
    const { user } = renderWizard();
    await goToStep(user, 3);
    const slider = screen.getByRole('slider', { name: 'Batch size' }) as HTMLInputElement;
    expect([slider.min, slider.max, slider.step, slider.value]).toEqual(['10', '200', '10', '50']);
    expect(screen.getByText('Recommended 50')).toBeTruthy();
    fireEvent.change(slider, { target: { value: '200' } });
    expect((screen.getByLabelText('Batch size (number)') as HTMLInputElement).value).toBe('200');
    await user.click(screen.getByRole('button', { name: 'Use 50' }));
    expect(slider.value).toBe('50');
  });

  test('a batch size outside 10-200 blocks Next', async () => {
    const { user, props } = renderWizard();
    await goToStep(user, 3);
    const number = screen.getByLabelText('Batch size (number)');
    await user.clear(number);
    await user.type(number, '500');
    await user.click(next());
    expect(screen.getByRole('alert').textContent).toBe(
      'The batch size must be a whole number between 10 and 200.',
    );
    expect(props.plan).not.toHaveBeenCalled();
  });

  test('auto-enrichment is a switch', async () => {
    const { user } = renderWizard();
    await goToStep(user, 3);
    const toggle = screen.getByRole('switch', { name: 'Auto-enrichment' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    await user.click(toggle);
    expect(toggle.checked).toBe(false);
  });
});

describe('step 4: review', () => {
  test('plans with the chosen settings and shows the estimate, its basis and warnings', async () => {
    const plan = vi.fn(async () =>
      aPlan({
        warnings: [
          {
            code: 'CONSENT_EXPIRING' as const,
            message: 'The consent for Mock Bank expires in 3 days: extend it to keep importing.',
          },
        ],
      }),
    );
    const { user } = renderWizard({ plan });
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await goToStep(user, 2);
    await user.click(screen.getByRole('checkbox', { name: /Rainy Day Saver/ }));
    await user.click(next());
    await user.click(screen.getByRole('switch', { name: 'Auto-enrichment' }));
    await user.click(next());

    expect(plan).toHaveBeenCalledWith({
      connectionId: 'conn-1',
      fromDate: '2026-11-19',
      toDate: today,
      accountIds: ['acc-current', 'card-credit'],
      autoEnrich: false,
      batchSize: 50,
    });
    const estimate = within(await screen.findByLabelText('Estimate'));
    expect(estimate.getByText('~412')).toBeTruthy();
    expect(estimate.getByText('~1 min 35 s')).toBeTruthy();
    expect(screen.getByText('From 90 days of this connection’s earlier imports.')).toBeTruthy();
    expect(
      screen.getByText('The consent for Mock Bank expires in 3 days: extend it to keep importing.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start import' }).hasAttribute('disabled')).toBe(false);
  });

  test('a plan the server refuses shows its message and cannot be started', async () => {
    const plan = vi.fn(async (): Promise<ImportPlan> => {
      throw new Error('The consent for Mock Bank has expired: reconnect the bank to import.');
    });
    const { user } = renderWizard({ plan });
    await goToStep(user, 4);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The consent for Mock Bank has expired: reconnect the bank to import.',
    );
    expect(screen.getByRole('button', { name: 'Start import' }).hasAttribute('disabled')).toBe(true);
  });

  test('going back and planning again discards the replaced plan', async () => {
    const { user, props } = renderWizard();
    await goToStep(user, 4);
    await screen.findByLabelText('Estimate');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(next());
    await screen.findByLabelText('Estimate');
    expect(props.plan).toHaveBeenCalledTimes(2);
    expect(props.discard).toHaveBeenCalledWith('job-1');
  });
});

describe('step 5: progress', () => {
  function controllableSubscription() {
    let handlers: ProgressLinkHandlers | null = null;
    const subscribe: SubscribeToProgress = (_input, h) => {
      handlers = h;
      return () => undefined;
    };
    const emit = (...events: Parameters<ProgressLinkHandlers['onEvent']>[0][]) =>
      act(() => {
        for (const event of events) handlers?.onEvent(event);
      });
    return { subscribe, emit };
  }

  test('Start starts the planned job, shows live progress and closes itself after finishing', async () => {
    const { subscribe, emit } = controllableSubscription();
    const { user, props } = renderWizard({ subscribe, closeDelayMs: 30 });
    await goToStep(user, 4);
    await screen.findByLabelText('Estimate');
    await user.click(screen.getByRole('button', { name: 'Start import' }));

    expect(props.start).toHaveBeenCalledWith('job-1');
    expect(heading()).toBe('Importing');
    expect(within(screen.getByRole('list', { name: 'Accounts' })).getAllByText('Pending')).toHaveLength(3);

    emit(
      anEvent(
        1,
        'account',
        { percent: 40, accountsTotal: 3 },
        { status: 'syncing', percent: 50, synced: 10 },
      ),
    );
    expect(screen.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow')).toBe(
      '40',
    );
    expect(props.onClose).not.toHaveBeenCalled();

    emit(
      anEvent(2, 'finished', {
        status: 'completed',
        percent: 100,
        accountsTotal: 3,
        accountsDone: 3,
        totals: { fetched: 30, synced: 30, duplicates: 0, errors: 0 },
      }),
    );
    expect(screen.getByText('Import complete: 30 new transactions from 3 accounts.')).toBeTruthy();
    expect(props.onFinished).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(props.onClose).toHaveBeenCalledTimes(1));
    expect(props.discard).not.toHaveBeenCalled();
  });

  test('"keep open" stops the wizard from closing itself', async () => {
    const { subscribe, emit } = controllableSubscription();
    const { user, props } = renderWizard({ subscribe, closeDelayMs: 30 });
    await goToStep(user, 4);
    await screen.findByLabelText('Estimate');
    await user.click(screen.getByRole('button', { name: 'Start import' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Keep this window open when the import finishes' }),
    );
    emit(anEvent(1, 'finished', { status: 'completed', percent: 100 }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(props.onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
  });
});
