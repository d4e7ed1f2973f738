import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { followImport } from './follow-import';
import { daysAgo, startTestServer } from './server-harness';

describe('stopping the server', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database?.drop());

  test('checkpoints a running import: it stays queued, with its progress, for the next start', async () => {
    const t = await startTestServer({ database, sandbox: { latency: { fixedMs: 30, jitterMs: 0 } } });
    const { api } = await t.signUp('shutdown@example.test');
    const { connection } = await t.connectBank(api);
    const { jobId } = await api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(600),
      toDate: daysAgo(0),
      batchSize: 10,
    });
    let closed: Promise<void> | null = null;
    void followImport(api, jobId, (event) => {
      if (!closed && event.kind === 'account' && event.job.totals.synced > 0) closed = t.server.close();
    }).catch(() => undefined); // the server goes away under this subscription; its end is not what is tested
    await api.importStart.mutate({ jobId });
    while (!closed) await new Promise((resolve) => setTimeout(resolve, 20));
    await closed;
    const job = await database.db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      include: { progress: true },
    });
    expect(job.status).toBe('queued');
    expect(job.progress.some((p) => p.synced > 0)).toBe(true);
    expect(job.progress.some((p) => p.status !== 'completed')).toBe(true);
    await t.close();
  });
});
