import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { configFromEnv } from '../src/server-config';
import { spawnApp } from './scaled-processes';

const postgres = 'postgresql://postgres@127.0.0.1:5432/spending';
const tokenKeys = `k1:${randomBytes(32).toString('base64')}`;

function failingLoad(source: Record<string, string>) {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${String(code)}`);
  });
  expect(() => loadEnv(source)).toThrow('exit 1');
  return printed.join('\n');
}

describe('choosing the scaled mode', () => {
  afterEach(() => vi.restoreAllMocks());

  test('REDIS_URL with the SQLite default refuses to start and asks for PostgreSQL', () => {
    const printed = failingLoad({
      REDIS_URL: 'redis://127.0.0.1:6379',
      SANDBOX_URL: 'http://127.0.0.1:4010',
    });
    expect(printed).toMatch(/DATABASE_URL: the scaled mode \(REDIS_URL is set\) needs PostgreSQL/);
  });

  test('REDIS_URL without a bank every process can share refuses to start', () => {
    const printed = failingLoad({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: postgres });
    expect(printed).toMatch(/SANDBOX_URL: the scaled mode's processes must share one bank/);
  });

  test('REDIS_URL, PostgreSQL and a shared sandbox bank make the scaled mode', () => {
    const env = loadEnv({
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: postgres,
      SANDBOX_URL: 'http://127.0.0.1:4010/',
      TOKEN_ENCRYPTION_KEYS: tokenKeys,
      JOB_LOCK_MS: '5000',
    });
    const config = configFromEnv(env, createLogger({ level: 'silent', pretty: false }));
    expect(config.scaled).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      queueName: 'imports',
      lockDurationMs: 5000,
    });
    expect(config.bank).toEqual({
      kind: 'shared-sandbox',
      url: 'http://127.0.0.1:4010',
      clientId: 'sandbox-spending',
      clientSecret: 'sandbox-secret',
    });
    expect(config.demoUser).not.toBeNull();
  });

  test('without REDIS_URL the embedded mode stays the default', () => {
    const config = configFromEnv(
      loadEnv({ TOKEN_ENCRYPTION_KEYS: tokenKeys }),
      createLogger({ level: 'silent', pretty: false }),
    );
    expect(config.scaled).toBeUndefined();
    expect(config.bank.kind).toBe('embedded-sandbox');
  });

  test('a worker started without REDIS_URL exits, saying it runs the scaled mode', async () => {
    const worker = spawnApp('worker', 'src/worker.ts', {
      TOKEN_ENCRYPTION_KEYS: tokenKeys,
      LOG_LEVEL: 'info',
    });
    expect(await worker.exited).toBe(1);
    expect(worker.records.map((r) => r.msg)).toContain(
      'a worker runs the scaled mode: set REDIS_URL (and a PostgreSQL DATABASE_URL)',
    );
  });
});
