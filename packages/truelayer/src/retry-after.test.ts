import { describe, expect, test } from 'vitest';
import { parseRetryAfter } from './retry-after';

const now = new Date('2026-06-01T12:00:00Z');

describe('parseRetryAfter', () => {
  test('reads delay seconds as milliseconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  test('reads an HTTP-date as the time left until then', () => {
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:01:30 GMT', now)).toBe(90_000);
  });

  test('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Mon, 01 Jun 2026 11:00:00 GMT', now)).toBe(0);
  });

  test('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});
