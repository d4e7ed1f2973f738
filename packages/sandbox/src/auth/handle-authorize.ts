import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidUserName } from '../bank/mock-users';
import { createErrorBody } from '../error-catalogue';
import { readFields, redirect, sendHtml, sendJson } from '../http/http-io';
import type { SandboxContext } from '../sandbox-context';
import { isProfileName, profileForProviderId, type ProfileName } from '../profiles';
import { renderConsentPage, renderFormPostPage } from './render-pages';

const DEFAULT_SCOPES = 'info accounts balance cards transactions offline_access';
/** The auth-link parameters carried through the consent page. */
const LINK_FIELDS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'providers',
  'provider_id',
  'response_mode',
];

function isAbsoluteUrl(value: string): boolean {
  return URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value);
}

/** The problem with an auth link, or null when it can go ahead. */
function findLinkProblem(
  ctx: SandboxContext,
  fields: Record<string, string>,
): { code: string; description: string } | null {
  if (!fields.client_id) return { code: 'invalid_request', description: 'client_id is required.' };
  if (!fields.redirect_uri || !isAbsoluteUrl(fields.redirect_uri))
    return { code: 'invalid_request', description: 'redirect_uri is required and must be an absolute URL.' };
  if (fields.response_type !== undefined && fields.response_type !== 'code')
    return { code: 'invalid_request', description: 'response_type must be code.' };
  if (fields.client_id !== ctx.options.clientId)
    return { code: 'invalid_client', description: 'Unknown client_id.' };
  return null;
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Sends the user back to the application with a code (or an error), by redirect or form_post. */
function handBack(res: ServerResponse, fields: Record<string, string>, params: Record<string, string>): void {
  const redirectUri = fields.redirect_uri ?? '';
  const payload = fields.state === undefined ? params : { ...params, state: fields.state };
  if (fields.response_mode === 'form_post') sendHtml(res, 200, renderFormPostPage(redirectUri, payload));
  else redirect(res, withParams(redirectUri, payload));
}

function grantConsent(
  ctx: SandboxContext,
  res: ServerResponse,
  fields: Record<string, string>,
  user: string,
  profile: ProfileName,
): void {
  const scopes = (fields.scope ?? DEFAULT_SCOPES).split(/\s+/).filter(Boolean);
  const connection = ctx.store.createConnection(user, scopes, profile);
  const code = ctx.store.issueCode(connection, fields.redirect_uri ?? '');
  handBack(res, fields, { code, scope: scopes.join(' ') });
}

/**
 * `GET {auth}/?…` shows the consent page (or, with `sandbox_auto=1`, consents at once); the page POSTs back here.
 * `login_hint` or `user` picks the mock user.
 */
export async function handleAuthorize(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const isPost = req.method === 'POST';
  const source = isPost ? await readFields(req) : Object.fromEntries(url.searchParams);
  const fields: Record<string, string> = {};
  for (const name of LINK_FIELDS) {
    const value = source[name];
    if (value !== undefined) fields[name] = value;
  }
  const problem = findLinkProblem(ctx, fields);
  if (problem) return sendJson(res, 400, createErrorBody(problem.code, problem.description));

  const user = (source.user ?? source.login_hint ?? 'john').trim();
  if (!isValidUserName(user))
    return sendJson(
      res,
      400,
      createErrorBody(
        'invalid_request',
        'Mock user names are letters, digits, dots, dashes and underscores.',
      ),
    );

  // The bank's behaviour: picked on the page, or by `sandbox_profile`, or by a profile's `provider_id` in the link.
  const asked = source.profile ?? source.sandbox_profile;
  if (asked !== undefined && !isProfileName(asked))
    return sendJson(res, 400, createErrorBody('invalid_request', `Unknown sandbox profile: ${asked}.`));
  const profile: ProfileName = asked ?? profileForProviderId(fields.provider_id) ?? 'standard';

  if (isPost) {
    if (source.decision === 'deny') return handBack(res, fields, { error: 'access_denied' });
    return grantConsent(ctx, res, fields, user, profile);
  }
  if (source.sandbox_auto === '1') return grantConsent(ctx, res, fields, user, profile);
  // Allowing by itself is for tests only (the `autoAllow` option or `sandbox_auto_allow=1` on the link).
  const autoAllow = ctx.options.autoAllow || source.sandbox_auto_allow === '1';
  sendHtml(res, 200, renderConsentPage(url.pathname, fields, user, profile, autoAllow));
}
