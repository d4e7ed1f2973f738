import { instantOf } from './bank-time';
import type { TrueLayerConfig } from './config';
import { TrueLayerError } from './errors';
import { parseObject } from './parse-results';
import { ApiExtendSchema, ApiTokenSchema } from './response-schemas';
import { sendRequest, type HttpDeps, type RetryPolicy } from './send-request';
import type { TokenSet } from './types';

export type AuthLinkOptions = {
  state: string;
  nonce?: string;
  /** Skip the bank picker, e.g. `ob-monzo` (`providers` must still cover it). */
  providerId?: string;
  /** `form_post` makes the callback a POST, keeping the code out of server logs and browser history. */
  responseMode?: 'query' | 'form_post';
};

/** Sent to /connections/extend so TrueLayer can contact the user if the bank wants them to sign in again. */
export type ExtendConsentUser = { id?: string; name: string; email?: string; phone?: string };

export type ExtendedTokenSet = TokenSet & { consentExpiresAt: Date | null };

export type AuthClient = {
  authLink(options: AuthLinkOptions): string;
  exchangeCode(code: string): Promise<TokenSet>;
  refreshTokens(refreshToken: string): Promise<TokenSet>;
  extendConsent(refreshToken: string, user?: ExtendConsentUser): Promise<ExtendedTokenSet>;
};

export function createAuthClient(config: TrueLayerConfig, deps: HttpDeps, policy: RetryPolicy): AuthClient {
  async function post(label: string, url: string, contentType: string, body: string): Promise<unknown> {
    // Every auth call spends a grant (a code, a rotating refresh token): answers lost in transit are not retried.
    // The secret travels only in the body, never in a message.
    return sendRequest(deps, policy, {
      label,
      method: 'POST',
      url,
      body,
      singleUse: true,
      headers: async () => ({ Accept: 'application/json', 'Content-Type': contentType }),
    });
  }

  async function requestTokens(grant: Record<string, string>): Promise<TokenSet> {
    const form = new URLSearchParams({
      ...grant,
      client_id: config.clientId,
      client_secret: config.clientSecret,
    });
    const label = 'POST /connect/token';
    const json = await post(
      label,
      `${config.authUrl}/connect/token`,
      'application/x-www-form-urlencoded',
      form.toString(),
    );
    const token = parseObject(label, json, ApiTokenSchema);
    return toTokenSet(token.access_token, token.refresh_token ?? null, token.expires_in, token.scope);
  }

  function toTokenSet(
    accessToken: string,
    refreshToken: string | null,
    expiresIn: number,
    scope?: string | null,
  ): TokenSet {
    return {
      accessToken,
      refreshToken,
      expiresAt: new Date(deps.now().getTime() + expiresIn * 1000),
      scopes: (scope ?? '').split(' ').filter(Boolean),
    };
  }

  return {
    authLink({ state, nonce, providerId, responseMode }) {
      const params: [string, string | undefined][] = [
        ['response_type', 'code'],
        ['client_id', config.clientId],
        ['redirect_uri', config.redirectUri],
        ['scope', config.scopes],
        ['providers', config.providers],
        ['state', state],
        ['nonce', nonce],
        ['provider_id', providerId],
        ['response_mode', responseMode],
      ];
      // encodeURIComponent writes spaces as %20, as TrueLayer's own examples do (URLSearchParams would write +).
      const query = params
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
        .join('&');
      return `${config.authUrl}/?${query}`;
    },

    exchangeCode(code) {
      return requestTokens({ grant_type: 'authorization_code', redirect_uri: config.redirectUri, code });
    },

    async refreshTokens(refreshToken) {
      const tokens = await requestTokens({ grant_type: 'refresh_token', refresh_token: refreshToken });
      // TrueLayer rotates refresh tokens; if one ever comes back without a new one, the old one stays in use.
      return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
    },

    async extendConsent(refreshToken, user) {
      const label = 'POST /connections/extend';
      const body = JSON.stringify({
        client_id: config.clientId,
        client_secret: config.clientSecret,
        refresh_token: refreshToken,
        redirect_uri: config.redirectUri,
        user_has_reconfirmed_consent: true,
        ...(user ? { user } : {}),
      });
      const json = await post(label, extendUrlFor(config.apiUrl), 'application/json', body);
      const answer = parseObject(label, json, ApiExtendSchema);
      if (answer.action_needed !== 'no_action_needed' || !answer.access_token || !answer.expires_in) {
        throw new TrueLayerError(
          'CONSENT_EXPIRED',
          `The bank wants the user to sign in again before the connection can be extended (${answer.action_needed}): send them through a new auth link.`,
          { httpStatus: 200, providerError: answer.action_needed },
        );
      }
      const tokens = toTokenSet(
        answer.access_token,
        answer.refresh_token ?? refreshToken,
        answer.expires_in,
        answer.scope,
      );
      return {
        ...tokens,
        consentExpiresAt: answer.consent_expires_at ? instantOf(answer.consent_expires_at) : null,
      };
    },
  };
}

/**
 * TrueLayer's API reference lists `POST https://api.truelayer.com/data/v1/connections/extend` (the Data host, not
 * the auth host), so the path hangs off `apiUrl`, which also points the sandbox bank at its own copy.
 */
export function extendUrlFor(apiUrl: string): string {
  return `${apiUrl}/connections/extend`;
}
