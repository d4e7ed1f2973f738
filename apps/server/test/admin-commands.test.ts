import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTokenCipher, listMigrationNames, TokenDecryptionError } from '@app/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAdmin } from '../src/admin/admin-program';
import { rotateTokenKey } from '../src/admin/rotate-token-key';
import { envNames, loadEnv } from '../src/env';
import { followImport } from './follow-import';
import { daysAgo, startTestServer, type TestServer } from './server-harness';

const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');
const bothKeys = { TOKEN_ENCRYPTION_KEYS: `old:${oldKey},new:${newKey}`, TOKEN_ENCRYPTION_KEY_ID: 'new' };
const oldCipher = createTokenCipher({ old: oldKey }, 'old');
const newCipher = createTokenCipher({ new: newKey }, 'new');

async function admin(argv: string[], env: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    env: loadEnv(env),
    print: (line) => out.push(line),
    printError: (line) => err.push(line),
    readStdin: async () => stdin,
    now: () => new Date(),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('admin commands', () => {
  let t: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    // the server runs with both keys during the rotation, encrypting with the new one
    t = await startTestServer({ tokenKeys: { keys: { old: oldKey, new: newKey }, currentKeyId: 'new' } });
    env = { DATABASE_URL: t.database.url, ...bothKeys };
  });
  afterAll(async () => t?.close());

  test('rotate-token-key re-encrypts every token with the new key while imports run', async () => {
    const { api } = await t.signUp('rotation@example.test');
    const other = await t.signUp('rotation-2@example.test');
    const connections = [(await t.connectBank(api)).connection, (await t.connectBank(other.api)).connection];
    // as stored before the rotation began: under the old key
    for (const { id } of connections) {
      const row = await t.db.bankConnection.findUniqueOrThrow({ where: { id } });
      await t.db.bankConnection.update({
        where: { id },
        data: {
          accessTokenEnc: oldCipher.encrypt(newCipher.decrypt(row.accessTokenEnc)),
          refreshTokenEnc: row.refreshTokenEnc && oldCipher.encrypt(newCipher.decrypt(row.refreshTokenEnc)),
        },
      });
    }
    const before = await t.db.bankConnection.findMany();
    const plaintexts = new Map(before.map((row) => [row.id, oldCipher.decrypt(row.accessTokenEnc)]));

    const { jobId } = await api.importPlan.mutate({
      connectionId: connections[0]?.id ?? '',
      fromDate: daysAgo(300),
      toDate: daysAgo(0),
      batchSize: 20,
    });
    const followed = followImport(api, jobId);
    await api.importStart.mutate({ jobId });
    const rotated = await admin(['rotate-token-key'], env);
    await followed;

    expect(rotated).toMatchObject({ code: 0, err: '' });
    expect(rotated.out).toBe(
      `connections: ${before.length}, re-encrypted: ${before.length}, already current: 0`,
    );
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('completed');
    for (const row of await t.db.bankConnection.findMany()) {
      expect(newCipher.decrypt(row.accessTokenEnc)).toBe(plaintexts.get(row.id));
      expect(() => oldCipher.decrypt(row.accessTokenEnc)).toThrow(TokenDecryptionError);
      if (row.refreshTokenEnc) {
        expect(newCipher.decrypt(row.refreshTokenEnc)).toEqual(expect.any(String));
        expect(() => oldCipher.decrypt(row.refreshTokenEnc ?? '')).toThrow(TokenDecryptionError);
      }
    }
    expect((await admin(['rotate-token-key'], env)).out).toBe(
      `connections: ${before.length}, re-encrypted: 0, already current: ${before.length}`,
    );
  });

  test('rotate-token-key reports tokens no configured key opens, and exits 1', async () => {
    const { api } = await t.signUp('lost-key@example.test');
    const { connection } = await t.connectBank(api);
    const lost = createTokenCipher({ gone: randomBytes(32).toString('base64') }, 'gone');
    await t.db.bankConnection.update({
      where: { id: connection.id },
      data: { accessTokenEnc: lost.encrypt('token') },
    });
    const report = await rotateTokenKey(t.db, newCipher);
    expect(report.failed).toEqual([
      { connectionId: connection.id, reason: 'token was encrypted with an unknown key "gone"' },
    ]);
    const run = await admin(['rotate-token-key'], env);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`connection ${connection.id}: token was encrypted with an unknown key "gone"`);
    await t.db.bankConnection.delete({ where: { id: connection.id } });
  });

  test('rotate-token-key refuses to run without configured keys', async () => {
    const run = await admin(['rotate-token-key'], { DATABASE_URL: t.database.url });
    expect(run.code).toBe(1);
    expect(run.err).toContain('set TOKEN_ENCRYPTION_KEYS to the old and the new key');
  });

  test('create-user takes the password from standard input, and the user can sign in', async () => {
    const created = await admin(
      ['create-user', '--email', 'Ops@Example.test', '--name', 'Ops'],
      env,
      'a long password\n',
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^created user \S+ \(ops@example\.test\)$/);
    const { user } = await t
      .client()
      .auth.signIn.mutate({ email: 'ops@example.test', password: 'a long password' });
    expect(user.email).toBe('ops@example.test');

    const again = await admin(['create-user', '--email', 'ops@example.test'], env, 'another password');
    expect(again).toMatchObject({
      code: 1,
      err: 'error: a user with the email ops@example.test exists already (left unchanged)',
    });
    const short = await admin(['create-user', '--email', 'short@example.test'], env, 'short');
    expect(short.code).toBe(1);
    expect(short.err).toContain('Use at least 8 characters.');
  });

  test('prune-raw-archives deletes raw responses past the retention', async () => {
    const { api } = await t.signUp('archive@example.test');
    const { connection } = await t.connectBank(api);
    const { jobId } = await api.importPlan.mutate({
      connectionId: connection.id,
      fromDate: daysAgo(30),
      toDate: daysAgo(0),
    });
    const daysOld = (days: number) => new Date(Date.now() - days * 86_400_000);
    const raw = { jobId, accountId: 'acc', endpoint: 'transactions', bodyGzip: 'H4sI' };
    await t.db.rawResponse.createMany({
      data: [
        { ...raw, window: 0, createdAt: daysOld(120) },
        { ...raw, window: 1, createdAt: daysOld(91) },
        { ...raw, window: 2, createdAt: daysOld(10) },
      ],
    });
    expect(await admin(['prune-raw-archives'], env)).toMatchObject({
      code: 0,
      out: 'deleted 2 raw response(s) older than 90 days',
    });
    expect(await admin(['prune-raw-archives'], { ...env, RAW_ARCHIVE_RETENTION_DAYS: '30' })).toMatchObject({
      out: 'deleted 0 raw response(s) older than 30 days',
    });
    expect(await admin(['prune-raw-archives', '--older-than-days', '5'], env)).toMatchObject({
      out: 'deleted 1 raw response(s) older than 5 days',
    });
    expect(await t.db.rawResponse.count({ where: { jobId } })).toBe(0);
    expect((await admin(['prune-raw-archives', '--older-than-days', '0'], env)).code).toBe(1);
  });
});

