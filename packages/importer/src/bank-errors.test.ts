import { TrueLayerError } from '@app/truelayer';
import { describe, expect, test } from 'vitest';
import {
  BankAccessRefusedError,
  BankRateLimitedError,
  BankRequestFailedError,
  mapBankErrors,
  toBankError,
} from './bank-errors';
import { ConsentExpiredError } from './errors';

describe("bank failures as the importer's own errors", () => {
  test.each([
    ['RATE_LIMITED', BankRateLimitedError, 'BANK_RATE_LIMITED'],
    ['CONSENT_EXPIRED', ConsentExpiredError, 'CONSENT_EXPIRED'],
    ['SCA_EXCEEDED', BankAccessRefusedError, 'BANK_ACCESS_REFUSED'],
    ['ACCOUNT_LOCKED', BankAccessRefusedError, 'BANK_ACCESS_REFUSED'],
    ['PROVIDER_ERROR', BankRequestFailedError, 'BANK_REQUEST_FAILED'],
    ['INVALID_CLIENT', BankRequestFailedError, 'BANK_REQUEST_FAILED'],
  ] as const)('%s becomes %s, keeping its message and cause', (tlCode, type, code) => {
    const original = new TrueLayerError(tlCode, 'The bank said no.');
    const mapped = toBankError(original);
    expect(mapped).toBeInstanceOf(type);
    expect(mapped).toMatchObject({ code, message: 'The bank said no.', cause: original });
  });

  test('a rate limit says when to try again', () => {
    const mapped = toBankError(new TrueLayerError('RATE_LIMITED', 'Busy.', { retryAfterMs: 1_200 }));
    expect(mapped).toMatchObject({ message: 'Busy. Try again in 2 s.', retryAfterMs: 1_200 });
  });

  test('anything else passes through untouched', async () => {
    const other = new Error('not the bank');
    expect(toBankError(other)).toBe(other);
    await expect(mapBankErrors(() => Promise.reject(other))).rejects.toBe(other);
    await expect(
      mapBankErrors(() => Promise.reject(new TrueLayerError('TIMEOUT', 'Too slow.'))),
    ).rejects.toBeInstanceOf(BankRequestFailedError);
  });
});
