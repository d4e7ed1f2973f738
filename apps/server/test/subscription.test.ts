import { listEventsSince } from '@app/importer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { followImport } from './follow-import';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('following an import over WebSocket', () => {
  let t: TestServer;
  let owner: Awaited<ReturnType<TestServer['signUp']>>;
  let connectionId: string;
  beforeAll(async () => {
    // a little bank latency so an import lasts long enough to break its connection in the middle
    t = await startTestServer({ sandbox: { latency: { fixedMs: 15, jitterMs: 0 } } });
    owner = await t.signUp('follower@example.test');
    connectionId = (await t.connectBank(owner.api)).connection.id;
  });
  afterAll(async () => t?.close());

  test('the subscription receives every event of a real import, in order, ending with finished', async () => {
    const { jobId } = await owner.api.importPlan.mutate({
      connectionId,
      fromDate: daysAgo(120),
      toDate: daysAgo(0),
      batchSize: 25,
    });
    const followed = followImport(owner.api, jobId);
    expect(await owner.api.importStart.mutate({ jobId })).toEqual({ jobId, status: 'queued' });
    const { ids, events } = await followed;
    const stored = await listEventsSince(t.db, jobId, 0);
    expect(ids).toEqual(oneToN(stored.length));
    expect(events).toEqual(stored);
    expect(events.at(-1)).toMatchObject({ kind: 'finished', job: { status: 'completed', percent: 100 } });
    expect(events.some((e) => e.kind === 'account' && e.account?.status === 'syncing')).toBe(true);
  });

  test('a connection dropped by the server mid-import resumes without gaps or duplicates', async () => {
    const { jobId } = await owner.api.importPlan.mutate({
      connectionId,
      fromDate: daysAgo(150),
      toDate: daysAgo(0),
      batchSize: 10,
    });
    let droppedAfter = 0;
    const followed = followImport(owner.api, jobId, (_event, count) => {
      if (count === 3) {
        droppedAfter = count;
        t.server.terminateWebSockets();
      }
    });
    await owner.api.importStart.mutate({ jobId });
    const { ids, events } = await followed;
    const job = await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(droppedAfter).toBe(3);
    expect(job.lastEventSeq).toBeGreaterThan(droppedAfter);
    expect(ids).toEqual(oneToN(job.lastEventSeq));
    expect(events.at(-1)?.kind).toBe('finished');
  });

  test('another user cannot follow the job: NOT_FOUND, as for its detail and its connection', async () => {
    const { jobId } = await owner.api.importPlan.mutate({
      connectionId,
      fromDate: daysAgo(3),
      toDate: daysAgo(0),
    });
    const { api: intruder } = await t.signUp('intruder@example.test');
    await expect(followImport(intruder, jobId)).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    await expect(intruder.importJob.query({ jobId })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND', httpStatus: 404 },
    });
    await expect(intruder.importStart.mutate({ jobId })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(intruder.connections.remove.mutate({ connectionId })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(intruder.connections.refreshAccounts.mutate({ connectionId })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(
      intruder.importPlan.mutate({ connectionId, fromDate: daysAgo(3), toDate: daysAgo(0) }),
    ).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    expect(await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: 'planned',
    });
  });

  test('a WebSocket without a session cannot subscribe', async () => {
    const { jobId } = await owner.api.importPlan.mutate({
      connectionId,
      fromDate: daysAgo(3),
      toDate: daysAgo(0),
    });
    await expect(followImport(t.client(), jobId)).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    await expect(followImport(t.client('not-a-session-token'), jobId)).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });
});
