import { listEventsSince, type ProgressEvent } from '@app/importer';
import { isTrackedEnvelope } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiHarness, daysAgo, type ApiHarness } from './api-harness';

type Caller = Awaited<ReturnType<ApiHarness['callerFor']>>;

/**
 * In process the caller yields tracked envelopes as they are, `[id, data, marker]`, though its type says
 * `{ id, data }` (what clients receive over the wire); read either.
 */
async function collect(events: AsyncIterable<unknown>) {
  const seen: { id: string; data: ProgressEvent }[] = [];
  for await (const event of events) {
    if (!isTrackedEnvelope(event)) throw new Error('expected a tracked event');
    seen.push({ id: event[0], data: event[1] as ProgressEvent });
  }
  return seen;
}

describe('planning, running and following an import', () => {
  let h: ApiHarness;
  let api: Caller;
  let connectionId: string;
  beforeAll(async () => {
    h = await createApiHarness();
    ({ api } = await h.signUp('importer@example.test'));
    connectionId = (await h.connectBank(api)).id;
  });
  afterAll(async () => h?.close());

  test('a plan stores a planned job with an estimate the person can judge', async () => {
    const plan = await api.importPlan({ connectionId, fromDate: daysAgo(30), toDate: daysAgo(0) });
    expect(plan.status).toBe('planned');
    expect(plan.dateRange).toEqual({ from: daysAgo(30), to: daysAgo(0), days: 31 });
    expect(plan.estimate).toMatchObject({ accounts: 3, costMicros: 0, warnings: [] });
    expect(plan.estimate.transactions).toBeGreaterThan(0);
    expect(plan.estimate.durationMs).toBeGreaterThan(0);
    expect(plan.estimate.basis).toContain('accounts');
    expect(plan.accounts.map((a) => a.kind).sort()).toEqual(['account', 'account', 'card']);
  });

  test('a plan the importer refuses answers BAD_REQUEST with its reason', async () => {
    const backwards = api.importPlan({ connectionId, fromDate: daysAgo(1), toDate: daysAgo(5) });
    await expect(backwards).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The start date must be on or before the end date.',
    });
    const malformed = api.importPlan({ connectionId, fromDate: '1 May', toDate: daysAgo(0) });
    await expect(malformed).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  test('the subscription yields every event in order, tracked by seq, and ends with finished', async () => {
    const { jobId } = await api.importPlan({
      connectionId,
      fromDate: daysAgo(60),
      toDate: daysAgo(0),
      batchSize: 10,
    });
    const subscription = await api.importStatus({ jobId });
    const received = collect(subscription);
    expect(await api.importStart({ jobId })).toEqual({ jobId, status: 'queued' });
    const events = await received;
    const stored = await listEventsSince(h.db, jobId, 0);
    expect(events.map((e) => e.id)).toEqual(stored.map((e) => String(e.seq)));
    expect(events.map((e) => Number(e.id))).toEqual(stored.map((_, i) => i + 1));
    expect(events.at(-1)?.data.kind).toBe('finished');
    expect(events.at(-1)?.data.job.status).toBe('completed');
  });

  test('a resumed subscription yields only what came after lastEventId, then ends for a finished job', async () => {
    const { jobId } = await api.importPlan({ connectionId, fromDate: daysAgo(20), toDate: daysAgo(0) });
    await api.importStart({ jobId });
    await h.runner.idle();
    const all = await listEventsSince(h.db, jobId, 0);
    const resumed = await collect(await api.importStatus({ jobId, lastEventId: '2' }));
    expect(resumed.map((e) => Number(e.id))).toEqual(all.slice(2).map((e) => e.seq));
    const caughtUp = await collect(await api.importStatus({ jobId, lastEventId: String(all.length) }));
    expect(caughtUp).toEqual([]);
  });

  test('the job detail has per-account receipts with names, estimate against actual', async () => {
    const { jobId } = await api.importPlan({ connectionId, fromDate: daysAgo(40), toDate: daysAgo(0) });
    await api.importStart({ jobId });
    await h.runner.idle();
    const detail = await api.importJob({ jobId });
    expect(detail.job.status).toBe('completed');
    expect(detail.snapshot.percent).toBe(100);
    expect(detail.accounts).toHaveLength(3);
    for (const account of detail.accounts) {
      expect(account.account.displayName).toBeTruthy();
      expect(account.receipt).toMatchObject({ duplicatesByRule: expect.any(Object) });
    }
    expect(detail.actual?.transactions).toBe(detail.job.totalFetched);
    expect(detail.estimate.transactions).toBeGreaterThan(0);
  });

  test('history is newest first, paged by cursor, filtered by status', async () => {
    const first = await api.importHistory({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await api.importHistory({ limit: 2, cursor: first.nextCursor });
    const all = await api.importHistory({ limit: 100 });
    expect([...first.items, ...second.items].map((j) => j.id)).toEqual(
      all.items.slice(0, 4).map((j) => j.id),
    );
    const created = all.items.map((j) => j.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const planned = await api.importHistory({ status: 'planned' });
    expect(planned.items.every((j) => j.status === 'planned')).toBe(true);
    await expect(api.importHistory({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  test('controls follow the job state: cancel a planned job, refuse to resume it, delete it', async () => {
    const { jobId } = await api.importPlan({ connectionId, fromDate: daysAgo(10), toDate: daysAgo(0) });
    expect(await api.importCancel({ jobId })).toMatchObject({ jobId, status: 'cancelled' });
    await expect(api.importResume({ jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(api.importStart({ jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await api.importDelete({ jobId })).toEqual({ jobId, deleted: true });
    await expect(api.importJob({ jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('transactions are listed newest first, by account and date, a page at a time', async () => {
    const page = await api.transactions.list({ limit: 5 });
    expect(page.items).toHaveLength(5);
    const next = await api.transactions.list({ limit: 5, cursor: page.nextCursor });
    const dates = [...page.items, ...next.items].map((t) => t.bookingDate);
    expect(dates).toEqual([...dates].sort().reverse());
    const accountId = page.items[0]?.accountId ?? '';
    const filtered = await api.transactions.list({ accountId, from: daysAgo(7), limit: 100 });
    expect(filtered.items.every((t) => t.accountId === accountId && t.bookingDate >= daysAgo(7))).toBe(true);
  });

  test('transactions are searched by description or merchant in any case, and name their bank and number', async () => {
    const all = await api.transactions.list({ limit: 100 });
    const sample = all.items.find((t) => t.merchantName) ?? all.items[0];
    const word = (sample?.merchantName ?? sample?.description ?? '').split(/\s+/)[0] ?? '';
    expect(word.length).toBeGreaterThan(2);
    const found = await api.transactions.list({ search: word.toLowerCase(), limit: 100 });
    expect(found.items.length).toBeGreaterThan(0);
    const lower = word.toLowerCase();
    expect(
      found.items.every(
        (t) =>
          t.description.toLowerCase().includes(lower) || (t.merchantName ?? '').toLowerCase().includes(lower),
      ),
    ).toBe(true);
    expect(found.items.length).toBeLessThan(all.items.length);
    expect(found.items[0]?.account.connection.providerName).toBeTruthy();
  });

  test('a start date after the end date is refused with the reason, not answered with nothing', async () => {
    await expect(api.transactions.list({ from: daysAgo(1), to: daysAgo(5) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('on or before'),
    });
  });
});
