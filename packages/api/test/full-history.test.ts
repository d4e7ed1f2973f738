import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiHarness, daysAgo, type ApiHarness } from './api-harness';

type Caller = Awaited<ReturnType<ApiHarness['callerFor']>>;

describe('the 90-day rule, said before the person starts', () => {
  let h: ApiHarness;
  let api: Caller;
  beforeAll(async () => {
    h = await createApiHarness();
    ({ api } = await h.signUp('history@example.test'));
  });
  afterAll(async () => h?.close());

  test('a new connection reaches its full history for a few minutes, and importFullHistory starts two years with nothing locked', async () => {
    const connection = await h.connectBank(api);
    expect(connection.historyReach.fullHistoryUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(connection.historyReach.recentFrom).toBe(daysAgo(90));
    const started = await api.importFullHistory({ connectionId: connection.id });
    expect(started).toMatchObject({
      status: 'queued',
      locked: null,
      dateRange: { from: daysAgo(730), to: daysAgo(0) },
    });
    expect(started.estimate.warnings.map((w) => w.code)).not.toContain('SCA_RANGE');
  });

  test('on an older consent the plan names the locked dates and why, and there is nothing to continue yet', async () => {
    const connection = await h.connectBank(api);
    await h.db.bankConnection.update({
      where: { id: connection.id },
      data: { consentGrantedAt: new Date(Date.now() - 10 * 60_000) },
    });
    const [listed] = (await api.connections.list()).filter((c) => c.id === connection.id);
    expect(listed?.historyReach.fullHistoryUntil).toBeNull();
    const plan = await api.importPlan({
      connectionId: connection.id,
      fromDate: daysAgo(400),
      toDate: daysAgo(0),
    });
    expect(plan.locked).toEqual({ from: daysAgo(400), to: daysAgo(91) });
    expect(plan.estimate.warnings.find((w) => w.code === 'SCA_RANGE')?.message).toMatch(
      new RegExp(
        `brings ${daysAgo(90)} to ${daysAgo(0)} now and ends "completed with errors" for ${daysAgo(400)} to ${daysAgo(91)}`,
      ),
    );
    await expect(api.importContinueLocked({ jobId: plan.jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
