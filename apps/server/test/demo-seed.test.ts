import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@app/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger } from '../src/logger';
import { startServer } from '../src/start-server';

describe('the embedded mode', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database?.drop());

  const start = () =>
    startServer(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: database.url,
        tokenKeys: { keys: { test: randomBytes(32).toString('base64') }, currentKeyId: 'test' },
        bank: { kind: 'embedded-sandbox', port: 0 },
        importer: { workers: 2, jobConcurrency: 2 },
        sessionTtlDays: 1,
        demoUser: { email: 'demo@example.com', password: 'demo-password' },
        mutationsPerMinute: 60,
        secureCookies: false,
      },
      { logger: createLogger({ level: 'silent', pretty: false }) },
    );

  test('seeds a demo user with a sandbox bank once, however often it starts', async () => {
    const first = await start();
    const signIn = await fetch(`${first.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'demo@example.com', password: 'demo-password' } }),
    });
    expect(signIn.status).toBe(200);
    await first.close();
    const second = await start();
    await second.close();
    expect(await database.db.user.count()).toBe(1);
    const connections = await database.db.bankConnection.findMany({ include: { accounts: true } });
    expect(connections).toHaveLength(1);
    expect(connections[0]?.accounts.length).toBeGreaterThan(0);
  });
});
