import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

type Json = Record<string, unknown>;

describe("the Phase-1 REST endpoints (the seed's four requests)", () => {
  let t: TestServer;
  let session: string;
  let connectionId: string;
  let accountIds: string[];
  beforeAll(async () => {
    t = await startTestServer();
    const owner = await t.signUp('rest@example.test');
    session = owner.sessionToken;
    const { connection } = await t.connectBank(owner.api);
    connectionId = connection.id;
    accountIds = connection.accounts.map((a) => a.id);
  });
  afterAll(async () => t?.close());

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body?: Json,
    auth: Record<string, string> = { authorization: `Bearer ${session}` },
  ) {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...auth },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  test('plan, start, status and history answer the shapes the old clients read', async () => {
    const plan = await call('POST', '/api/truelayer/import/plan', {
      connection_id: connectionId,
      from_date: daysAgo(30),
      to_date: daysAgo(0),
      account_ids: accountIds.slice(0, 2),
      auto_enrich: true,
      batch_size: 50,
      user_id: 1, // ignored: the user is the session's
    });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      status: 'planned',
      estimated_accounts: 2,
      estimated_cost: 0,
      date_range: { from_date: daysAgo(30), to_date: daysAgo(0), days: 31 },
      auto_enrich: true,
      batch_size: 50,
    });
    expect(plan.body.estimated_transactions).toEqual(expect.any(Number));
    expect(plan.body.estimated_duration_seconds).toEqual(expect.any(Number));
    expect(plan.body.accounts).toHaveLength(2);
    const jobId = String(plan.body.job_id);

    const start = await call('POST', '/api/truelayer/import/start', { job_id: jobId });
    expect(start).toEqual({
      status: 200,
      body: { job_id: jobId, status: 'queued', status_url: `/api/truelayer/import/status/${jobId}` },
    });

    let status = await call('GET', `/api/truelayer/import/status/${jobId}`);
    expect(status.body).toMatchObject({
      job_id: jobId,
      progress: { total_accounts: 2 },
      total_so_far: expect.any(Object),
    });
    for (
      let i = 0;
      i < 200 && !['completed', 'completed_with_errors', 'failed'].includes(String(status.body.status));
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await call('GET', `/api/truelayer/import/status/${jobId}`);
    }
    expect(status.body).toMatchObject({
      status: 'completed',
      progress: { completed_accounts: 2, total_accounts: 2, percent: 100 },
      estimated_completion: null,
      total_so_far: { synced: expect.any(Number), duplicates: 0, errors: 0 },
    });
    const accounts = status.body.accounts as Json[];
    expect(accounts.map((a) => a.status)).toEqual(['completed', 'completed']);
    expect(accounts[0]).toMatchObject({
      account_id: expect.any(String),
      display_name: expect.any(String),
      synced: expect.any(Number),
    });

    const history = await call('GET', '/api/truelayer/import/history?user_id=1&limit=10', undefined, {
      cookie: `sid=${session}`,
    });
    expect(history.status).toBe(200);
    const me = await t.db.user.findUniqueOrThrow({ where: { email: 'rest@example.test' } });
    expect(history.body.user_id).toBe(me.id);
    expect((history.body.imports as Json[])[0]).toMatchObject({
      job_id: jobId,
      job_type: 'date_range',
      status: 'completed',
      date_range: { from_date: daysAgo(30), to_date: daysAgo(0) },
      accounts_synced: 2,
      transactions_imported: (status.body.total_so_far as Json).synced,
    });
  });

  test('errors answer { error: { code, message } } with the HTTP status of the tRPC code', async () => {
    const invalid = await call('POST', '/api/truelayer/import/plan', {
      connection_id: connectionId,
      from_date: daysAgo(3),
      to_date: daysAgo(0),
      batch_size: 5,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('batch_size') },
    });
    const missing = await call('GET', '/api/truelayer/import/status/no-such-job');
    expect(missing).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'Import job no-such-job was not found.' } },
    });
    const anonymous = await call('GET', '/api/truelayer/import/history', undefined, {});
    expect(anonymous.status).toBe(401);
    const start = (headers: Record<string, string>) =>
      fetch(`${t.url}/api/truelayer/import/start`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session}`, ...headers },
        body: '{',
      });
    expect((await start({ 'content-type': 'application/json' })).status).toBe(400);
    expect((await start({ 'content-type': 'text/plain' })).status).toBe(415); // what a cross-site form could send
    const wrongMethod = await call('GET', '/api/truelayer/import/plan');
    expect(wrongMethod.status).toBe(405);
  });
});
