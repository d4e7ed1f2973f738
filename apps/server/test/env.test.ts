import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadEnv } from '../src/env';

function failingLoad(source: Record<string, string | undefined>) {
  const printed: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${String(code)}`);
  });
  expect(() => loadEnv(source)).toThrow('exit 1');
  return printed.join('\n');
}

describe('reading the environment', () => {
  afterEach(() => vi.restoreAllMocks());

  test('an empty environment is the embedded default', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      SANDBOX_PORT: 3001,
      IMPORT_WORKERS: 4,
      SESSION_TTL_DAYS: 30,
    });
    expect(env.DATABASE_URL.startsWith('file:')).toBe(true);
    expect(env.TRUELAYER_CLIENT_ID).toBeUndefined();
    expect(env.DEMO_USER_EMAIL).toBe('demo@example.com');
  });

  test('token keys are read as id:base64 pairs', () => {
    const key = randomBytes(32).toString('base64');
    const env = loadEnv({
      TOKEN_ENCRYPTION_KEYS: `old:${key},new:${key}`,
      TOKEN_ENCRYPTION_KEY_ID: 'new',
      PORT: '8080',
    });
    expect(env.TOKEN_ENCRYPTION_KEYS).toEqual({ old: key, new: key });
    expect(env.PORT).toBe(8080);
  });

  test('every problem is printed before the process exits', () => {
    const printed = failingLoad({
      PORT: 'eighty',
      TOKEN_ENCRYPTION_KEYS: 'k1:short',
      TRUELAYER_CLIENT_ID: 'id',
      LOG_LEVEL: 'loud',
    });
    expect(printed).toContain('PORT');
    expect(printed).toContain('TOKEN_ENCRYPTION_KEYS');
    expect(printed).toContain('TRUELAYER_CLIENT_SECRET');
    expect(printed).toContain('LOG_LEVEL');
  });

  test('production refuses to start without token keys', () => {
    expect(failingLoad({ NODE_ENV: 'production' })).toMatch(/TOKEN_ENCRYPTION_KEYS: required in production/);
  });
});
