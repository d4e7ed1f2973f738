import { addDays, londonTimeZone, todayIn } from '@app/domain';
import { type EnrichmentHook } from '@app/importer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiHarness, daysAgo, type ApiHarness } from './api-harness';

type Caller = Awaited<ReturnType<ApiHarness['callerFor']>>;
const dayMs = 86_400_000;

describe('what makes an import trustworthy, through the API', () => {
  let h: ApiHarness;
  let api: Caller;
  let connectionId: string;
  const enriched: string[] = [];
  beforeAll(async () => {
    h = await createApiHarness();
    const hook: EnrichmentHook = {
      async enrichImport({ importJobId }) {
        enriched.push(importJobId);
      },
      estimate: (count) => ({ costMicros: 1_000 * count, basis: '1,000 micro-dollars a transaction' }),
    };
    h.setEnrichment(hook);
    ({ api } = await h.signUp('trust@example.test'));
    connectionId = (await h.connectBank(api)).id;
  });
  afterAll(async () => h?.close());

  async function run(jobId: string) {
    await api.importStart({ jobId });
    await h.runner.idle();
    return api.importJob({ jobId });
  }

  test('an incremental plan runs from the last sync, less a few days, to today', async () => {
    const first = await api.importPlan({ connectionId, jobType: 'incremental' });
    expect(first).toMatchObject({
      jobType: 'incremental',
      dateRange: { from: daysAgo(89), to: daysAgo(0), days: 90 },
    });
    await run(first.jobId);
    const next = await api.importPlan({ connectionId, jobType: 'incremental' });
    expect(next.dateRange).toEqual({ from: daysAgo(3), to: daysAgo(0), days: 4 });
    await api.importDelete({ jobId: next.jobId });
    await expect(api.importPlan({ connectionId })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  test('the plan and the job page show each account’s calls, budget and receipt', async () => {
    const plan = await api.importPlan({ connectionId, fromDate: daysAgo(100), toDate: daysAgo(0) });
    for (const account of plan.accounts)
      expect(account.calls).toMatchObject({
        needed: 3,
        attended: true,
        limit: 4,
        reserve: 1,
        deferredUntil: null,
      });
    const detail = await run(plan.jobId);
    expect(detail.job).toMatchObject({ status: 'completed', attended: true });
    for (const account of detail.accounts) {
      const receipt = account.receipt;
      if (!receipt) throw new Error('every finished account has a receipt');
      const dup = receipt.duplicatesByRule;
      expect(
        receipt.new +
          receipt.updated +
          receipt.pendingReconciled +
          dup.normalised +
          dup.provider +
          dup.fingerprint,
      ).toBe(receipt.fetched);
      expect(receipt.callsUsed).toBe(3);
      expect(account.callsPlanned?.needed).toBe(3);
      // the person was present: their calls left the unattended budget untouched
      expect(account.budget).toMatchObject({ limit: 4, reserve: 1, used: 0, left: 3, nextFreeAt: null });
    }
    expect(JSON.stringify(detail)).not.toContain('127.0.0.1');
  });

  test('a replay through the API makes no bank call; a merge is undone from the job page', async () => {
    const source = await api.importHistory({ limit: 1, status: 'completed' });
    const sourceId = source.items[0]?.id ?? '';
    h.bank.resetStats();
    const replay = await api.importReplay({ jobId: sourceId });
    await h.runner.idle();
    expect((await api.importJob({ jobId: replay.jobId })).job).toMatchObject({
      status: 'completed',
      jobType: 'replay',
      replayOfJobId: sourceId,
    });
    expect(h.bank.stats().total).toBe(0);

    h.bank.advanceClock(4 * dayMs); // pending items book
    try {
      const today = todayIn(londonTimeZone, new Date());
      const plan = await api.importPlan({ connectionId, fromDate: addDays(today, -10), toDate: today });
      const detail = await run(plan.jobId);
      const merge = detail.matches.find((m) => m.kind === 'pending_to_booked');
      if (!merge) throw new Error('a pending item should have booked');
      expect(merge).toMatchObject({
        state: 'merged',
        survivor: { status: 'booked' },
        absorbed: { status: 'pending' },
      });
      const { api: stranger } = await h.signUp('stranger@example.test');
      await expect(stranger.matches.undo({ decisionId: merge.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const undone = await api.matches.undo({ decisionId: merge.id });
      expect(undone.transactionIds).toHaveLength(2);
      await expect(api.matches.undo({ decisionId: merge.id })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await api.importJob({ jobId: plan.jobId })).matches.find((m) => m.id === merge.id)?.state).toBe(
        'undone',
      );
    } finally {
      h.bank.setClock(new Date());
    }
  });

  test('the monthly enrichment cap: the plan warns before start, and raising the cap resumes capped enrichment', async () => {
    const capped = await api.costs.setMonthlyCap({ capMicros: 5_000 });
    expect(capped.month).toMatchObject({ capMicros: 5_000, spentMicros: 0, remainingMicros: 5_000 });
    const plan = await api.importPlan({
      connectionId,
      fromDate: daysAgo(30),
      toDate: daysAgo(0),
      autoEnrich: true,
    });
    expect(plan.estimate.costMicros).toBeGreaterThan(5_000);
    expect(plan.estimate.enrichmentMonth).toMatchObject({ capMicros: 5_000 });
    expect(plan.estimate.warnings.find((w) => w.code === 'ENRICHMENT_CAP')?.message).toMatch(
      /stops at the cap and resumes when you raise it/,
    );

    // an import whose enrichment stopped at the cap, with transactions left to enrich
    const user = await h.db.user.findUniqueOrThrow({ where: { email: 'trust@example.test' } });
    await run(plan.jobId);
    const { importJobId } = await h.db.transaction.findFirstOrThrow({
      where: { importJobId: { not: null }, enrichedAt: null },
    });
    await h.db.enrichmentJob.create({
      data: {
        userId: user.id,
        importJobId,
        provider: 'rules',
        status: 'capped',
        errorMessage: 'Monthly spending cap reached',
      },
    });
    enriched.length = 0;
    expect((await api.costs.setMonthlyCap({ capMicros: 1_000 })).resumedImports).toBe(0);
    const raised = await api.costs.setMonthlyCap({ capMicros: 1_000_000 });
    expect(raised.resumedImports).toBe(1);
    expect(enriched).toEqual([importJobId]);
    expect((await api.costs.summary({ days: 7 })).month.capMicros).toBe(1_000_000);
  });

  test('a consent close to its end is flagged, and extending it resumes the schedules its lapse paused', async () => {
    await h.db.bankConnection.update({
      where: { id: connectionId },
      data: { consentExpiresAt: new Date(Date.now() + 3 * dayMs) },
    });
    const [soon] = await api.connections.list();
    expect(soon).toMatchObject({ status: 'active', consentDaysLeft: 2, consentExpiringSoon: true });
    const schedule = await api.schedules.create({
      connectionId,
      cadence: 'weekly',
      windowDays: 7,
      accountIds: [],
    });
    await h.db.importSchedule.update({
      where: { id: schedule.id },
      data: { enabled: false, pausedReason: 'needs_reconsent' },
    });
    const extended = await api.connections.extendConsent({ connectionId });
    expect(extended).toMatchObject({ status: 'active', consentExpiringSoon: false });
    expect(extended.consentDaysLeft).toBeGreaterThan(80);
    expect((await api.schedules.list()).find((s) => s.id === schedule.id)).toMatchObject({
      enabled: true,
      pausedReason: null,
    });
  });
});
