import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAuthorize } from './auth/handle-authorize';
import { handleExtend } from './auth/handle-extend';
import { handleToken } from './auth/handle-token';
import { listProviders } from './bank/mock-provider';
import { handleDataRequest } from './data/handle-data-request';
import { createErrorBody } from './error-catalogue';
import { sendJson } from './http/http-io';
import type { SandboxContext } from './sandbox-context';

const AUTH = '/auth';
const DATA = '/data/v1';

/** Splits traffic between TrueLayer's two hosts, which the sandbox serves under `/auth` and `/data/v1`. */
export async function routeRequest(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path === DATA || path.startsWith(`${DATA}/`)) {
    const rest = path.slice(DATA.length);
    if (rest === '/connections/extend' && method === 'POST') return handleExtend(ctx, req, res);
    return handleDataRequest(ctx, req, res, url, rest);
  }
  if (path === AUTH || path.startsWith(`${AUTH}/`)) {
    const rest = path.slice(AUTH.length);
    if ((rest === '' || rest === '/') && (method === 'GET' || method === 'POST'))
      return handleAuthorize(ctx, req, res, url);
    if (rest === '/connect/token' && method === 'POST') return handleToken(ctx, req, res);
    if (rest === '/api/providers' && method === 'GET') return sendJson(res, 200, listProviders());
    // The path this project guessed before TrueLayer's real one was confirmed; kept so either works.
    if (rest === '/v1/connections/extend' && method === 'POST') return handleExtend(ctx, req, res);
  }
  sendJson(res, 404, createErrorBody('not_found'));
}
