import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImportJob } from '../src/index';
import { createHarness, daysAgo, storedTransactions, type Harness } from '../src/testing';

async function runPlanned(h: Harness, input: Parameters<Harness['plan']>[0], workers?: number) {
  const { job } = await h.plan(input);
  await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
  const deps = workers ? { ...h.deps, config: { ...h.deps.config, workers } } : h.deps;
  const status = await runImportJob(deps, job.id);
  return {
    status,
    job: await h.db.importJob.findUniqueOrThrow({ where: { id: job.id }, include: { progress: true } }),
  };
}

const withoutAccount = (rows: Awaited<ReturnType<typeof storedTransactions>>) =>
  rows.map(({ accountId: _, ...row }) => row);

describe('the import engine', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h?.close());

  test('parallel and sequential runs store identical data', async () => {
    const sequential = await h.connectUser('seq@example.test', 'john2');
    const parallel = await h.connectUser('par@example.test', 'john2');
    const range = { fromDate: daysAgo(300), toDate: daysAgo(0) };
    const one = await runPlanned(
      h,
      { userId: sequential.user.id, connectionId: sequential.connection.id, ...range },
      1,
    );
    const many = await runPlanned(
      h,
      { userId: parallel.user.id, connectionId: parallel.connection.id, ...range },
      5,
    );
    expect(one.status).toBe('completed');
    expect(many.status).toBe('completed');
    expect(many.job.totalSynced).toBe(one.job.totalSynced);
    expect(
      withoutAccount(
        await storedTransactions(
          h.db,
          parallel.accounts.map((a) => a.id),
        ),
      ),
    ).toEqual(
      withoutAccount(
        await storedTransactions(
          h.db,
          sequential.accounts.map((a) => a.id),
        ),
      ),
    );
  });

  test('one failing account leaves the others completed, with its reason', async () => {
    const { user, connection, accounts } = await h.connectUser('failing@example.test', 'john4');
    const broken = accounts.find((a) => a.accountType === 'SAVINGS');
    if (!broken) throw new Error('the sandbox user has no savings account');
    h.bank.setFaults({
      failingAccounts: { [broken.providerAccountId]: { status: 403, error: 'account_permanently_locked' } },
    });
    try {
      const { status, job } = await runPlanned(h, {
        userId: user.id,
        connectionId: connection.id,
        fromDate: daysAgo(90),
        toDate: daysAgo(0),
      });
      expect(status).toBe('completed_with_errors');
      const failed = job.progress.filter((p) => p.status === 'failed');
      expect(failed.map((p) => p.accountId)).toEqual([broken.id]);
      expect(failed[0]?.errorCode).toBe('ACCOUNT_LOCKED');
      expect(job.progress.filter((p) => p.status === 'completed')).toHaveLength(accounts.length - 1);
      expect(job.errorMessage).toMatch(/1 of 3 accounts failed/);
      expect(job.totalSynced).toBeGreaterThan(0);
    } finally {
      h.bank.setFaults({ failingAccounts: {} });
    }
  });

  test('a pending payment that books is updated in place, never stored twice', async () => {
    const { user, connection, accounts } = await h.connectUser('pending@example.test', 'john6');
    const range = () => ({
      userId: user.id,
      connectionId: connection.id,
      fromDate: daysAgo(20),
      toDate: daysAgo(0),
    });
    await runPlanned(h, range());
    const current = accounts.map((a) => a.id);
    const pendingBefore = await h.db.transaction.findMany({
      where: { accountId: { in: current }, status: 'pending' },
    });
    expect(pendingBefore.length).toBeGreaterThan(0);

    h.bank.advanceClock(4 * 86_400_000); // the pending items book, with new transaction ids
    try {
      const { job } = await runPlanned(h, { ...range(), toDate: daysAgo(0) });
      const ids = pendingBefore.map((p) => p.id);
      const after = await h.db.transaction.findMany({ where: { id: { in: ids } } });
      const reconciled = after.filter((t) => t.status === 'booked');
      expect(reconciled.length).toBeGreaterThan(0);
      expect(job.progress.reduce((sum, p) => sum + p.pendingReconciled, 0)).toBe(reconciled.length);
      // no payment is stored both as pending and as booked
      const all = await h.db.transaction.findMany({ where: { accountId: { in: current } } });
      const byKey = new Map<string, number>();
      for (const t of all)
        byKey.set(`${t.accountId}|${t.dedupKey}`, (byKey.get(`${t.accountId}|${t.dedupKey}`) ?? 0) + 1);
      expect([...byKey.values()].every((n) => n === 1)).toBe(true);
      const stillPending = all.filter((t) => t.status === 'pending' && t.bookingDate < daysAgo(7));
      expect(stillPending).toEqual([]);
    } finally {
      h.bank.setClock(new Date());
    }
  });

  test('two identical withdrawals on one day stay two records', async () => {
    const { user, connection, accounts } = await h.connectUser('atm@example.test', 'john');
    await runPlanned(h, {
      userId: user.id,
      connectionId: connection.id,
      fromDate: daysAgo(365),
      toDate: daysAgo(0),
    });
    const rows = await h.db.transaction.findMany({
      where: { accountId: { in: accounts.map((a) => a.id) }, dedupRule: 'fingerprint' },
    });
    const groups = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.accountId}|${r.bookingDate}|${r.amountMinor}|${r.description}|${r.status}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect([...groups.values()].some((count) => count >= 2)).toBe(true);
  });

  test('a booking date is the calendar date the bank sent, whatever the offset', async () => {
    const { user, connection, accounts } = await h.connectUser('bst@example.test', 'john');
    await runPlanned(h, {
      userId: user.id,
      connectionId: connection.id,
      fromDate: daysAgo(365),
      toDate: daysAgo(0),
    });
    const rows = await h.db.transaction.findMany({ where: { accountId: { in: accounts.map((a) => a.id) } } });
    const withOffset = rows.filter((r) => /T00:[0-5]\d:\d{2}(\.\d+)?\+01:00$/.test(r.bankTimestamp));
    expect(withOffset.length).toBeGreaterThan(0);
    for (const row of withOffset) expect(row.bookingDate).toBe(row.bankTimestamp.slice(0, 10));
  });
});
