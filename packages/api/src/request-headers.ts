import type { IncomingHttpHeaders } from 'node:http';

/** A Fetch `Headers` (Remix, fetch adapters) or Node's header record (http, ws upgrade requests). */
export type RequestHeaders = Headers | IncomingHttpHeaders;

export function readHeader(headers: RequestHeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export function readCookie(headers: RequestHeaders, name: string): string | null {
  const header = readHeader(headers, 'cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return null; // a malformed cookie is no session
    }
  }
  return null;
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
