import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './server-harness';

// Every answer carries the security headers (helmet); HSTS only where the public origin is HTTPS. The policy itself
// is proven in the browser by apps/web/test/e2e/security-headers.e2e.test.ts.

describe('security headers', () => {
  let plain: TestServer;
  let behindHttps: TestServer;
  beforeAll(async () => {
    plain = await startTestServer();
    behindHttps = await startTestServer({ publicUrl: 'https://spending.example' });
  });
  afterAll(async () => {
    await plain?.close();
    await behindHttps?.close();
  });

  test('pages, the API and REST answer with CSP, no framing, nosniff and a referrer policy', async () => {
    for (const path of ['/', '/sign-in', '/trpc/auth.me', '/api/truelayer/import/history', '/healthz']) {
      const response = await fetch(`${plain.url}${path}`);
      const headers = Object.fromEntries(response.headers);
      expect(headers['content-security-policy'], path).toMatch(/default-src 'self'/);
      expect(headers['content-security-policy'], path).toMatch(
        /script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/,
      );
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], path).toContain("object-src 'none'");
      expect(headers['content-security-policy'], path).not.toContain('upgrade-insecure-requests');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('same-origin');
      expect(headers['strict-transport-security'], path).toBeUndefined(); // plain HTTP: no HSTS
    }
  });

  test('each answer has its own nonce', async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec(
        (await fetch(`${plain.url}/`)).headers.get('content-security-policy') ?? '',
      )?.[1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  test('behind HTTPS (PUBLIC_URL https://...) browsers are told to stay on HTTPS', async () => {
    const response = await fetch(`${behindHttps.url}/`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
