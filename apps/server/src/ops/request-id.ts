import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const plausible = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives a request (or a WebSocket upgrade) its id: the proxy's `x-request-id` when it sent a plausible one, a
 * fresh one otherwise. It is written back into the request's headers, where the API's context reads it, and
 * onto the response, so a person can quote it.
 */
export function stampRequestId(req: IncomingMessage, res?: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && plausible.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  res?.setHeader('x-request-id', id);
  return id;
}
