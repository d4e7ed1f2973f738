import { randomBytes } from 'node:crypto';
import { createTokenCipher } from '@app/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { followImport } from './follow-import';
import { captureLogs } from './ops-helpers';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

describe('the log of an import', () => {
  const logs = captureLogs('debug');
  const tokenKeys = { keys: { test: randomBytes(32).toString('base64') }, currentKeyId: 'test' };
  let t: TestServer;
  beforeAll(async () => {
    // tokens that expire at once: the import refreshes them, so old and new tokens pass through the server
    t = await startTestServer({ logger: logs.logger, tokenKeys, sandbox: { tokenTtlSeconds: 1 } });
  });
  afterAll(async () => t?.close());

  test('can be followed by job id from the request to each account, and holds no token', async () => {
    const { api, user, sessionToken } = await t.signUp('logs@example.test');
    const { connection } = await t.connectBank(api);
    const cipher = createTokenCipher(tokenKeys.keys, tokenKeys.currentKeyId);
    const stored = async () => {
      const row = await t.db.bankConnection.findUniqueOrThrow({ where: { id: connection.id } });
      return [
        cipher.decrypt(row.accessTokenEnc),
        ...(row.refreshTokenEnc ? [cipher.decrypt(row.refreshTokenEnc)] : []),
      ];
    };
    const tokens = new Set(await stored());

    const { jobId } = await api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(120),
      toDate: daysAgo(0),
    });
    const followed = followImport(api, jobId);
    await api.importStart.mutate({ jobId });
    await followed;
    await t.server.close(); // every line of the run is written
    for (const token of await stored()) tokens.add(token);

    const lines = logs.lines().filter((line) => line.jobId === jobId);
    const messages = lines.map((line) => line.msg);
    expect(messages).toEqual(
      expect.arrayContaining(['mutation', 'import job running', 'account sync ended', 'import job stopped']),
    );
    const started = lines.find((line) => line.msg === 'mutation' && line.path === 'importStart');
    expect(started).toMatchObject({ userId: user.id, ok: true });
    expect(started?.requestId).toEqual(expect.any(String));
    const accounts = await t.db.bankAccount.findMany({
      where: { connectionId: connection.id },
      select: { id: true },
    });
    const synced = lines.filter((line) => line.msg === 'account sync ended');
    expect(synced.map((line) => line.accountId).sort()).toEqual(accounts.map((a) => a.id).sort());
    for (const line of synced) expect(line).toMatchObject({ userId: user.id, outcome: 'completed' });

    const text = logs.text();
    expect(tokens.size).toBeGreaterThanOrEqual(3); // the first pair and at least one refreshed token
    for (const token of tokens) expect(text).not.toContain(token);
    expect(text).not.toContain(sessionToken);
    expect(text).not.toContain('correct horse battery');
  });
});

describe('redaction by configuration', () => {
  test('tokens, credentials, headers and raw payloads are censored even when code logs them', () => {
    const logs = captureLogs('info');
    logs.logger.info(
      {
        accessToken: 'at-1',
        connection: { refreshToken: 'rt-1', accessTokenEnc: 'v1.k.enc' },
        req: { headers: { authorization: 'Bearer at-2', cookie: 'sid=s-1' } },
        response: { body: '{"results":[]}', raw: { description: 'TESCO' } },
        err: { config: { Authorization: 'Bearer at-3' } },
        event: { payload: { secret: 'p-1' } },
        jobId: 'job-1',
      },
      'something slipped',
    );
    const text = logs.text();
    for (const secret of ['at-1', 'rt-1', 'v1.k.enc', 'at-2', 's-1', 'results', 'TESCO', 'at-3', 'p-1'])
      expect(text).not.toContain(secret);
    expect(logs.lines()[0]).toMatchObject({ jobId: 'job-1', accessToken: '[redacted]' });
  });
});