describe('admin migrate and config', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'admin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('migrate applies what a database lacks, then finds it up to date', async () => {
    const env = { DATABASE_URL: `file:${path.join(dir, 'fresh.db')}` };
    const first = await admin(['migrate'], env);
    expect(first).toMatchObject({
      code: 0,
      out: `applied: ${listMigrationNames(env.DATABASE_URL).join(', ')}`,
    });
    expect(await admin(['migrate'], env)).toMatchObject({ code: 0, out: 'the database is up to date' });
  });

  test('config prints every variable with secrets masked', async () => {
    const run = await admin(['config'], {
      ...bothKeys,
      DATABASE_URL: 'postgresql://app:db-secret-pw@db.internal:5432/spending',
      REDIS_URL: 'redis://:redis-secret-pw@redis.internal:6379',
      TRUELAYER_CLIENT_ID: 'client-id',
      TRUELAYER_CLIENT_SECRET: 'truelayer-secret-value',
      DEMO_USER_PASSWORD: 'demo-secret-pw',
      METRICS_PORT: '9464',
    });
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('# mode: scaled (BullMQ on REDIS_URL); tokens: encrypting with "new"');
    expect(lines.slice(1).map((line) => line.slice(0, line.indexOf('=')))).toEqual([...envNames].sort());
    expect(lines).toEqual(
      expect.arrayContaining([
        'TOKEN_ENCRYPTION_KEYS=old, new (keys hidden)',
        'TOKEN_ENCRYPTION_KEY_ID=new',
        'TRUELAYER_CLIENT_SECRET=*** (set)',
        'DEMO_USER_PASSWORD=*** (set)',
        'DATABASE_URL=postgresql://app:***@db.internal:5432/spending',
        'REDIS_URL=redis://:***@redis.internal:6379',
        'METRICS_PORT=9464',
        'METRICS_ENABLED=false',
        'PUBLIC_URL=(unset)',
      ]),
    );
    for (const secret of [
      oldKey,
      newKey,
      'db-secret-pw',
      'redis-secret-pw',
      'truelayer-secret-value',
      'demo-secret-pw',
    ])
      expect(run.out).not.toContain(secret);
  });
});
