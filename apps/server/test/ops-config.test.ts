import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadEnv } from '../src/env';
import { configFromEnv } from '../src/server-config';
import { captureLogs } from './ops-helpers';

// keys given, so reading the config never writes the development key file
const key = `k1:${randomBytes(32).toString('base64')}`;
const configOf = (source: Record<string, string>) =>
  configFromEnv(loadEnv({ TOKEN_ENCRYPTION_KEYS: key, ...source }), captureLogs().logger);

describe('the operability settings', () => {
  afterEach(() => vi.restoreAllMocks());

  test('metrics are off by default, on the main port when enabled, alone on METRICS_PORT when given', () => {
    expect(configOf({}).ops).toEqual({ metrics: null });
    expect(configOf({ METRICS_ENABLED: 'true' }).ops).toEqual({ metrics: { port: null } });
    expect(configOf({ METRICS_PORT: '9464' }).ops).toEqual({ metrics: { port: 9464 } });
  });

  test('the call budget and the raw archive retention reach the importer', () => {
    expect(configOf({}).importer).toMatchObject({ unattendedCallsPerDay: 4, rawArchiveDays: 90 });
    const config = configOf({ UNATTENDED_CALLS_PER_DAY: '10', RAW_ARCHIVE_RETENTION_DAYS: '30' });
    expect(config.importer).toMatchObject({ unattendedCallsPerDay: 10, rawArchiveDays: 30 });
    expect(loadEnv({}).SHUTDOWN_TIMEOUT_MS).toBe(25_000);
  });

  test('bad values are all listed before the process exits', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    expect(() =>
      loadEnv({
        PORT: '8080',
        METRICS_PORT: '8080',
        METRICS_ENABLED: 'perhaps',
        SHUTDOWN_TIMEOUT_MS: '0',
        RAW_ARCHIVE_RETENTION_DAYS: 'forever',
        UNATTENDED_CALLS_PER_DAY: '-1',
      }),
    ).toThrow('exit 1');
    const text = printed.join('\n');
    for (const name of [
      'METRICS_PORT: must differ from PORT',
      'METRICS_ENABLED',
      'SHUTDOWN_TIMEOUT_MS',
      'RAW_ARCHIVE_RETENTION_DAYS',
      'UNATTENDED_CALLS_PER_DAY',
    ])
      expect(text).toContain(name);
  });
});
