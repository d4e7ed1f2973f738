import { describe, expect, test } from 'vitest';
import { normaliseAddress, readBearerToken, readCookie } from './request-headers';

describe('reading the session token from a request', () => {
  test('finds the cookie among others, in Node and Fetch headers alike', () => {
    expect(readCookie({ cookie: 'a=1; sid=abc%2D1; b=2' }, 'sid')).toBe('abc-1');
    expect(readCookie(new Headers({ cookie: 'sid=xyz' }), 'sid')).toBe('xyz');
    expect(readCookie({ cookie: 'sidx=1' }, 'sid')).toBeNull();
    expect(readCookie({}, 'sid')).toBeNull();
  });

  test('reads a bearer token and nothing else from Authorization', () => {
    expect(readBearerToken({ authorization: 'Bearer tok_123' })).toBe('tok_123');
    expect(readBearerToken({ authorization: 'Basic dXNlcg==' })).toBeNull();
  });

  test('sends an IPv4 peer on a dual-stack socket as plain IPv4', () => {
    expect(normaliseAddress('::ffff:10.0.0.2')).toBe('10.0.0.2');
    expect(normaliseAddress('::1')).toBe('::1');
    expect(normaliseAddress(undefined)).toBeNull();
  });
});

describe('a cookie that is not percent-encoded text', () => {
  test('is no session token', () => {
    expect(readCookie({ cookie: 'sid=%E0%A4%A' }, 'sid')).toBeNull();
  });
});
