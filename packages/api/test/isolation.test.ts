import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiHarness, daysAgo, type ApiHarness } from './api-harness';

type Caller = Awaited<ReturnType<ApiHarness['callerFor']>>;

describe("another user's ids", () => {
  let h: ApiHarness;
  let intruder: Caller;
  let connectionId: string;
  let accountId: string;
  let jobId: string;
  let scheduleId: string;
  beforeAll(async () => {
    h = await createApiHarness();
    const { api: owner } = await h.signUp('owner@example.test');
    ({ api: intruder } = await h.signUp('intruder@example.test'));
    const connection = await h.connectBank(owner);
    connectionId = connection.id;
    accountId = connection.accounts[0]?.id ?? '';
    ({ jobId } = await owner.importPlan({ connectionId, fromDate: daysAgo(5), toDate: daysAgo(0) }));
    ({ id: scheduleId } = await owner.schedules.create({ connectionId, cadence: 'weekly' }));
  });
  afterAll(async () => h?.close());

  test('answer NOT_FOUND for jobs, whatever the procedure', async () => {
    const notFound = { code: 'NOT_FOUND' };
    await expect(intruder.importJob({ jobId })).rejects.toMatchObject(notFound);
    await expect(intruder.importStart({ jobId })).rejects.toMatchObject(notFound);
    await expect(intruder.importCancel({ jobId })).rejects.toMatchObject(notFound);
    await expect(intruder.importPause({ jobId })).rejects.toMatchObject(notFound);
    await expect(intruder.importResume({ jobId })).rejects.toMatchObject(notFound);
    await expect(intruder.importDelete({ jobId })).rejects.toMatchObject(notFound);
    await expect(intruder.importStatus({ jobId })).rejects.toMatchObject(notFound);
    expect((await intruder.importHistory({})).items).toEqual([]);
  });

  test('answer NOT_FOUND for connections, accounts and schedules', async () => {
    const notFound = { code: 'NOT_FOUND' };
    await expect(
      intruder.importPlan({ connectionId, fromDate: daysAgo(5), toDate: daysAgo(0) }),
    ).rejects.toMatchObject(notFound);
    await expect(intruder.connections.refreshAccounts({ connectionId })).rejects.toMatchObject(notFound);
    await expect(intruder.connections.extendConsent({ connectionId })).rejects.toMatchObject(notFound);
    await expect(intruder.connections.rename({ connectionId, label: 'Mine' })).rejects.toMatchObject(
      notFound,
    );
    await expect(intruder.connections.remove({ connectionId })).rejects.toMatchObject(notFound);
    await expect(intruder.transactions.list({ accountId })).rejects.toMatchObject(notFound);
    await expect(intruder.schedules.create({ connectionId, cadence: 'daily' })).rejects.toMatchObject(
      notFound,
    );
    await expect(intruder.schedules.update({ scheduleId, enabled: false })).rejects.toMatchObject(notFound);
    await expect(intruder.schedules.remove({ scheduleId })).rejects.toMatchObject(notFound);
    expect(await intruder.connections.list()).toEqual([]);
    expect(await intruder.schedules.list()).toEqual([]);
    expect((await intruder.transactions.list({})).items).toEqual([]);
  });

  test("leave the owner's data as it was", async () => {
    expect(await h.db.importJob.count({ where: { id: jobId } })).toBe(1);
    expect(await h.db.bankConnection.count({ where: { id: connectionId } })).toBe(1);
    expect(await h.db.importSchedule.findUniqueOrThrow({ where: { id: scheduleId } })).toMatchObject({
      enabled: true,
    });
  });
});
