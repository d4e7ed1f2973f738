import { describe, expect, test } from 'vitest';
import { hostsFor, truelayerConfigSchema } from './config';

const required = {
  authUrl: 'https://auth.truelayer-sandbox.com/',
  apiUrl: 'https://api.truelayer-sandbox.com/data/v1',
  clientId: 'sandbox-acme',
  clientSecret: 'secret',
  redirectUri: 'https://app.example/callback',
};

describe('truelayerConfigSchema', () => {
  test('fills in the documented defaults', () => {
    expect(truelayerConfigSchema.parse(required)).toMatchObject({
      providers: 'uk-ob-all uk-oauth-all',
      scopes: 'info accounts balance cards transactions offline_access',
      timeoutMs: 30_000,
      maxRetries: 4,
      retryBaseMs: 500,
      retryMaxMs: 30_000,
      maxWindowDays: 90,
    });
  });

  test('reads numbers from environment strings and drops trailing slashes', () => {
    const config = truelayerConfigSchema.parse({ ...required, timeoutMs: '5000', maxRetries: '0' });
    expect(config).toMatchObject({
      timeoutMs: 5000,
      maxRetries: 0,
      authUrl: 'https://auth.truelayer-sandbox.com',
    });
  });

  test('rejects a missing secret and a non-URL host', () => {
    expect(truelayerConfigSchema.safeParse({ ...required, clientSecret: '' }).success).toBe(false);
    expect(truelayerConfigSchema.safeParse({ ...required, apiUrl: 'api.truelayer.com' }).success).toBe(false);
  });
});

describe('hostsFor', () => {
  test('gives the live and sandbox host pairs', () => {
    expect(hostsFor('live')).toEqual({
      authUrl: 'https://auth.truelayer.com',
      apiUrl: 'https://api.truelayer.com/data/v1',
    });
    expect(hostsFor('truelayer-sandbox')).toEqual({
      authUrl: 'https://auth.truelayer-sandbox.com',
      apiUrl: 'https://api.truelayer-sandbox.com/data/v1',
    });
  });
});
