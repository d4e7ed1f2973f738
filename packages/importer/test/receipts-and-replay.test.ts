import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { testProviders } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ArchiveMissingError,
  createJobRunner,
  planImport,
  planReplay,
  purgeRawArchive,
  readReceipt,
  receiptTotal,
  runImportJob,
  startImport,
  type EnrichmentHook,
  type ImporterDeps,
} from '../src/index';
import { unpackRawItems } from '../src/raw-archive';
import { createHarness, storedTransactions, type Harness } from '../src/testing';

const dayMs = 86_400_000;

/** Enriches every new transaction of an import for free, charging 10 tokens in, 4 out and 7 micro-dollars each. */
function fakeEnrichment(h: Harness): EnrichmentHook & { runs: string[] } {
  const runs: string[] = [];
  return {
    runs,
    async enrichImport({ userId, importJobId }) {
      runs.push(importJobId);
      const pending = await h.db.transaction.findMany({
        where: { importJobId, enrichedAt: null },
        select: { id: true },
      });
      if (pending.length === 0) return;
      const n = pending.length;
      await h.db.enrichmentJob.create({
        data: {
          userId,
          importJobId,
          provider: 'fake',
          status: 'completed',
          transactionCount: n,
          successes: n,
          tokensIn: 10 * n,
          tokensOut: 4 * n,
          costMicros: 7 * n,
        },
      });
      await h.db.transaction.updateMany({
        where: { id: { in: pending.map((p) => p.id) } },
        data: { enrichedAt: new Date(), enrichedBy: 'fake', category: 'groceries' },
      });
    },
    estimate: (count) => ({ costMicros: 7 * count, basis: '7 micro-dollars a transaction' }),
  };
}

