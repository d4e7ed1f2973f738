import type { IncomingHttpHeaders } from 'node:http';
import { parseCookie } from 'cookie';

/** A Fetch `Headers` (Remix, fetch adapters) or Node's header record (http, ws upgrade requests). */
export type RequestHeaders = Headers | IncomingHttpHeaders;

export function readHeader(headers: RequestHeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** A percent-decoded cookie value; a malformed one is no value at all (so never a session). */
function decodeCookieValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function readCookie(headers: RequestHeaders, name: string): string | null {
  const header = readHeader(headers, 'cookie');
  if (!header) return null;
  return parseCookie(header, { decode: decodeCookieValue })[name] ?? null;
}

export function readBearerToken(headers: RequestHeaders): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(readHeader(headers, 'authorization') ?? '');
  return match?.[1] ?? null;
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is sent to banks as `127.0.0.1`. */
export function normaliseAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
