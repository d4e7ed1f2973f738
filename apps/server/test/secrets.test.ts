import { existsSync, readFileSync } from 'node:fs';
import { createApiClient, type ApiClient } from '@app/api/client';
import { createTokenCipher } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { createSandboxBank, type SandboxBank } from '@app/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startAppProcess, testTokenKeys, type RunningApp } from './app-process';
import { followImport } from './follow-import';
import { spawnApp } from './scaled-processes';
import { daysAgo } from './server-harness';

// Bank tokens are encrypted at rest and never leave the server: not in its logs (the real process's pino output,
// at trace level, through a refresh, failures and retries), not in API answers or error messages.

const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
const password = 'correct horse battery';

describe('bank tokens', () => {
  let bank: SandboxBank;
  let database: TestDatabase;
  let server: RunningApp;
  let api: ApiClient;
  const keys = testTokenKeys();
  const cipher = createTokenCipher(keys.keys, keys.currentKeyId);
  /** Every token the bank gave this connection, read back from the database as they come and go. */
  const tokens = new Set<string>();
  /** Everything the API answered, errors included. */
  const answers: string[] = [];
  let sessionToken = '';
  let connectionId = '';

  beforeAll(async () => {
    bank = await createSandboxBank({ seed: 9, latency: { fixedMs: 5, jitterMs: 0 } }).listen(0, '127.0.0.1');
    database = await createTestDatabase('sqlite');
    server = await startAppProcess({
      DATABASE_URL: database.url,
      SANDBOX_URL: bank.url,
      TOKEN_ENCRYPTION_KEYS: keys.env,
      LOG_LEVEL: 'trace',
    });
    api = createApiClient({ url: server.url, WebSocket: NodeWebSocket });
    ({ sessionToken } = await api.auth.signUp.mutate({ email: 'secrets@example.test', password }));
    await api.close();
    api = createApiClient({ url: server.url, sessionToken, WebSocket: NodeWebSocket });
  });
  afterAll(async () => {
    await api?.close();
    await server?.app.stop();
    await bank?.close();
    await database?.drop();
  });

  async function collectStoredTokens() {
    const row = await database.db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } });
    tokens.add(cipher.decrypt(row.accessTokenEnc));
    if (row.refreshTokenEnc) tokens.add(cipher.decrypt(row.refreshTokenEnc));
  }
  const keep = async <T>(work: Promise<T>) => {
    const answer = await work.catch((error: unknown) => error);
    answers.push(
      JSON.stringify(answer),
      answer instanceof Error ? `${answer.message}\n${String(answer.stack)}` : '',
    );
    return answer as T;
  };

  test('an import through a token expiry, server errors and a locked account leaves no token in answers', async () => {
    const { url } = await api.connections.startOAuth.mutate({});
    const callback = new URL(
      (await fetch(`${url}&sandbox_auto=1`, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const connection = await keep(
      api.connections.completeOAuth.mutate({
        code: callback.searchParams.get('code') ?? '',
        state: callback.searchParams.get('state') ?? '',
      }),
    );
    connectionId = connection.id;
    await collectStoredTokens();
    expect(tokens.size).toBe(2);

    const savings = bank.accountsOf('john').accounts.find((a) => a.account_type === 'SAVINGS');
    bank.setFaults({
      rate5xx: 0.1,
      failingAccounts: savings
        ? { [savings.account_id]: { status: 403, error: 'account_permanently_locked' } }
        : {},
    });
    const { jobId } = await keep(
      api.importPlan.mutate({ connectionId, fromDate: daysAgo(120), toDate: daysAgo(0), batchSize: 20 }),
    );
    const followed = followImport(api, jobId, (_event, count) => {
      if (count === 3) bank.expireAccessTokens(); // the import refreshes them mid-run
    });
    await keep(api.importStart.mutate({ jobId }));
    answers.push(JSON.stringify((await followed).events));
    bank.setFaults({ rate5xx: 0, failingAccounts: {} });
    await collectStoredTokens();
    expect(tokens.size).toBeGreaterThanOrEqual(4); // the refresh rotated both

    await keep(api.connections.extendConsent.mutate({ connectionId })); // rotates the refresh token again
    await collectStoredTokens();
    await keep(api.connections.list.query());
    await keep(api.importJob.query({ jobId }));
    await keep(api.importHistory.query({}));
    await keep(api.transactions.list.query({}));
    await keep(api.connections.refreshAccounts.mutate({ connectionId }));
    for (const path of [`/api/truelayer/import/status/${jobId}`, '/api/truelayer/import/history'])
      answers.push(
        await (
          await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${sessionToken}` } })
        ).text(),
      );
    bank.expireConsent('john'); // bank errors that quote the request must not quote its token either
    await keep(api.connections.refreshAccounts.mutate({ connectionId }));
    await keep(api.connections.extendConsent.mutate({ connectionId }));

    const job = await database.db.importJob.findUniqueOrThrow({
      where: { id: jobId },
      include: { progress: true },
    });
    expect(job.status).toBe('completed_with_errors');
    expect(job.progress.some((p) => p.errorCode === 'ACCOUNT_LOCKED')).toBe(true);
    const text = answers.join('\n');
    expect(text).toContain('PRECONDITION_FAILED'); // the expired consent answered, with its message
    for (const token of tokens) expect(text).not.toContain(token);
  });

  test('are stored encrypted: no row and no byte of the database file holds one', async () => {
    const rows = await database.db.bankConnection.findMany();
    expect(rows).toHaveLength(1);
    for (const row of rows) {
      for (const stored of [row.accessTokenEnc, row.refreshTokenEnc ?? '']) {
        expect(stored).toMatch(/^v1\.test\./);
        for (const token of tokens) expect(stored).not.toContain(token);
      }
    }
    const file = database.url.replace(/^file:/, '');
    const bytes = [file, `${file}-wal`, `${file}-journal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes.length).toBeGreaterThan(0);
    for (const token of tokens) expect(bytes).not.toContain(token);
  });

  test("never reach the server's log, nor does the session token or the password", async () => {
    await server.app.stop(); // a graceful stop: every line is written
    const log = [...server.app.records.map((r) => JSON.stringify(r)), ...server.app.stderr].join('\n');
    expect(server.app.records.length).toBeGreaterThan(20); // trace level: requests, mutations, accounts, jobs
    expect(server.app.records.some((r) => (r.level ?? 0) >= 40)).toBe(true); // the failures were logged
    for (const token of tokens) expect(log).not.toContain(token);
    expect(log).not.toContain(sessionToken);
    expect(log).not.toContain(password);
  });

  test('a production start without an encryption key stops at once with a clear message', async () => {
    const app = spawnApp('server', 'src/main.ts', {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PORT: '0',
    });
    expect(await app.exited).toBe(1);
    expect(app.stderr.join('')).toMatch(/TOKEN_ENCRYPTION_KEYS: required in production/);
    expect(app.records.some((r) => r.msg === 'spending import is running')).toBe(false);
  });
});
