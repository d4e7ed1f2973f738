import type { IncomingMessage, ServerResponse } from 'node:http';
import { createErrorBody } from '../error-catalogue';
import { readFields, sendJson } from '../http/http-io';
import type { SandboxContext } from '../sandbox-context';
import { isKnownClient } from './check-client';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** `POST {auth}/connect/token`: the authorization_code and refresh_token grants. */
export async function handleToken(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fields = await readFields(req);
  const fail = (code: string, description?: string) =>
    sendJson(res, 400, createErrorBody(code, description), NO_STORE);
  if (!isKnownClient(ctx, req, fields)) return fail('invalid_client');

  if (fields.grant_type === 'authorization_code') {
    const connection = fields.code ? ctx.store.redeemCode(fields.code, fields.redirect_uri) : null;
    if (!connection)
      return fail('invalid_grant', 'The code is unknown, used, expired or for another redirect_uri.');
    return sendJson(res, 200, ctx.store.issueTokens(connection), NO_STORE);
  }
  if (fields.grant_type === 'refresh_token') {
    const tokens = fields.refresh_token ? ctx.store.refresh(fields.refresh_token) : null;
    if (!tokens)
      return fail('invalid_grant', 'The refresh token is unknown, already used, or its consent has expired.');
    return sendJson(res, 200, tokens, NO_STORE);
  }
  fail('unsupported_grant_type');
}
