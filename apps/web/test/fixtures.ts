import type {
  AccountResult,
  AccountSnapshot,
  Connection,
  ImportPlan,
  JobSnapshot,
  ProgressEvent,
} from '~/lib/api-types';

export const today = '2026-11-25';

export function aConnection(): Connection {
  const base = { currency: 'GBP', lastSyncedAt: null, maskedNumber: null };
  return {
    id: 'conn-1',
    providerId: 'uk-cs-mock',
    providerName: 'Mock Bank',
    label: null,
    name: 'Mock Bank ••1234',
    status: 'active',
    consentGrantedAt: new Date('2026-11-20T10:00:00Z'),
    consentExpiresAt: new Date('2027-02-18T10:00:00Z'),
    consentDaysLeft: 85,
    consentExpiringSoon: false,
    capabilities: { accounts: 'yes', cards: 'yes', pending: 'unknown', transactions: 'unknown' },
    createdAt: new Date('2026-11-20T10:00:00Z'),
    historyReach: { fullHistoryUntil: null, recentFrom: '2026-08-27', recentDays: 90, graceMinutes: 5 },
    accounts: [
      {
        ...base,
        id: 'acc-current',
        kind: 'account',
        accountType: 'TRANSACTION',
        displayName: 'Everyday Current',
        maskedNumber: '••1234',
      },
      {
        ...base,
        id: 'acc-savings',
        kind: 'account',
        accountType: 'SAVINGS',
        displayName: 'Rainy Day Saver',
        lastSyncedAt: new Date('2026-11-24T08:00:00Z'),
      },
      {
        ...base,
        id: 'card-credit',
        kind: 'card',
        accountType: 'CREDIT',
        displayName: 'Platinum Card',
        maskedNumber: '••9876',
      },
    ],
  };
}

export function aPlan(overrides: Partial<ImportPlan['estimate']> = {}): ImportPlan {
  return {
    jobId: 'job-1',
    status: 'planned',
    jobType: 'date_range',
    dateRange: { from: '2026-10-27', to: today, days: 30 },
    locked: null,
    autoEnrich: true,
    batchSize: 50,
    estimate: {
      accounts: 3,
      transactions: 412,
      durationMs: 95_000,
      costMicros: 12_345,
      basis: 'From 90 days of this connection’s earlier imports.',
      costBasis: 'About 30 tokens per transaction at the configured model price.',
      warnings: [],
      enrichmentMonth: null,
      ...overrides,
    },
    accounts: aConnection().accounts.map((a) => ({
      ...a,
      estimatedTransactions: 100,
      estimateBasis: 'history' as const,
      calls: null,
    })),
  };
}

export function aJob(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    jobId: 'job-1',
    status: 'running',
    percent: 0,
    accountsTotal: 2,
    accountsDone: 0,
    totals: { fetched: 0, synced: 0, duplicates: 0, errors: 0 },
    etaMs: null,
    errorMessage: null,
    deferredUntil: null,
    ...overrides,
  };
}

export function anAccount(overrides: Partial<AccountSnapshot> = {}): AccountSnapshot {
  return {
    accountId: 'acc-current',
    displayName: 'Everyday Current',
    kind: 'account',
    status: 'pending',
    fetched: 0,
    synced: 0,
    updated: 0,
    duplicates: 0,
    errors: 0,
    windowsDone: 0,
    windowsTotal: 2,
    percent: 0,
    errorCode: null,
    lastError: null,
    deferredUntil: null,
    ...overrides,
  };
}

export function anEvent(
  seq: number,
  kind: ProgressEvent['kind'],
  job: Partial<JobSnapshot>,
  account: Partial<AccountSnapshot> | null = null,
): ProgressEvent {
  return {
    jobId: 'job-1',
    seq,
    at: `2026-11-25T10:00:${String(seq).padStart(2, '0')}Z`,
    kind,
    job: aJob(job),
    account: account ? anAccount(account) : null,
  };
}

/** A job where the current account completes and the card fails with a message written for people. */
export const failingCardRun: ProgressEvent[] = [
  anEvent(1, 'job', { status: 'running' }),
  anEvent(
    2,
    'account',
    { percent: 25, etaMs: 90_000 },
    { status: 'syncing', windowsDone: 1, percent: 50, fetched: 40, synced: 38, duplicates: 2 },
  ),
  anEvent(
    3,
    'account',
    {
      percent: 50,
      accountsDone: 1,
      etaMs: 30_000,
      totals: { fetched: 80, synced: 75, duplicates: 5, errors: 0 },
    },
    { status: 'completed', windowsDone: 2, percent: 100, fetched: 80, synced: 75, duplicates: 5 },
  ),
  anEvent(
    4,
    'account',
    { percent: 75, accountsDone: 2, totals: { fetched: 80, synced: 75, duplicates: 5, errors: 1 } },
    {
      accountId: 'card-credit',
      displayName: 'Platinum Card',
      kind: 'card',
      status: 'failed',
      percent: 100,
      errors: 1,
      errorCode: 'ACCOUNT_LOCKED',
      lastError: 'Your bank has locked this card. Unlock it in your banking app, then sync again.',
    },
  ),
  anEvent(5, 'finished', {
    status: 'completed_with_errors',
    percent: 100,
    accountsDone: 2,
    totals: { fetched: 80, synced: 75, duplicates: 5, errors: 1 },
  }),
];

/** A finished account of a job page: a receipt that adds up, and the bank-call budget as it stands. */
export function anAccountResult(overrides: Partial<AccountResult> = {}): AccountResult {
  return {
    accountId: 'acc-current',
    status: 'completed',
    windowsTotal: 2,
    windowsDone: 2,
    itemsDoneInWindow: 0,
    fetched: 40,
    synced: 30,
    updated: 1,
    duplicates: 7,
    errors: 0,
    pendingReconciled: 2,
    estimatedTransactions: 35,
    errorCode: null,
    lastError: null,
    deferredUntil: null,
    startedAt: new Date('2026-11-25T10:00:00Z'),
    finishedAt: new Date('2026-11-25T10:00:05Z'),
    account: {
      displayName: 'Everyday Current',
      kind: 'account',
      accountType: 'TRANSACTION',
      currency: 'GBP',
      maskedNumber: '1234',
    },
    receipt: {
      fetched: 40,
      new: 30,
      updated: 1,
      pendingReconciled: 2,
      pendingRemoved: 1,
      pendingAwaitingBooking: 3,
      duplicatesByRule: { normalised: 4, provider: 2, fingerprint: 1 },
      matchesToReview: 1,
      callsUsed: 2,
      callsRetried: 0,
      callsRateLimited: 0,
      enrichment: { transactions: 30, tokensIn: 2_100, tokensOut: 800, costMicros: 1_250 },
      zeroReason: null,
      notOffered: [],
      directionBySign: 0,
    },
    estimateBasis: 'history',
    callsPlanned: {
      accountId: 'acc-current',
      needed: 2,
      attended: false,
      limit: 4,
      reserve: 1,
      used: 2,
      left: 1,
      nextFreeAt: '2026-11-26T10:01:00.000Z',
      deferredUntil: null,
    },
    budget: {
      limit: 4,
      reserve: 1,
      used: 2,
      left: 1,
      nextFreeAt: new Date('2026-11-26T10:01:00Z'),
      rateLimited: 0,
    },
    ...overrides,
  };
}
