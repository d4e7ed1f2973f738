import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createJobRunner, planImport, runSchedulerTick, startImport, type ImporterDeps } from '../src/index';
import { createHarness, type Harness } from '../src/testing';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** Unattended calls the bank counted, per account, as our ledger holds them (a 401 or a 429 never counts). */
async function countedCalls(h: Harness, accountIds: string[]) {
  const rows = await h.db.bankCall.findMany({
    where: { accountId: { in: accountIds }, attended: false, rateLimited: false, status: { not: 401 } },
    orderBy: { at: 'asc' },
  });
  return accountIds.map((id) => rows.filter((r) => r.accountId === id).map((r) => r.at.getTime()));
}

/** The most calls any rolling 24 h holds. */
function busiestDay(times: number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u > t - dayMs && u <= t).length));
}

describe('when background imports meet the bank’s unattended-call budget', () => {
  let h: Harness;
  let deps: ImporterDeps;
  beforeAll(async () => {
    h = await createHarness({ sandbox: { accounts: { current: 3, savings: 1, cards: 1 } } });
    // One clock for the importer and the bank: moving it moves both.
    deps = { ...h.deps, now: () => h.bank.now() };
  });
  afterAll(async () => h?.close());

  test('five accounts scheduled six times a day never exceed the budget, and every deferred account completes later', async () => {
    const { user, connection, accounts } = await h.connectUser('budget@example.test', 'budget5');
    expect(accounts).toHaveLength(5);
    const start = new Date(Math.ceil(Date.now() / hourMs) * hourMs + hourMs);
    h.bank.setClock(start);
    for (let k = 0; k < 6; k += 1) {
      await h.db.importSchedule.create({
        data: {
          userId: user.id,
          connectionId: connection.id,
          cadence: 'daily',
          windowDays: 3,
          accountIds: [],
          nextRunAt: new Date(start.getTime() + k * 4 * hourMs),
        },
      });
    }
    const runner = createJobRunner(deps);
    const scheduler = { ...deps, transport: runner };
    const deferredSeen = new Set<string>();
    const watch = (jobId: string) =>
      deps.progress.subscribe(jobId, (event) => {
        if (event.account?.status === 'deferred') deferredSeen.add(`${jobId}|${event.account.accountId}`);
      });
    const watched = new Set<string>();

    for (let hour = 0; hour <= 3 * 24; hour += 1) {
      h.bank.setClock(new Date(start.getTime() + hour * hourMs));
      await runSchedulerTick(scheduler);
      await runner.idle();
      for (const job of await h.db.importJob.findMany({ where: { userId: user.id }, select: { id: true } })) {
        if (!watched.has(job.id)) {
          watched.add(job.id);
          watch(job.id);
        }
      }
      // the runs that wait were deferred at plan time; their accounts' rows say so
      for (const row of await h.db.importProgress.findMany({
        where: { job: { userId: user.id }, status: 'deferred' },
      }))
        deferredSeen.add(`${row.jobId}|${row.accountId}`);
    }
    // the schedules stop; a day later every deferred account has had its turn
    await h.db.importSchedule.updateMany({ where: { userId: user.id }, data: { enabled: false } });
    h.bank.setClock(new Date(start.getTime() + 4 * dayMs + 2 * hourMs));
    await runSchedulerTick(scheduler);
    await runner.idle();

    expect(h.bank.stats().byStatus['429'] ?? 0).toBe(0);
    const calls = await countedCalls(
      h,
      accounts.map((a) => a.id),
    );
    for (const times of calls) {
      expect(times.length).toBeGreaterThanOrEqual(6); // every account synced every day
      expect(busiestDay(times)).toBeLessThanOrEqual(3); // 4 a day, one kept for the person's own refresh
    }
    expect(deferredSeen.size).toBeGreaterThan(0);
    for (const pair of deferredSeen) {
      const [jobId = '', accountId = ''] = pair.split('|');
      const row = await h.db.importProgress.findUniqueOrThrow({
        where: { jobId_accountId: { jobId, accountId } },
      });
      expect(row.status).toBe('completed');
    }
    const jobs = await h.db.importJob.findMany({ where: { userId: user.id } });
    expect(jobs.every((j) => j.status === 'completed')).toBe(true);
  }, 180_000);

  test('the planner shows each account’s calls and budget, and defers what does not fit instead of failing', async () => {
    const { user, connection, accounts } = await h.connectUser('planner@example.test', 'budget-plan');
    const at = h.bank.now();
    const today = at.toISOString().slice(0, 10);
    const plan = () =>
      planImport(deps, {
        userId: user.id,
        connectionId: connection.id,
        fromDate: today,
        toDate: today,
        autoEnrich: false,
        batchSize: 50,
        psuIp: null,
      });
    const first = await plan();
    expect(
      first.calls.every((c) => c.needed === 2 && c.left === 3 && c.deferredUntil === null && !c.attended),
    ).toBe(true);
    const runner = createJobRunner(deps);
    await startImport({ ...deps, transport: runner }, user.id, first.job.id);
    await runner.idle();

    const later = await plan();
    expect(later.warnings.map((w) => w.code)).toContain('CALL_BUDGET');
    for (const call of later.calls) {
      expect(call.left).toBeLessThan(2);
      expect(call.nextFreeAt).not.toBeNull();
      expect(call.deferredUntil).not.toBeNull();
    }
    const rows = await h.db.importProgress.findMany({ where: { jobId: later.job.id } });
    expect(rows.map((r) => r.status)).toEqual(accounts.map(() => 'deferred'));
    // the person present is not limited: their calls are attended
    const attended = await planImport(deps, {
      userId: user.id,
      connectionId: connection.id,
      fromDate: today,
      toDate: today,
      autoEnrich: false,
      batchSize: 50,
      psuIp: '127.0.0.1',
    });
    expect(attended.calls.every((c) => c.attended && c.deferredUntil === null)).toBe(true);
  });
});
