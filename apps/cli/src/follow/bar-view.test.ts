import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { expect, test } from 'vitest';
import { createBarView, type BarViewStart } from './bar-view';
import type { AccountSnapshot, JobSnapshot, StatusEvent } from './status-event';

function fakeTerminal() {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 160 });
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream, screen: () => stripVTControlCharacters(written) };
}

const job: JobSnapshot = {
  jobId: 'job-1',
  status: 'running',
  percent: 50,
  accountsTotal: 2,
  accountsDone: 1,
  totals: { fetched: 42, synced: 40, duplicates: 2, errors: 0 },
  etaMs: 3_000,
  errorMessage: null,
  deferredUntil: null,
};

const start: BarViewStart = {
  accounts: [
    {
      accountId: 'a1',
      status: 'pending',
      synced: 0,
      duplicates: 0,
      errors: 0,
      account: { displayName: 'Current' },
    },
    {
      accountId: 'a2',
      status: 'pending',
      synced: 0,
      duplicates: 0,
      errors: 0,
      account: { displayName: 'Credit card' },
    },
  ],
  snapshot: { ...job, status: 'queued', percent: 0, accountsDone: 0, etaMs: null },
};

const current: AccountSnapshot = {
  accountId: 'a1',
  displayName: 'Current',
  kind: 'account',
  status: 'completed',
  fetched: 42,
  synced: 40,
  updated: 0,
  duplicates: 2,
  errors: 0,
  windowsDone: 2,
  windowsTotal: 2,
  percent: 100,
  errorCode: null,
  lastError: null,
  deferredUntil: null,
};

test('the bar view draws a bar per account and an overall one with the ETA, and leaves them on screen', () => {
  const { stream, screen } = fakeTerminal();
  const view = createBarView(start, stream);
  const event: StatusEvent = {
    jobId: 'job-1',
    seq: 4,
    at: '2025-01-01T00:00:00Z',
    kind: 'account',
    job,
    account: current,
  };
  view.show(event);
  view.stop();
  expect(
    screen()
      .split('\n')
      .map((line) => line.trimEnd()),
  ).toEqual([
    'Current     ████████████████████████ 100% | completed, 40 new, 2 duplicates, 0 errors',
    'Credit card ░░░░░░░░░░░░░░░░░░░░░░░░   0% | pending, 0 new, 0 duplicates, 0 errors',
    'Overall     ████████████░░░░░░░░░░░░  50% | running, 1/2 accounts done, 40 new, ETA 3 s',
    '',
  ]);
});
