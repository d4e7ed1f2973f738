import type { AccountSnapshot, JobSnapshot, ProgressEvent } from './api-types';

/** What the progress display draws: a pure fold of the events received so far. */
export type ProgressState = {
  job: JobSnapshot | null;
  /** In the order first seen (seeded accounts first), so cards do not jump around. */
  accounts: AccountSnapshot[];
  finished: boolean;
  /** The last event's id, sent back on reconnect so the server resumes after it. */
  lastEventId: string | null;
  /** Time left, smoothed across events (see `smoothEta`); null while there is no estimate. */
  etaMs: number | null;
  /** When the last event happened (ISO), to count down the previous estimate. */
  lastEventAt: string | null;
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
    etaMs: null,
    lastEventAt: null,
  };
}

/** Weight of a new estimate against the previous one counted down: enough to follow a real change of pace. */
const etaWeight = 0.3;

/**
 * The server's estimate is the elapsed time scaled by what is left, so it swings widely early in a short run
 * (1 min 39 s, 25 s, 10 s). Blending each new figure with the previous one counted down by the time between the
 * events keeps the figure moving one way; the page then words it coarsely (`formatTimeLeft`).
 */
export function smoothEta(
  previous: { etaMs: number | null; at: string | null },
  next: { etaMs: number | null; at: string },
): number | null {
  if (next.etaMs === null) return null;
  if (previous.etaMs === null || previous.at === null) return next.etaMs;
  const elapsed = Math.max(0, Date.parse(next.at) - Date.parse(previous.at));
  const countedDown = Math.max(0, previous.etaMs - elapsed);
  return Math.round(etaWeight * next.etaMs + (1 - etaWeight) * countedDown);
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
    etaMs: smoothEta({ etaMs: state.etaMs, at: state.lastEventAt }, { etaMs: event.job.etaMs, at: event.at }),
    lastEventAt: event.at,
  };
}

export function progressFromEvents(
  events: readonly ProgressEvent[],
  seeds: readonly AccountSeed[] = [],
): ProgressState {
  return events.reduce(applyProgressEvent, initialProgress(seeds));
}
