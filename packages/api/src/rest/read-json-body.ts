import type { IncomingMessage } from 'node:http';

const maxBodyBytes = 64 * 1024;

/** A request the REST adapter refuses before it reaches the router (unreadable body). */
export class RestRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request's JSON body (an empty body reads as `{}`). Only `application/json` is read: a cross-site form
 * cannot send that without a CORS preflight, so cookie-authenticated requests cannot be forged from a form.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new RestRequestError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as JSON (Content-Type: application/json).',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // Past the limit the rest is read and dropped: leaving the loop early would destroy the socket under the
    // 413, and a keep-alive client would see a reset on its next request instead.
    if (size <= maxBodyBytes) chunks.push(buffer);
  }
  if (size > maxBodyBytes)
    throw new RestRequestError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than ${maxBodyBytes} bytes.`,
    );
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RestRequestError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}
