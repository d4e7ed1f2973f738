import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendRaw(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function sendRaw(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  sendRaw(res, status, html, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
}

export function redirect(res: ServerResponse, location: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonObject(body: string): object {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  } catch (error) {
    // Unreadable JSON is a request without fields: the handler then answers its usual 400.
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}

/** Form-encoded (what OAuth clients send) or JSON bodies, as string fields. */
export async function readFields(req: IncomingMessage): Promise<Record<string, string>> {
  const body = await readBody(req);
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.includes('application/json')) return Object.fromEntries(new URLSearchParams(body));
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseJsonObject(body))) {
    fields[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return fields;
}
