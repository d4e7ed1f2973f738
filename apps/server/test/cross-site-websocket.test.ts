import type { AppRouter } from '@app/api/client';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from './server-harness';

// A browser sends the person's cookie with a WebSocket upgrade from any page, and the handshake has no CORS:
// the server itself must refuse pages of other sites, while Node clients (no Origin, a token) keep working.

/** The upgrade's HTTP status: 101 when the socket opened, else what the server answered. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/trpc`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** A tRPC client whose every call goes over one WebSocket opened with these headers (as a browser page would). */
function socketClient(url: string, headers: Record<string, string>, sessionToken?: string) {
  class BrowserLikeWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const wsClient = createWSClient({
    url: `${url.replace(/^http/, 'ws')}/trpc`,
    WebSocket: BrowserLikeWebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: sessionToken ? { sessionToken } : null,
  });
  const api = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient, transformer: superjson })] });
  return { api, close: () => wsClient.close() };
}

describe('the WebSocket at /trpc and the page that opens it', () => {
  let t: TestServer;
  let person: { user: { id: string; email: string }; sessionToken: string };
  let cookie: string;

  beforeAll(async () => {
    t = await startTestServer();
    person = await t.signUp('socket-owner@example.test');
    cookie = `sid=${person.sessionToken}`;
  });
  afterAll(() => t.close());

  test("another site's page is refused at the upgrade, with the person's cookie", async () => {
    const port = new URL(t.url).port;
    const foreign = [
      'https://evil.example',
      'null', // sandboxed frames
      `http://127.0.0.1.evil.example:${port}`,
      'http://127.0.0.1:1', // another app on this machine: the same site for SameSite=Lax
      `http://localhost:${Number(port) + 1}`,
      'not a url',
    ];
    for (const origin of foreign)
      expect([origin, await upgradeStatus(t.url, { origin, cookie })]).toEqual([origin, 403]);
    // and nothing acted: no session was touched, no job exists
    expect(await t.db.importJob.count()).toBe(0);
  });

  test("this server's own page opens it with the cookie and acts as the person", async () => {
    expect(await upgradeStatus(t.url, { origin: new URL(t.url).origin, cookie })).toBe(101);
    const page = socketClient(t.url, { origin: new URL(t.url).origin, cookie });
    try {
      await expect(page.api.auth.me.query()).resolves.toMatchObject({ id: person.user.id });
    } finally {
      await page.close();
    }
  });

  test('a client without Origin authenticates with a token in connectionParams', async () => {
    const cli = socketClient(t.url, {}, person.sessionToken);
    try {
      await expect(cli.api.auth.me.query()).resolves.toMatchObject({ id: person.user.id });
      await expect(cli.api.connections.list.query()).resolves.toEqual([]);
    } finally {
      await cli.close();
    }
  });

  test('the configured public origin (behind a proxy that rewrites Host) is this server too', async () => {
    const proxied = await startTestServer({ publicUrl: 'https://spending.example' });
    try {
      const { sessionToken } = await proxied.signUp('proxied@example.test');
      const headers = { cookie: `sid=${sessionToken}` };
      expect(await upgradeStatus(proxied.url, { ...headers, origin: 'https://spending.example' })).toBe(101);
      expect(await upgradeStatus(proxied.url, { ...headers, origin: 'https://evil.example' })).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});
