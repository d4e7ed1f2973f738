import { describe, expect, test } from 'vitest';
import { readErrorBody, toHttpError } from './map-http-error';

describe('toHttpError', () => {
  test.each([
    [400, 'validation_error', 'VALIDATION', false],
    [400, 'invalid_date_range', 'VALIDATION', false],
    [400, 'invalid_grant', 'CONSENT_EXPIRED', false],
    [400, 'invalid_client', 'INVALID_CLIENT', false],
    [401, 'invalid_client', 'INVALID_CLIENT', false],
    [401, 'invalid_token', 'INVALID_TOKEN', false],
    [401, null, 'INVALID_TOKEN', false],
    [403, 'access_denied', 'CONSENT_EXPIRED', false],
    [403, 'sca_exceeded', 'SCA_EXCEEDED', false],
    [403, 'account_temporarily_locked', 'ACCOUNT_LOCKED', false],
    [403, 'account_permanently_locked', 'ACCOUNT_LOCKED', false],
    [403, 'user_input_required', 'ACCOUNT_LOCKED', false],
    [404, 'account_not_found', 'NOT_FOUND', false],
    [429, 'provider_too_many_requests', 'RATE_LIMITED', true],
    [429, null, 'RATE_LIMITED', true],
    [500, 'internal_server_error', 'PROVIDER_ERROR', true],
    [500, 'internal_error', 'PROVIDER_ERROR', true],
    [501, 'endpoint_not_supported', 'NOT_SUPPORTED', false],
    [503, 'provider_error', 'PROVIDER_ERROR', true],
    [504, 'provider_timeout', 'PROVIDER_ERROR', true],
    [409, null, 'PROVIDER_ERROR', false],
  ] as const)('HTTP %s %s becomes %s (retryable: %s)', (status, error, code, retryable) => {
    const mapped = toHttpError('GET /accounts', status, { error, description: null }, null);
    expect(mapped).toMatchObject({ code, retryable, httpStatus: status, providerError: error });
  });

  test('the message tells a person what happened and what to do', () => {
    const mapped = toHttpError(
      'GET /accounts/{id}/transactions',
      403,
      { error: 'sca_exceeded', description: 'SCA exemption has expired' },
      null,
    );
    expect(mapped.message).toMatch(
      /^The bank asked for the history in smaller steps \(sca_exceeded\): ask for at most the last 90 days/,
    );
    expect(mapped.message).toContain('SCA exemption has expired');
    expect(mapped.message).toContain('GET /accounts/{id}/transactions');
  });

  test('a rate limit carries the wait the bank asked for', () => {
    const mapped = toHttpError('GET /accounts', 429, { error: null, description: null }, 12_000);
    expect(mapped.retryAfterMs).toBe(12_000);
    expect(mapped.message).toContain('wait 12 s');
  });

  test('a long description from TrueLayer is cut short', () => {
    const mapped = toHttpError(
      'GET /accounts',
      400,
      { error: 'validation_error', description: 'x'.repeat(5000) },
      null,
    );
    expect(mapped.message.length).toBeLessThan(500);
  });
});

describe('readErrorBody', () => {
  test('reads TrueLayer error envelopes', () => {
    expect(
      readErrorBody('{"error":"sca_exceeded","error_description":"too old","error_details":{}}'),
    ).toEqual({
      error: 'sca_exceeded',
      description: 'too old',
    });
  });

  test('tolerates bodies that are not the envelope', () => {
    expect(readErrorBody('<html>Bad gateway</html>')).toEqual({ error: null, description: null });
    expect(readErrorBody('{"error":{"nested":true}}')).toEqual({ error: null, description: null });
    expect(readErrorBody('')).toEqual({ error: null, description: null });
  });
});
