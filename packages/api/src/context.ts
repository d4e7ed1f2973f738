import { findSession, type SessionUser } from './auth/session';
import { sessionCookieName } from './auth/session-cookie';
import {
  normaliseAddress,
  readBearerToken,
  readCookie,
  readHeader,
  type RequestHeaders,
} from './request-headers';
import type { ApiServices } from './services';

export type ContextInput = {
  headers: RequestHeaders;
  /** The peer's address: the user's IP for their own requests (sent to banks as X-PSU-IP). */
  remoteAddress?: string | null;
  /** WebSocket clients without cookies (Node) send `{ sessionToken }` here. */
  connectionParams?: Record<string, string | undefined> | null;
  /** Writes a `Set-Cookie` on the response; absent where there is no response to write to (WebSocket). */
  setCookie?: (cookie: string) => void;
};

export type Context = {
  user: SessionUser | null;
  /** The SHA-256 of the session token (the Session row id), for sign-out. */
  sessionId: string | null;
  psuIp: string | null;
  /** The browser or client, shown on the sessions page. */
  userAgent: string | null;
  /** The request's `x-request-id` (the server sets one on every request and upgrade), logged with what it does. */
  requestId: string | null;
  services: ApiServices;
  setCookie: (cookie: string) => void;
};

export type ContextFactory = (input: ContextInput) => Promise<Context>;

function sessionTokenOf(input: ContextInput): string | null {
  return (
    input.connectionParams?.sessionToken ??
    readBearerToken(input.headers) ??
    readCookie(input.headers, sessionCookieName)
  );
}

/**
 * One context per HTTP request or WebSocket connection. The user comes from the session token: the `sid` cookie
 * (browsers: HTTP and the WebSocket upgrade), `Authorization: Bearer` (HTTP clients) or `connectionParams`.
 */
export function createContextFactory(services: ApiServices): ContextFactory {
  return async (input) => {
    const token = sessionTokenOf(input);
    const session = token ? await findSession(services.db, token, services.now()) : null;
    return {
      user: session?.user ?? null,
      sessionId: session?.sessionId ?? null,
      psuIp: normaliseAddress(input.remoteAddress),
      userAgent: readHeader(input.headers, 'user-agent'),
      requestId: readHeader(input.headers, 'x-request-id'),
      services,
      setCookie: input.setCookie ?? (() => undefined),
    };
  };
}
