import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function ownHosts(req: IncomingMessage): string[] {
  const forwarded = req.headers['x-forwarded-host'];
  return [req.headers.host, ...(typeof forwarded === 'string' ? forwarded.split(',') : [])]
    .filter((host): host is string => Boolean(host))
    .map((host) => host.trim().toLowerCase());
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // `Origin: null` (sandboxed frames, privacy redirects) is nobody we know
  }
}

/**
 * CSRF protection for cookie-authenticated writes (form actions, REST, tRPC mutations): browsers send `Origin` with
 * every POST, so a write whose `Origin` is not this server was started by another site. Clients that send no
 * `Origin` (the CLI, curl, server-to-server) carry no ambient cookie to abuse and pass. The session cookie's
 * `SameSite=Lax` is the first line; this one also covers same-site neighbours and older browsers, and answers a 403
 * where Remix's own check would fail the action with a 500.
 */
export function isCrossSiteWrite(req: IncomingMessage): boolean {
  if (safeMethods.has(req.method ?? 'GET')) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = hostOf(origin);
  return host === null || !ownHosts(req).includes(host);
}

/**
 * Whether a WebSocket upgrade comes from a page of another site. Browsers send `Origin` with every upgrade and,
 * unlike fetch, the WebSocket handshake has no CORS: without this check any page (every other app on `localhost`
 * is "same site" for `SameSite=Lax`) could open /trpc with the person's cookie and act as them. The upgrade is
 * ours when its origin is the server's public origin (`PUBLIC_URL`, behind a proxy) or the host it was addressed
 * to (host and port, as for writes above). Clients that send no `Origin` (Node, the
 * CLI) pass: they carry no ambient cookie and authenticate with a token in `connectionParams`.
 */
export function isCrossSiteUpgrade(req: IncomingMessage, publicOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return true; // `Origin: null` and garbage are nobody we know
  }
  if (parsed.origin === 'null') return true;
  if (publicOrigins.includes(parsed.origin)) return false;
  return !ownHosts(req).includes(parsed.host.toLowerCase());
}

export function refuseUpgrade(socket: Duplex): void {
  socket.end(
    'HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\nA page of another site cannot open this socket.',
  );
}

export function refuseCrossSite(res: ServerResponse): void {
  res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    JSON.stringify({
      error: { code: 'FORBIDDEN', message: 'A request from another site cannot change anything here.' },
    }),
  );
}
