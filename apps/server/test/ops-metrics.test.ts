import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { followImport } from './follow-import';
import { eventually, scrape, valueOf, type Sample } from './ops-helpers';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

describe('metrics after a sandbox import', () => {
  let t: TestServer;
  let metricsUrl: string;
  beforeAll(async () => {
    t = await startTestServer({ ops: { metrics: { port: null } } });
    metricsUrl = `${t.url}/metrics`;
  });
  afterAll(async () => t?.close());

  async function importOnce(api: Awaited<ReturnType<TestServer['signUp']>>['api'], connectionId: string) {
    const { jobId } = await api.importPlan.mutate({
      connectionId,
      fromDate: daysAgo(200),
      toDate: daysAgo(0),
      batchSize: 25,
    });
    const followed = followImport(api, jobId);
    await api.importStart.mutate({ jobId });
    const { events } = await followed;
    return { jobId, events };
  }

  test('counters match the import: final status, transactions, duplicates, bank calls, account durations, event lag', async () => {
    const { api } = await t.signUp('metrics@example.test');
    const { connection } = await t.connectBank(api);
    const first = await importOnce(api, connection.id);
    const samples = await eventually(
      () => scrape(metricsUrl),
      (s) => valueOf(s, 'spending_imports_finished_total', { status: 'completed' }) === 1,
    );
    const job = await t.db.importJob.findUniqueOrThrow({
      where: { id: first.jobId },
      include: { progress: true },
    });
    expect(job.status).toBe('completed');
    expect(job.totalSynced).toBeGreaterThan(0);

    expect(valueOf(samples, 'spending_imports_finished_total')).toBe(1);
    expect(valueOf(samples, 'spending_import_jobs', { status: 'completed' })).toBe(1);
    expect(valueOf(samples, 'spending_transactions_fetched_total')).toBe(job.totalFetched);
    expect(valueOf(samples, 'spending_transactions_ingested_total')).toBe(job.totalSynced);
    expect(valueOf(samples, 'spending_transactions_duplicates_total')).toBe(job.totalDuplicates);

    const calls = await t.db.bankCall.findMany({ where: { jobId: first.jobId } });
    expect(calls.length).toBeGreaterThan(0);
    expect(valueOf(samples, 'spending_bank_requests_total')).toBe(calls.length);
    expect(valueOf(samples, 'spending_bank_requests_total', { status: '200' })).toBe(
      calls.filter((c) => c.status === 200).length,
    );
    expect(valueOf(samples, 'spending_bank_rate_limited_total')).toBe(
      calls.filter((c) => c.rateLimited).length,
    );

    expect(valueOf(samples, 'spending_account_sync_duration_seconds_count', { outcome: 'completed' })).toBe(
      job.progress.length,
    );
    expect(valueOf(samples, 'spending_event_lag_seconds_count')).toBe(first.events.length);
    const settled = await eventually(
      () => scrape(metricsUrl),
      (s) => valueOf(s, 'spending_live_subscriptions') === 0,
    );
    expect(valueOf(settled, 'spending_live_subscriptions')).toBe(0);
    // calls made with the user present (the import was started from the API) leave the PSD2 budget whole:
    // 4 a day, less the 1 kept for the person
    expect(valueOf(samples, 'spending_unattended_calls_left', { connection_id: connection.id })).toBe(3);
    // process metrics come along when metrics are served
    expect(samples.some((s) => s.name === 'process_cpu_user_seconds_total')).toBe(true);
  });

  test('a second import of the same range counts every transaction as a duplicate', async () => {
    const { api } = await t.signUp('metrics-again@example.test');
    const { connection } = await t.connectBank(api);
    const first = await importOnce(api, connection.id);
    await eventually(
      () => scrape(metricsUrl),
      (s) => valueOf(s, 'spending_imports_finished_total') === 2,
    );
    const before = await scrape(metricsUrl);
    const second = await importOnce(api, connection.id);
    const after = await eventually(
      () => scrape(metricsUrl),
      (s) => valueOf(s, 'spending_imports_finished_total') === 3,
    );
    const delta = (name: string, samples: Sample[] = after) => valueOf(samples, name) - valueOf(before, name);

    const [firstJob, secondJob] = await Promise.all(
      [first.jobId, second.jobId].map((id) => t.db.importJob.findUniqueOrThrow({ where: { id } })),
    );
    expect(secondJob?.totalSynced).toBe(0);
    expect(secondJob?.totalDuplicates).toBe(firstJob?.totalSynced);
    expect(delta('spending_transactions_ingested_total')).toBe(0);
    expect(delta('spending_transactions_duplicates_total')).toBe(secondJob?.totalDuplicates);
  });

  test('unattended calls in the last 24 hours lower the calls left of their connection', async () => {
    const { api } = await t.signUp('budget@example.test');
    const { connection } = await t.connectBank(api);
    const accounts = await t.db.bankAccount.findMany({
      where: { connectionId: connection.id },
      orderBy: { id: 'asc' },
    });
    const [busiest, other] = accounts;
    if (!busiest || !other) throw new Error('the sandbox user has at least two accounts');
    const call = { endpoint: '/data/v1/accounts/{id}/transactions', attended: false, status: 200 };
    await t.db.bankCall.createMany({
      data: [
        ...Array.from({ length: 2 }, () => ({ ...call, accountId: busiest.id })),
        { ...call, accountId: other.id },
        { ...call, accountId: other.id, status: 429, rateLimited: true }, // refused: used no budget
        { ...call, accountId: other.id, at: new Date(Date.now() - 25 * 3_600_000) }, // out of the window
        { ...call, accountId: other.id, attended: true },
      ],
    });
    const samples = await scrape(metricsUrl);
    expect(valueOf(samples, 'spending_unattended_calls_left', { connection_id: connection.id })).toBe(1);
  });
});
