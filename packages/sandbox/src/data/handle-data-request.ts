import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createErrorBody, statusOfErrorCode } from '../error-catalogue';
import { sendJson, sendRaw } from '../http/http-io';
import { waitUnlessClosed } from '../http/wait-unless-closed';
import type { SandboxContext } from '../sandbox-context';
import { checkDataRequest } from './check-request';
import { matchDataRoute } from './data-routes';
import { readBearerToken } from './read-bearer-token';
import { serveRoute } from './serve-route';

/**
 * One Data API call: route, token and consent (answered by "TrueLayer" at once), then the bank's latency,
 * the bank's own checks and limits, the injected faults, and finally the data.
 */
export async function handleDataRequest(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: string,
): Promise<void> {
  const headers: Record<string, string> = {
    'X-TL-Correlation-Id': randomUUID(),
    'X-Request-Id': randomUUID(),
  };
  // Drawn first, whatever happens next, so the fault sequence depends only on the order of requests.
  const roll = ctx.dice.roll(ctx.faults);
  const latencyMs = ctx.dice.latencyMs(ctx.options.latency);
  const route = req.method === 'GET' ? matchDataRoute(path) : null;
  const attended = typeof req.headers['x-psu-ip'] === 'string' && req.headers['x-psu-ip'] !== '';
  const record = (status: string) =>
    ctx.stats.record(
      route?.endpoint ?? 'unknown',
      status,
      route?.accountId ? { accountId: route.accountId, attended } : null,
    );
  const fail = (code: string, status = statusOfErrorCode(code), extra: Record<string, string> = {}) => {
    record(String(status));
    sendJson(res, status, createErrorBody(code), { ...headers, ...extra });
  };

  if (!route) return fail('not_found');
  const token = readBearerToken(req);
  const access = token ? ctx.store.checkAccessToken(token) : null;
  if (!access?.ok) return fail('invalid_token');
  const { connection } = access;
  headers['X-Credentials-Id'] = connection.credentialsId;
  if (!ctx.store.isConsentLive(connection)) return fail('access_denied');

  // From here on the call reaches the bank, which takes its time.
  if (!(await waitUnlessClosed(res, latencyMs))) return record('aborted');

  const checked = checkDataRequest(ctx, route, connection, url.searchParams, attended);
  if ('rejection' in checked)
    return fail(checked.rejection.code, checked.rejection.status, checked.rejection.headers);

  if (roll.kind === 'reset') {
    record('reset');
    req.socket.destroy();
    return;
  }
  if (roll.kind === 'timeout') {
    record('timeout');
    // Held until the client gives up; a client more patient than timeoutMs gets the gateway's 504.
    if (await waitUnlessClosed(res, ctx.faults.timeoutMs))
      sendJson(res, 504, createErrorBody('provider_timeout'), headers);
    return;
  }
  if (roll.kind === 'error') {
    const retryAfter: Record<string, string> =
      roll.retryAfterSeconds === null ? {} : { 'Retry-After': String(roll.retryAfterSeconds) };
    return fail(roll.code, statusOfErrorCode(roll.code), retryAfter);
  }

  const { spec, window } = checked.admitted;
  const body = JSON.stringify({
    results: serveRoute(ctx, route, connection, spec, window),
    status: 'Succeeded',
  });
  record('200');
  // A body cut off mid-way, still labelled JSON with a matching Content-Length: only parsing can tell.
  const text = roll.kind === 'malformed' ? body.slice(0, Math.max(1, Math.floor(body.length / 2))) : body;
  sendRaw(res, 200, text, 'application/json; charset=utf-8', headers);
}
