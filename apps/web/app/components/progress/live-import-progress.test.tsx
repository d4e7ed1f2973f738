import { act, render, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { progressFromEvents } from '~/lib/progress-state';
import type { ProgressLinkHandlers, SubscribeToProgress } from '~/lib/progress-subscription';
import { failingCardRun } from '../../../test/fixtures';
import { LiveImportProgress } from './live-import-progress';

function fakeSubscription() {
  const calls: { jobId: string; lastEventId: string | null }[] = [];
  let handlers: ProgressLinkHandlers | null = null;
  const unsubscribe = vi.fn();
  const subscribe: SubscribeToProgress = (input, h) => {
    calls.push(input);
    handlers = h;
    return unsubscribe;
  };
  return { subscribe, calls, unsubscribe, handlers: () => handlers };
}

describe('following a job live', () => {
  test('a reopened job page resumes after the stored snapshot’s last event', () => {
    const fake = fakeSubscription();
    const initial = progressFromEvents(failingCardRun.slice(0, 3));
    render(<LiveImportProgress jobId="job-1" initial={initial} subscribe={fake.subscribe} />);
    expect(fake.calls).toEqual([{ jobId: 'job-1', lastEventId: '3' }]);
    expect(screen.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow')).toBe(
      '50',
    );
  });

  test('shows when it is reconnecting, then applies the events it resumes with', () => {
    const fake = fakeSubscription();
    render(<LiveImportProgress jobId="job-1" subscribe={fake.subscribe} />);
    act(() => fake.handlers()?.onLink('reconnecting'));
    expect(screen.getByText(/reconnecting to live updates/)).toBeTruthy();
    act(() => {
      fake.handlers()?.onLink('live');
      for (const event of failingCardRun) fake.handlers()?.onEvent(event);
    });
    expect(screen.queryByText(/reconnecting to live updates/)).toBeNull();
    expect(screen.getByText('Completed with errors')).toBeTruthy();
  });

  test('tells once that the import finished and unsubscribes when it goes away', () => {
    const fake = fakeSubscription();
    const onFinished = vi.fn();
    const view = render(
      <LiveImportProgress jobId="job-1" subscribe={fake.subscribe} onFinished={onFinished} />,
    );
    act(() => {
      for (const event of failingCardRun) fake.handlers()?.onEvent(event);
    });
    const replay = failingCardRun.at(-1);
    if (replay) act(() => fake.handlers()?.onEvent(replay));
    expect(onFinished).toHaveBeenCalledTimes(1);
    view.unmount();
    expect(fake.unsubscribe).toHaveBeenCalledTimes(1);
  });

  test('a subscription refused by the server is explained', () => {
    const fake = fakeSubscription();
    render(<LiveImportProgress jobId="job-1" subscribe={fake.subscribe} />);
    act(() => fake.handlers()?.onError('Import job job-1 was not found.'));
    expect(screen.getByRole('alert').textContent).toBe('Import job job-1 was not found.');
  });
});
