import type { AccountSnapshot, JobSnapshot, ProgressEvent } from './api-types';

/** What the progress display draws: a pure fold of the events received so far. */
export type ProgressState = {
  job: JobSnapshot | null;
  /** In the order first seen (seeded accounts first), so cards do not jump around. */
  accounts: AccountSnapshot[];
  finished: boolean;
  /** The last event's id, sent back on reconnect so the server resumes after it. */
  lastEventId: string | null;
};

export type AccountSeed = Pick<AccountSnapshot, 'accountId' | 'displayName' | 'kind'>;

export function initialProgress(seeds: readonly AccountSeed[] = []): ProgressState {
  return {
    job: null,
    accounts: seeds.map((seed) => ({
      ...seed,
      status: 'pending',
      fetched: 0,
      synced: 0,
      updated: 0,
      duplicates: 0,
      errors: 0,
      windowsDone: 0,
      windowsTotal: 0,
      percent: 0,
      errorCode: null,
      lastError: null,
      deferredUntil: null,
    })),
    finished: false,
    lastEventId: null,
  };
}

export function applyProgressEvent(state: ProgressState, event: ProgressEvent): ProgressState {
  const lastSeq = state.lastEventId === null ? 0 : Number(state.lastEventId);
  if (event.seq <= lastSeq) return state; // a replay after a reconnect
  const account = event.account;
  let accounts = state.accounts;
  if (account) {
    const index = accounts.findIndex((a) => a.accountId === account.accountId);
    accounts = index === -1 ? [...accounts, account] : accounts.map((a, i) => (i === index ? account : a));
  }
  return {
    job: event.job,
    accounts,
    finished: state.finished || event.kind === 'finished',
    lastEventId: String(event.seq),
  };
}

export function progressFromEvents(
  events: readonly ProgressEvent[],
  seeds: readonly AccountSeed[] = [],
): ProgressState {
  return events.reduce(applyProgressEvent, initialProgress(seeds));
}
