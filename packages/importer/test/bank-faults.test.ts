import type { FaultKnobsInput } from '@app/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImportJob, type ImporterDeps } from '../src/index';
import { createHarness, daysAgo, storedTransactions, type Harness } from '../src/testing';

// Faults from the bank through the whole importer: whatever the sandbox does, every account that can succeed ends
// with exactly the rows and counts of a fault-free import of the same bank user, and one that cannot ends with a
// typed error. The client tests (packages/truelayer) prove the same one request at a time.

type Outcome = Awaited<ReturnType<typeof importAs>>;

/** Plans and runs a year's import for a new product user connected to `bankUser`, keyed by bank account id. */
async function importAs(
  h: Harness,
  deps: ImporterDeps,
  bankUser: string,
  label: string,
  onAccountEvent?: (count: number) => void,
) {
  const { user, connection, accounts } = await h.connectUser(`${label}-${bankUser}@example.test`, bankUser);
  const { job } = await h.plan({
    userId: user.id,
    connectionId: connection.id,
    fromDate: daysAgo(365),
    toDate: daysAgo(0),
    batchSize: 20,
  });
  await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
  let events = 0;
  const unsubscribe = h.deps.progress.subscribe(job.id, (event) => {
    if (event.kind === 'account') onAccountEvent?.((events += 1));
  });
  const status = await runImportJob(deps, job.id).finally(unsubscribe);
  const done = await h.db.importJob.findUniqueOrThrow({
    where: { id: job.id },
    include: { progress: { include: { account: true } } },
  });
  const byProvider = new Map(accounts.map((a) => [a.id, a.providerAccountId]));
  const rows = await storedTransactions(
    h.db,
    accounts.map((a) => a.id),
  );
  const rowsOf = (providerAccountId: string) =>
    rows
      .filter((r) => byProvider.get(r.accountId) === providerAccountId)
      .map(({ accountId: _, ...row }) => row);
  const progressOf = (providerAccountId: string) => {
    const row = done.progress.find((p) => p.account.providerAccountId === providerAccountId);
    if (!row) throw new Error(`no progress for ${providerAccountId}`);
    return row;
  };
  return { status, job: done, providerIds: accounts.map((a) => a.providerAccountId), rowsOf, progressOf };
}

/** fetched = synced + duplicates + pendingReconciled for every account, and the job's totals are their sums. */
function expectCountsAddUp(outcome: Outcome) {
  const { job } = outcome;
  for (const p of job.progress)
    expect(p.fetched, p.account.providerAccountId).toBe(p.synced + p.duplicates + p.pendingReconciled);
  const sum = (pick: (p: (typeof job.progress)[number]) => number) =>
    job.progress.reduce((s, p) => s + pick(p), 0);
  expect([job.totalFetched, job.totalSynced, job.totalDuplicates, job.totalErrors]).toEqual([
    sum((p) => p.fetched),
    sum((p) => p.synced),
    sum((p) => p.duplicates),
    sum((p) => p.errors),
  ]);
}

/** The account's rows and counters are exactly the fault-free run's. */
function expectSameAsReference(outcome: Outcome, reference: Outcome, providerAccountId: string) {
  expect(outcome.rowsOf(providerAccountId)).toEqual(reference.rowsOf(providerAccountId));
  const counts = ({
    status,
    fetched,
    synced,
    duplicates,
    pendingReconciled,
    errors,
  }: ReturnType<Outcome['progressOf']>) => ({
    status,
    fetched,
    synced,
    duplicates,
    pendingReconciled,
    errors,
  });
  expect(counts(outcome.progressOf(providerAccountId))).toEqual(
    counts(reference.progressOf(providerAccountId)),
  );
}

