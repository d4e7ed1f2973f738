import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  listJobMatches,
  MatchStateError,
  planImport,
  resolveMatch,
  runImportJob,
  undoMatch,
  type ImporterDeps,
} from '../src/index';
import { createHarness, type Harness } from '../src/testing';

const dayMs = 86_400_000;

describe('explainable, undoable matching', () => {
  let h: Harness;
  let deps: ImporterDeps;
  beforeAll(async () => {
    h = await createHarness();
    deps = { ...h.deps, now: () => h.bank.now() }; // one clock for the importer and the bank
  });
  afterAll(async () => h?.close());

  /** Imports the last 20 days, then again after the clock moved 4 days: pending items have booked meanwhile. */
  async function importBeforeAndAfterBooking(bankUser: string) {
    h.bank.setClock(new Date());
    const { user, connection, accounts } = await h.connectUser(`${bankUser}@example.test`, bankUser);
    const run = async () => {
      const today = todayIn(londonTimeZone, deps.now());
      const { job } = await planImport(deps, {
        userId: user.id,
        connectionId: connection.id,
        fromDate: addDays(today, -20),
        toDate: today,
        autoEnrich: false,
        batchSize: 50,
        psuIp: '127.0.0.1',
      });
      await h.db.importJob.update({ where: { id: job.id }, data: { status: 'queued' } });
      expect(await runImportJob(deps, job.id)).toBe('completed');
      return job.id;
    };
    await run();
    h.bank.advanceClock(4 * dayMs);
    const jobId = await run();
    return { user, accounts, jobId, run };
  }

  test('every merge of a pending record into its booked self is recorded, and undoing it restores both records', async () => {
    const { user, accounts, jobId, run } = await importBeforeAndAfterBooking('merge-undo');
    const merges = (await listJobMatches(h.db, jobId)).filter((m) => m.kind === 'pending_to_booked');
    expect(merges.length).toBeGreaterThan(0);
    for (const merge of merges) {
      expect(['normalised', 'provider']).toContain(merge.rule);
      expect(merge.confidence).toBeGreaterThanOrEqual(95);
      expect(merge).toMatchObject({
        state: 'merged',
        survivor: { status: 'booked' },
        absorbed: { status: 'pending' },
      });
      expect(merge.absorbed?.id).toBe(merge.survivor?.id); // updated in place: one record, two states
    }
    const merge = merges[0];
    if (!merge?.survivor || !merge.absorbed) throw new Error('no merge to undo');
    const before = await h.db.transaction.count({ where: { accountId: { in: accounts.map((a) => a.id) } } });

    const undone = await undoMatch(h.db, { userId: user.id, decisionId: merge.id, now: new Date() });
    const [booked, pending] = await Promise.all(
      undone.transactionIds.map((id) => h.db.transaction.findUniqueOrThrow({ where: { id } })),
    );
    expect(booked).toMatchObject({
      id: merge.survivor.id,
      status: 'booked',
      amountMinor: merge.survivor.amountMinor,
      bookingDate: merge.survivor.bookingDate,
    });
    expect(pending).toMatchObject({
      status: 'pending',
      amountMinor: merge.absorbed.amountMinor,
      bookingDate: merge.absorbed.bookingDate,
      description: merge.absorbed.description,
    });
    expect(await h.db.transaction.count({ where: { accountId: { in: accounts.map((a) => a.id) } } })).toBe(
      before + 1,
    );
    await expect(undoMatch(h.db, { userId: user.id, decisionId: merge.id, now: new Date() })).rejects.toThrow(
      MatchStateError,
    );
    // another user cannot see it
    await expect(
      undoMatch(h.db, { userId: 'someone-else', decisionId: merge.id, now: new Date() }),
    ).rejects.toMatchObject({ code: 'MATCH_NOT_FOUND' });

    // the next sync keeps both: the booked one is a duplicate, the restored pending one is the person's call
    await run();
    expect(await h.db.transaction.count({ where: { id: { in: undone.transactionIds } } })).toBe(2);
    expect(await h.db.transaction.count({ where: { accountId: { in: accounts.map((a) => a.id) } } })).toBe(
      before + 1,
    );
  });

  test('look-alikes without a shared id are never merged silently: the ambiguous pair waits for a person to keep both or merge', async () => {
    // Which pending items carry no ids and book within the window depends on the sandbox's dates: look for two.
    const found: { user: { id: string }; jobId: string; decisionId: string }[] = [];
    for (let i = 0; i < 24 && found.length < 2; i += 1) {
      const { user, jobId } = await importBeforeAndAfterBooking(`lookalike-${i}`);
      const review = (await listJobMatches(h.db, jobId)).filter((m) => m.kind === 'ambiguous');
      for (const pair of review) found.push({ user, jobId, decisionId: pair.id });
      const receipts = await h.db.importProgress.findMany({ where: { jobId } });
      const listed = receipts.reduce(
        (sum, r) => sum + ((r.receipt as { matchesToReview?: number } | null)?.matchesToReview ?? 0),
        0,
      );
      expect(listed).toBe(review.length);
    }
    expect(found.length).toBeGreaterThanOrEqual(2);
    const [keep, merge] = found;
    if (!keep || !merge) throw new Error('two ambiguous pairs expected');

    const pair = (await listJobMatches(h.db, keep.jobId)).find((m) => m.id === keep.decisionId);
    expect(pair).toMatchObject({
      state: 'review',
      rule: 'date_amount_description',
      survivor: { status: 'booked' },
      absorbed: { status: 'pending' },
    });
    expect(pair?.confidence).toBeLessThanOrEqual(90);
    expect(pair?.survivor?.amountMinor).toBe(pair?.absorbed?.amountMinor);
    // until a person decides, only the booked record exists
    expect(await h.db.transaction.count({ where: { id: pair?.absorbed?.id ?? '' } })).toBe(0);

    await resolveMatch(h.db, {
      userId: keep.user.id,
      decisionId: keep.decisionId,
      choice: 'keep_both',
      now: new Date(),
    });
    const kept = await h.db.transaction.findMany({ where: { dedupKey: `u:${keep.decisionId}` } });
    expect(kept.map((t) => [t.status, t.amountMinor])).toEqual([['pending', pair?.absorbed?.amountMinor]]);
    await expect(
      resolveMatch(h.db, {
        userId: keep.user.id,
        decisionId: keep.decisionId,
        choice: 'merge',
        now: new Date(),
      }),
    ).rejects.toThrow(MatchStateError);

    await resolveMatch(h.db, {
      userId: merge.user.id,
      decisionId: merge.decisionId,
      choice: 'merge',
      now: new Date(),
    });
    const merged = (await listJobMatches(h.db, merge.jobId)).find((m) => m.id === merge.decisionId);
    expect(merged?.state).toBe('merged');
    expect(await h.db.transaction.count({ where: { dedupKey: `u:${merge.decisionId}` } })).toBe(0);
    // a person's merge can be undone like any other
    await undoMatch(h.db, { userId: merge.user.id, decisionId: merge.decisionId, now: new Date() });
    expect(await h.db.transaction.count({ where: { dedupKey: `u:${merge.decisionId}` } })).toBe(1);
  }, 120_000);
});
