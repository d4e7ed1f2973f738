import { TRPCError } from '@trpc/server';
import { describe, expect, test } from 'vitest';
import { apiErrorOf } from './api.server';

describe('API errors as page statuses', () => {
  test.each([
    ['BAD_REQUEST', 400],
    ['UNAUTHORIZED', 401],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['PRECONDITION_FAILED', 412],
    ['PAYLOAD_TOO_LARGE', 413],
    ['TOO_MANY_REQUESTS', 429],
    ['INTERNAL_SERVER_ERROR', 500],
  ] as const)('%s answers %i with its message', (code, status) => {
    expect(apiErrorOf(new TRPCError({ code, message: 'Said for people.' }))).toEqual({
      code,
      status,
      message: 'Said for people.',
    });
  });

  test('anything that is not a tRPC error is not an API error', () => {
    expect(apiErrorOf(new Error('boom'))).toBeNull();
    expect(apiErrorOf('NOT_FOUND')).toBeNull();
  });
});
