import {
  ConsentExpiredError,
  InvalidPlanError,
  JobNotFoundError,
  JobStateError,
  toBankError,
  type Logger,
} from '@app/importer';
import { TrueLayerError } from '@app/truelayer';
import { getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { describe, expect, test } from 'vitest';
import { genericErrorMessage, isPublicError, toTRPCError } from './to-trpc-error';

function recordingLogger() {
  const errors: object[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (fields) => errors.push(fields) };
  return { logger, errors };
}

/**
 * What a procedure's middleware sees after a resolver threw `error` (v11 wraps it in a TRPCError). Bank failures
 * reach the API through the importer's facade, which turns them into its own errors first.
 */
const thrown = (error: unknown) => getTRPCErrorFromUnknown(toBankError(error));

describe('mapping errors to tRPC codes', () => {
  test.each([
    [new JobNotFoundError('j1'), 'NOT_FOUND'],
    [new InvalidPlanError('bad dates'), 'BAD_REQUEST'],
    [new JobStateError('already running'), 'CONFLICT'],
    [new ConsentExpiredError('reconnect'), 'PRECONDITION_FAILED'],
    [new TrueLayerError('RATE_LIMITED', 'The bank is busy.'), 'TOO_MANY_REQUESTS'],
    [new TrueLayerError('PROVIDER_ERROR', 'The bank answered 503.'), 'INTERNAL_SERVER_ERROR'],
  ])('%s becomes %s with its own message', (error, code) => {
    const { logger, errors } = recordingLogger();
    const mapped = toTRPCError(thrown(error), logger);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toBe(error.message);
    expect(isPublicError(mapped)).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a bank rate limit tells when to retry', () => {
    const error = new TrueLayerError('RATE_LIMITED', 'The bank is busy.', { retryAfterMs: 2_500 });
    expect(toTRPCError(thrown(error), recordingLogger().logger).message).toBe(
      'The bank is busy. Try again in 3 s.',
    );
  });

  test('an unknown error is logged and answered with a generic message and no cause', () => {
    const { logger, errors } = recordingLogger();
    const secret = new Error('connect ECONNREFUSED postgres://user:pw@db');
    const mapped = toTRPCError(thrown(secret), logger);
    expect(mapped).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: genericErrorMessage,
      cause: undefined,
    });
    expect(errors).toEqual([{ err: secret }]);
  });

  test('errors that already have a specific code are kept as they are', () => {
    const unauthorized = new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
    expect(toTRPCError(unauthorized, recordingLogger().logger)).toBe(unauthorized);
  });
});