for (const { provider, skip, reason } of testProviders) {
  describe.skipIf(skip)(`receipts and replays on ${provider}${skip ? ` (skipped: ${reason})` : ''}`, () => {
    let h: Harness;
    let deps: ImporterDeps;
    let enrichment: ReturnType<typeof fakeEnrichment>;
    beforeAll(async () => {
      h = await createHarness({ provider });
      enrichment = fakeEnrichment(h);
      deps = { ...h.deps, enrichment, now: () => h.bank.now() };
    });
    afterAll(async () => h?.close());

    async function importDays(userId: string, connectionId: string, days: number, autoEnrich = false) {
      const today = todayIn(londonTimeZone, deps.now());
      const { job } = await planImport(deps, {
        userId,
        connectionId,
        fromDate: addDays(today, -days),
        toDate: today,
        autoEnrich,
        batchSize: 25,
        psuIp: '127.0.0.1',
      });
      await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
      await runImportJob(deps, job.id);
      return h.db.importJob.findUniqueOrThrow({ where: { id: job.id }, include: { progress: true } });
    }

    function expectReceiptsAddUp(job: Awaited<ReturnType<typeof importDays>>) {
      for (const row of job.progress) {
        const receipt = readReceipt(row.receipt);
        expect(receiptTotal(receipt), `receipt of ${row.accountId}`).toBe(receipt.fetched);
        expect(row.fetched).toBe(row.synced + row.updated + row.duplicates + row.pendingReconciled);
        expect([receipt.fetched, receipt.new, receipt.updated, receipt.pendingReconciled]).toEqual([
          row.fetched,
          row.synced,
          row.updated,
          row.pendingReconciled,
        ]);
      }
      expect(job.totalFetched).toBe(job.progress.reduce((s, p) => s + p.fetched, 0));
    }

    test('every receipt’s counts add up to what was fetched: first import, re-import, and after pending items booked', async () => {
      h.bank.setClock(new Date());
      const { user, connection } = await h.connectUser('receipts@example.test', 'receipts');
      const first = await importDays(user.id, connection.id, 120, true);
      expectReceiptsAddUp(first);
      expect(first.progress.some((p) => readReceipt(p.receipt).new > 0)).toBe(true);
      // the enrichment's tokens and cost are shared out over the accounts, and the shares add up
      const shares = first.progress.map((p) => readReceipt(p.receipt).enrichment);
      expect(shares.reduce((s, e) => s + e.transactions, 0)).toBe(first.totalSynced);
      expect(shares.reduce((s, e) => s + e.costMicros, 0)).toBe(7 * first.totalSynced);
      expect(shares.reduce((s, e) => s + e.tokensIn, 0)).toBe(10 * first.totalSynced);

      const again = await importDays(user.id, connection.id, 120);
      expectReceiptsAddUp(again);
      for (const row of again.progress)
        expect(readReceipt(row.receipt).zeroReason).toBe('nothing_new_after_dedup');

      h.bank.advanceClock(4 * dayMs);
      const booked = await importDays(user.id, connection.id, 20);
      expectReceiptsAddUp(booked);
      expect(
        booked.progress.reduce((s, p) => s + readReceipt(p.receipt).pendingReconciled, 0),
      ).toBeGreaterThan(0);
      expect(booked.progress.every((p) => readReceipt(p.receipt).callsUsed >= 2)).toBe(true);
    });

    test('a replay gives the same result with zero bank calls, from an archive that holds no tokens', async () => {
      h.bank.setClock(new Date());
      const { user, connection, accounts } = await h.connectUser('replay@example.test', 'replayer');
      const original = await importDays(user.id, connection.id, 150, true);
      expect(original.status).toBe('completed');
      const ids = accounts.map((a) => a.id);
      const stored = await storedTransactions(h.db, ids);

      const archive = await h.db.rawResponse.findMany({ where: { jobId: original.id } });
      expect(archive.length).toBe(accounts.length * 3); // two windows and the pending list each
      const text = archive.map((r) => JSON.stringify(unpackRawItems(r.bodyGzip))).join('');
      const connectionRow = await h.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
      expect(text).not.toContain(h.deps.cipher.decrypt(connectionRow.accessTokenEnc));
      expect(text).not.toMatch(/Bearer|access_token|refresh_token/);

      // the transactions are lost: the replay rebuilds them from the archive alone
      await h.db.transaction.deleteMany({ where: { accountId: { in: ids } } });
      h.bank.resetStats();
      const replay = await planReplay(h.db, { userId: user.id, jobId: original.id });
      const runner = createJobRunner(deps);
      await startImport({ ...deps, transport: runner }, user.id, replay.id);
      await runner.idle();
      expect(h.bank.stats().total).toBe(0);

      const replayed = await h.db.importJob.findUniqueOrThrow({
        where: { id: replay.id },
        include: { progress: true },
      });
      expect([replayed.status, replayed.jobType, replayed.replayOfJobId]).toEqual([
        'completed',
        'replay',
        original.id,
      ]);
      expect(await storedTransactions(h.db, ids)).toEqual(stored);
      const counts = (job: typeof original) =>
        job.progress.map((p) => {
          const {
            fetched,
            new: added,
            updated,
            pendingReconciled,
            duplicatesByRule,
            pendingAwaitingBooking,
          } = readReceipt(p.receipt);
          return {
            accountId: p.accountId,
            fetched,
            added,
            updated,
            pendingReconciled,
            duplicatesByRule,
            pendingAwaitingBooking,
          };
        });
      expect(counts(replayed)).toEqual(counts(original));
      expect(replayed.progress.every((p) => readReceipt(p.receipt).callsUsed === 0)).toBe(true);
      expect(enrichment.runs).toContain(replay.id); // enrichment runs again too

      // replaying again finds everything stored: duplicates only, still without a call
      const twice = await planReplay(h.db, { userId: user.id, jobId: replay.id });
      expect(twice.replayOfJobId).toBe(original.id);
      await startImport({ ...deps, transport: runner }, user.id, twice.id);
      await runner.idle();
      const done = await h.db.importJob.findUniqueOrThrow({ where: { id: twice.id } });
      expect([done.totalSynced, done.totalDuplicates]).toEqual([0, original.totalFetched]);
      expect(h.bank.stats().total).toBe(0);

      // past the retention period the archive is gone, and a replay says so
      expect(
        await purgeRawArchive(h.db, { now: new Date(Date.now() + 91 * dayMs), days: 90 }),
      ).toBeGreaterThan(0);
      await expect(planReplay(h.db, { userId: user.id, jobId: original.id })).rejects.toThrow(
        ArchiveMissingError,
      );
    });
  });
}
