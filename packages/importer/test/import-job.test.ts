import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testProviders } from '@app/db/testing';
import {
  cancelImport,
  createJobRunner,
  listEventsSince,
  pauseImport,
  resumeImport,
  runImportJob,
  startImport,
} from '../src/index';
import { readReceipt } from '../src/receipt';
import { createHarness, daysAgo, storedTransactions, type Harness } from '../src/testing';

for (const { provider, skip, reason } of testProviders) {
  describe.skipIf(skip)(
    `an import against the sandbox bank on ${provider}${skip ? ` (skipped: ${reason})` : ''}`,
    () => {
      let h: Harness;
      beforeAll(async () => {
        h = await createHarness({ provider });
      });
      afterAll(async () => h?.close());

      test('imports every account and card, and a re-import stores nothing new and counts duplicates', async () => {
        const { user, connection, accounts } = await h.connectUser('first@example.test');
        expect(accounts.map((a) => a.kind).sort()).toEqual(['account', 'account', 'card']);

        const first = await h.plan({
          userId: user.id,
          connectionId: connection.id,
          fromDate: daysAgo(60),
          toDate: daysAgo(0),
        });
        expect(first.job.status).toBe('planned');
        expect(first.estimate.transactions).toBeGreaterThan(0);
        await h.db.importJob.update({ where: { id: first.job.id }, data: { status: 'queued' } });
        expect(await runImportJob(h.deps, first.job.id)).toBe('completed');

        const afterFirst = await h.db.importJob.findUniqueOrThrow({ where: { id: first.job.id } });
        const stored = await h.db.transaction.count({
          where: { accountId: { in: accounts.map((a) => a.id) } },
        });
        expect(afterFirst.totalSynced).toBe(stored);
        expect(afterFirst.totalSynced).toBeGreaterThan(20);
        expect(afterFirst.totalFetched).toBe(afterFirst.totalSynced + afterFirst.totalDuplicates);

        const second = await h.plan({
          userId: user.id,
          connectionId: connection.id,
          fromDate: daysAgo(60),
          toDate: daysAgo(0),
        });
        await h.db.importJob.update({ where: { id: second.job.id }, data: { status: 'queued' } });
        expect(await runImportJob(h.deps, second.job.id)).toBe('completed');
        const afterSecond = await h.db.importJob.findUniqueOrThrow({ where: { id: second.job.id } });
        expect(afterSecond.totalSynced).toBe(0);
        expect(afterSecond.totalDuplicates).toBe(afterSecond.totalFetched);
        expect(
          await h.db.transaction.count({ where: { accountId: { in: accounts.map((a) => a.id) } } }),
        ).toBe(stored);
        // with history stored, the estimate is made from it
        const basis = (second.job.estimate as { accounts: { basis: string }[] }).accounts.map((a) => a.basis);
        expect(basis).toContain('history');
      });

      test('every state change is an event with consecutive ids, ending with finished', async () => {
        const { user, connection } = await h.connectUser('events@example.test');
        const { job } = await h.plan({
          userId: user.id,
          connectionId: connection.id,
          fromDate: daysAgo(200),
          toDate: daysAgo(0),
        });
        const live: number[] = [];
        const unsubscribe = h.deps.progress.subscribe(job.id, (event) => live.push(event.seq));
        const runner = createJobRunner(h.deps);
        await startImport({ ...h.deps, transport: runner }, user.id, job.id);
        await runner.idle();
        unsubscribe();

        const events = await listEventsSince(h.db, job.id, 0);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        expect(live).toEqual(events.map((e) => e.seq));
        const last = events.at(-1);
        expect(last?.kind).toBe('finished');
        expect(last?.job.status).toBe('completed');
        expect(last?.job.percent).toBe(100);
        const accountEvents = events.filter((e) => e.kind === 'account');
        expect(new Set(accountEvents.map((e) => e.account?.status))).toEqual(
          new Set(['syncing', 'completed']),
        );
      });

      test('batches that change only counts are told at most once per interval; every window end and status is an event', async () => {
        const { user, connection, accounts } = await h.connectUser('quiet@example.test');
        const { job } = await h.plan({
          userId: user.id,
          connectionId: connection.id,
          fromDate: daysAgo(200),
          toDate: daysAgo(0),
          batchSize: 10,
        });
        await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
        // An interval longer than the run: only the events that must be there are.
        expect(
          await runImportJob(
            { ...h.deps, config: { ...h.deps.config, batchEventIntervalMs: 60_000 } },
            job.id,
          ),
        ).toBe('completed');

        const events = await listEventsSince(h.db, job.id, 0);
        const rows = await h.db.importProgress.findMany({ where: { jobId: job.id } });
        for (const account of accounts) {
          const row = rows.find((r) => r.accountId === account.id);
          const told = events.filter((e) => e.account?.accountId === account.id).map((e) => e.account);
          // syncing, the end of each window (the pending request is the last), completed
          expect(told.map((a) => `${a?.status} ${a?.windowsDone}`)).toEqual([
            ...Array.from({ length: (row?.windowsTotal ?? 0) + 1 }, (_, w) => `syncing ${w}`),
            `completed ${row?.windowsTotal}`,
          ]);
          expect(told.at(-1)).toMatchObject({
            fetched: row?.fetched,
            synced: row?.synced,
            duplicates: row?.duplicates,
          });
          expect(await h.db.transaction.count({ where: { accountId: account.id } })).toBe(row?.synced);
        }
        // the current account's windows hold several batches each, which stayed silent
        expect(rows.some((row) => row.fetched > 10 * row.windowsTotal)).toBe(true);
      });

      test('a stop between batches still records every bank call made, the next window read ahead too', async () => {
        const { user, connection, accounts } = await h.connectUser('ledger@example.test');
        const { job } = await h.plan({
          userId: user.id,
          connectionId: connection.id,
          fromDate: daysAgo(400),
          toDate: daysAgo(0),
          batchSize: 10,
        });
        await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
        h.bank.resetStats();
        // The flag alone, as another API process sets it before its interrupt arrives: nothing is aborted, so the
        // request read ahead is answered and counted by the bank.
        let asked: Promise<unknown> | null = null;
        const unsubscribe = h.deps.progress.subscribe(job.id, (event) => {
          if (
            !asked &&
            event.kind === 'account' &&
            (event.account?.windowsDone ?? 0) >= 1 &&
            event.account?.status === 'syncing'
          ) {
            // `then` sends it: a Prisma query runs only once something awaits it
            asked = h.db.importJob
              .update({ where: { id: job.id }, data: { requestedAction: 'pause' } })
              .then(() => undefined);
          }
        });
        const status = await runImportJob(h.deps, job.id).finally(unsubscribe);
        await asked;
        expect(status).toBe('paused');

        const byAccount = h.bank.stats().byAccount;
        const made = accounts.map(
          (a) =>
            (byAccount[a.providerAccountId]?.attended ?? 0) +
            (byAccount[a.providerAccountId]?.unattended ?? 0),
        );
        const ledger = await Promise.all(
          accounts.map((a) => h.db.bankCall.count({ where: { jobId: job.id, accountId: a.id } })),
        );
        const rows = await h.db.importProgress.findMany({ where: { jobId: job.id } });
        const receipts = accounts.map(
          (a) => readReceipt(rows.find((r) => r.accountId === a.id)?.receipt).callsUsed,
        );
        expect(made.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(accounts.length); // windows were read ahead
        expect(ledger).toEqual(made);
        expect(receipts).toEqual(made);
        expect(rows.some((r) => r.status !== 'completed')).toBe(true); // it stopped part-way
      });

      test('cancel stops a running job within a batch', async () => {
        const { user, connection } = await h.connectUser('cancel@example.test');
        const { job } = await h.plan({
          userId: user.id,
          connectionId: connection.id,
          fromDate: daysAgo(700),
          toDate: daysAgo(0),
          batchSize: 10,
        });
        const runner = createJobRunner(h.deps);
        const controls = { ...h.deps, transport: runner };
        let cancelled = false;
        h.deps.progress.subscribe(job.id, (event) => {
          if (!cancelled && event.kind === 'account' && event.job.totals.synced > 0) {
            cancelled = true;
            void cancelImport(controls, user.id, job.id);
          }
        });
        await startImport(controls, user.id, job.id);
        await runner.idle();
        const done = await h.db.importJob.findUniqueOrThrow({
          where: { id: job.id },
          include: { progress: true },
        });
        expect(done.status).toBe('cancelled');
        expect(done.progress.some((p) => p.status === 'cancelled')).toBe(true);
      });

      test('pause and resume end with the same data as an uninterrupted run', async () => {
        const reference = await h.connectUser('reference@example.test', 'john3');
        const paused = await h.connectUser('paused@example.test', 'john3');
        const range = { fromDate: daysAgo(400), toDate: daysAgo(0) };

        const runner = createJobRunner(h.deps);
        const controls = { ...h.deps, transport: runner };
        const refJob = await h.plan({
          userId: reference.user.id,
          connectionId: reference.connection.id,
          ...range,
        });
        await startImport(controls, reference.user.id, refJob.job.id);
        await runner.idle();

        const { job } = await h.plan({
          userId: paused.user.id,
          connectionId: paused.connection.id,
          ...range,
          batchSize: 10,
        });
        let pausedOnce = false;
        h.deps.progress.subscribe(job.id, (event) => {
          if (!pausedOnce && event.kind === 'account' && event.job.totals.synced > 0) {
            pausedOnce = true;
            void pauseImport(controls, paused.user.id, job.id);
          }
        });
        await startImport(controls, paused.user.id, job.id);
        await runner.idle();
        expect((await h.db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('paused');
        await resumeImport(controls, paused.user.id, job.id);
        await runner.idle();

        const done = await h.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
        const refDone = await h.db.importJob.findUniqueOrThrow({ where: { id: refJob.job.id } });
        expect(done.status).toBe('completed');
        expect([done.totalFetched, done.totalSynced, done.totalDuplicates]).toEqual([
          refDone.totalFetched,
          refDone.totalSynced,
          refDone.totalDuplicates,
        ]);
        const strip = (rows: Awaited<ReturnType<typeof storedTransactions>>) =>
          rows.map(({ accountId: _, ...rest }) => rest);
        expect(
          strip(
            await storedTransactions(
              h.db,
              paused.accounts.map((a) => a.id),
            ),
          ),
        ).toEqual(
          strip(
            await storedTransactions(
              h.db,
              reference.accounts.map((a) => a.id),
            ),
          ),
        );
      });
    },
  );
}
