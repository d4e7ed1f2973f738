import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiHarness, type ApiHarness } from './api-harness';

type Caller = Awaited<ReturnType<ApiHarness['callerFor']>>;
const dayMs = 86_400_000;

describe('schedules', () => {
  let h: ApiHarness;
  let api: Caller;
  let connection: Awaited<ReturnType<ApiHarness['connectBank']>>;
  beforeAll(async () => {
    h = await createApiHarness();
    ({ api } = await h.signUp('schedules@example.test'));
    connection = await h.connectBank(api);
  });
  afterAll(async () => h?.close());

  test('a new schedule runs one cadence from now, with defaults for what was not given', async () => {
    const before = Date.now();
    const schedule = await api.schedules.create({ connectionId: connection.id, cadence: 'daily' });
    expect(schedule).toMatchObject({
      cadence: 'daily',
      windowDays: 7,
      accountIds: [],
      autoEnrich: false,
      batchSize: 50,
      enabled: true,
    });
    expect(schedule.nextRunAt.getTime() - before).toBeGreaterThanOrEqual(dayMs - 1_000);
    expect(schedule.nextRunAt.getTime() - before).toBeLessThan(dayMs + 60_000);
  });

  test("changing the cadence moves the next run; accounts must be the connection's", async () => {
    const accountIds = connection.accounts.slice(0, 1).map((a) => a.id);
    const schedule = await api.schedules.create({
      connectionId: connection.id,
      cadence: 'daily',
      accountIds,
    });
    const weekly = await api.schedules.update({ scheduleId: schedule.id, cadence: 'weekly', windowDays: 14 });
    expect(weekly.nextRunAt.getTime() - schedule.nextRunAt.getTime()).toBeGreaterThan(5 * dayMs);
    expect(weekly).toMatchObject({ windowDays: 14, accountIds });
    await expect(
      api.schedules.update({ scheduleId: schedule.id, accountIds: ['not-an-account'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      api.schedules.create({ connectionId: connection.id, cadence: 'daily', batchSize: 5 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await api.schedules.remove({ scheduleId: schedule.id })).toEqual({
      scheduleId: schedule.id,
      removed: true,
    });
    expect((await api.schedules.list()).map((s) => s.id)).not.toContain(schedule.id);
  });
});

describe('costs', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });
  afterAll(async () => h?.close());

  test("the summary adds enrichment tokens and cost per day and per job, the user's only", async () => {
    const { api, user } = await h.signUp('costs@example.test');
    const { user: other } = await h.signUp('other-costs@example.test');
    const job = {
      provider: 'llm',
      status: 'completed' as const,
      successes: 10,
      tokensIn: 1_000,
      tokensOut: 300,
      costMicros: 1_500,
    };
    await h.db.enrichmentJob.create({ data: { ...job, userId: user.id } });
    await h.db.enrichmentJob.create({
      data: { ...job, userId: user.id, createdAt: new Date(Date.now() - 3 * dayMs) },
    });
    await h.db.enrichmentJob.create({
      data: { ...job, userId: user.id, createdAt: new Date(Date.now() - 40 * dayMs) },
    });
    await h.db.enrichmentJob.create({ data: { ...job, userId: other.id } });
    const summary = await api.costs.summary({ days: 7 });
    expect(summary.days).toHaveLength(7);
    expect(summary.days.at(-1)).toMatchObject({
      date: new Date().toISOString().slice(0, 10),
      jobs: 1,
      costMicros: 1_500,
    });
    expect(summary.total).toEqual({
      jobs: 2,
      transactions: 20,
      tokensIn: 2_000,
      tokensOut: 600,
      costMicros: 3_000,
    });
    expect(summary.jobs).toHaveLength(2);
  });
});
