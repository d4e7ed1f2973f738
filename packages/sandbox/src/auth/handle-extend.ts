import type { IncomingMessage, ServerResponse } from 'node:http';
import { createErrorBody } from '../error-catalogue';
import { readFields, sendJson } from '../http/http-io';
import type { SandboxContext } from '../sandbox-context';
import { isKnownClient } from './check-client';

/**
 * `POST {data}/connections/extend` (TrueLayer's path): after the user re-confirms consent in the application,
 * the connection gets another `consentDays`. The mock bank never needs re-authentication, so the answer is
 * always `no_action_needed` with fresh tokens (the refresh token rotates). An expired consent cannot be extended.
 */
export async function handleExtend(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fields = await readFields(req);
  if (!isKnownClient(ctx, req, fields)) return sendJson(res, 400, createErrorBody('invalid_client'));
  if (fields.user_has_reconfirmed_consent !== 'true') {
    return sendJson(
      res,
      400,
      createErrorBody(
        'validation_error',
        'user_has_reconfirmed_consent must be true: re-confirm consent in your application first.',
      ),
    );
  }
  if (!fields.refresh_token)
    return sendJson(res, 400, createErrorBody('validation_error', 'refresh_token is required.'));
  const extended = ctx.store.extend(fields.refresh_token);
  if (!extended)
    return sendJson(
      res,
      400,
      createErrorBody(
        'invalid_grant',
        'The refresh token is unknown, already used, or its consent has expired.',
      ),
    );
  sendJson(res, 200, {
    action_needed: 'no_action_needed',
    ...extended.tokens,
    consent_expires_at: new Date(extended.connection.expiresAtMs).toISOString(),
  });
}