describe('when the bank misbehaves during an import', () => {
  let h: Harness;
  let deps: ImporterDeps;
  beforeAll(async () => {
    // Short timeouts and enough retries that a fault rate up to 25 % never exhausts them (0.25^9 per request); the
    // Retry-After of a 429 (1 s) is below retryMaxMs, so it is honoured rather than handed back.
    h = await createHarness({
      sandbox: { unattendedLimit: null },
      client: { timeoutMs: 300, maxRetries: 8, retryBaseMs: 5, retryMaxMs: 1_500 },
    });
    // 30-day windows: a year is 13 requests per account, so the faults have many requests to land on
    deps = { ...h.deps, config: { ...h.deps.config, windowDays: 30 } };
  });
  afterAll(async () => h?.close());

  async function faultedAgainstReference(
    bankUser: string,
    faults: FaultKnobsInput,
    onAccountEvent?: (count: number) => void,
  ) {
    h.bank.resetStats();
    const reference = await importAs(h, deps, bankUser, 'reference');
    expect(reference.status).toBe('completed');
    const referenceRequests = h.bank.stats().total;
    h.bank.resetStats();
    h.bank.setFaults(faults);
    try {
      const faulted = await importAs(h, deps, bankUser, 'faulted', onAccountEvent);
      return { reference, faulted, stats: h.bank.stats(), referenceRequests };
    } finally {
      h.bank.setFaults({
        rate5xx: 0,
        rate429: 0,
        rateTimeout: 0,
        rateReset: 0,
        rateMalformed: 0,
        failingAccounts: {},
      });
    }
  }

  const knobs: [string, FaultKnobsInput, (byStatus: Record<string, number>) => number][] = [
    ['random 5xx', { rate5xx: 0.25 }, (s) => (s['500'] ?? 0) + (s['503'] ?? 0) + (s['504'] ?? 0)],
    ['429 with Retry-After', { rate429: 0.12, retryAfterSeconds: 1 }, (s) => s['429'] ?? 0],
    [
      'stalled responses (timeouts)',
      { rateTimeout: 0.15, timeoutMs: 60_000 },
      (s) => (s.timeout ?? 0) + (s.aborted ?? 0),
    ],
    ['connection resets', { rateReset: 0.25 }, (s) => s.reset ?? 0],
    // a cut body goes out as a 200: only the extra requests tell
    ['malformed JSON', { rateMalformed: 0.25 }, () => 1],
  ];

  test.each(knobs)(
    'with %s, every account ends with exactly the fault-free data and counts',
    async (_, faults, faultsSeen) => {
      const { reference, faulted, stats, referenceRequests } = await faultedAgainstReference(
        `faults-${Object.keys(faults)[0]}`,
        faults,
      );
      expect(faultsSeen(stats.byStatus)).toBeGreaterThan(0);
      expect(stats.total).toBeGreaterThan(referenceRequests); // every fault cost a retry
      expect(faulted.status).toBe('completed');
      for (const id of reference.providerIds) expectSameAsReference(faulted, reference, id);
      expectCountsAddUp(faulted);
      expect(
        faulted.job.progress.reduce(
          (s, p) => s + ((p.receipt as { callsRetried: number }).callsRetried ?? 0),
          0,
        ),
      ).toBeGreaterThan(0);
    },
  );

  test('access tokens that expire mid-import are refreshed and the import ends with the fault-free data', async () => {
    let expired = 0;
    const { reference, faulted, stats } = await faultedAgainstReference('faults-expiry', {}, (count) => {
      if (count === 4 || count === 12) {
        expired += 1;
        h.bank.expireAccessTokens();
      }
    });
    expect(expired).toBe(2);
    expect(stats.byStatus['401']).toBeGreaterThan(0);
    expect(faulted.status).toBe('completed');
    for (const id of reference.providerIds) expectSameAsReference(faulted, reference, id);
    expectCountsAddUp(faulted);
  });

  test('one account failing permanently ends typed, the others with the fault-free data', async () => {
    const bankUser = 'faults-locked';
    const savings = h.bank.accountsOf(bankUser).accounts.find((a) => a.account_type === 'SAVINGS');
    if (!savings) throw new Error('the sandbox user has no savings account');
    const { reference, faulted } = await faultedAgainstReference(bankUser, {
      failingAccounts: { [savings.account_id]: { status: 403, error: 'account_permanently_locked' } },
    });
    expect(faulted.status).toBe('completed_with_errors');
    const failed = faulted.progressOf(savings.account_id);
    expect(failed).toMatchObject({
      status: 'failed',
      errorCode: 'ACCOUNT_LOCKED',
      errors: 1,
      fetched: 0,
      synced: 0,
    });
    expect(failed.lastError).toEqual(expect.any(String));
    expect(faulted.rowsOf(savings.account_id)).toEqual([]);
    for (const id of reference.providerIds.filter((id) => id !== savings.account_id))
      expectSameAsReference(faulted, reference, id);
    expect(faulted.job.errorMessage).toMatch(/^1 of 3 accounts failed/);
    expectCountsAddUp(faulted);
  });

  test('with every fault mixed at 10 % of requests, token expiry and a locked account, the rest is exact', async () => {
    const bankUser = 'faults-mixed';
    const card = h.bank.accountsOf(bankUser).cards[0];
    if (!card) throw new Error('the sandbox user has no card');
    const { reference, faulted, stats } = await faultedAgainstReference(
      bankUser,
      {
        rate5xx: 0.02,
        rate429: 0.02,
        retryAfterSeconds: 1,
        rateTimeout: 0.02,
        timeoutMs: 60_000,
        rateReset: 0.02,
        rateMalformed: 0.02,
        failingAccounts: { [card.account_id]: { status: 500, error: 'internal_error' } },
      },
      (count) => {
        if (count === 6) h.bank.expireAccessTokens();
      },
    );
    expect(stats.byStatus['401']).toBeGreaterThan(0);
    expect(faulted.status).toBe('completed_with_errors');
    expect(faulted.progressOf(card.account_id)).toMatchObject({
      status: 'failed',
      errorCode: 'PROVIDER_ERROR',
      errors: 1,
    });
    expect(faulted.rowsOf(card.account_id)).toEqual([]);
    const others = reference.providerIds.filter((id) => id !== card.account_id);
    expect(others).toHaveLength(2);
    for (const id of others) expectSameAsReference(faulted, reference, id);
    expectCountsAddUp(faulted);
  });
});
