import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../sandbox-clock';
import { mintAccessToken } from './mint-access-token';
import { readStoredAuthState, writeStoredAuthState } from './store-file';

/** One user's consent to share data (TrueLayer's "connection"). */
export type Connection = {
  credentialsId: string;
  user: string;
  scopes: string[];
  createdAtMs: number;
  /** When the user last authenticated at the bank; SCA-exempt history access is counted from here. */
  authenticatedAtMs: number;
  expiresAtMs: number;
};

export type TokenResponse = {
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  refresh_token?: string;
  scope: string;
};

export type AccessCheck = { ok: true; connection: Connection } | { ok: false; reason: 'invalid' | 'expired' };

export type StoreSettings = {
  clock: SandboxClock;
  clientId: string;
  tokenTtlSeconds: number;
  consentDays: number;
  refreshTokens: 'rotate' | 'reuse';
  issuer: () => string;
  /** Where to keep connections and tokens across restarts (the embedded demo bank); memory only when unset. */
  stateFile?: string;
};

const CODE_TTL_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

const randomToken = () => randomBytes(32).toString('hex').toUpperCase();

/**
 * All auth state lives here, server-side: codes, connections, the one live refresh token per connection and
 * every access token. `expireAccessTokens` bumps an epoch instead of walking the tokens.
 */
export function createConnectionStore(settings: StoreSettings) {
  const { clock } = settings;
  const connections = new Map<string, Connection>();
  const codes = new Map<string, { credentialsId: string; redirectUri: string; expiresAtMs: number }>();
  const refreshTokens = new Map<string, string>();
  const accessTokens = new Map<string, { credentialsId: string; expiresAtMs: number; epoch: number }>();
  let epoch = 0;

  const stored = settings.stateFile ? readStoredAuthState(settings.stateFile) : null;
  if (stored) {
    for (const connection of stored.connections) connections.set(connection.credentialsId, connection);
    for (const [token, credentialsId] of stored.refreshTokens) refreshTokens.set(token, credentialsId);
    for (const [token, entry] of stored.accessTokens) accessTokens.set(token, entry);
    epoch = stored.epoch;
  }
  const persist = () => {
    if (!settings.stateFile) return;
    const now = nowMs();
    for (const [token, entry] of accessTokens) if (entry.expiresAtMs <= now) accessTokens.delete(token);
    writeStoredAuthState(settings.stateFile, {
      connections: [...connections.values()],
      refreshTokens: [...refreshTokens.entries()],
      accessTokens: [...accessTokens.entries()],
      epoch,
    });
  };

  const nowMs = () => clock.now().getTime();
  const isConsentLive = (connection: Connection) => nowMs() < connection.expiresAtMs;

  const createConnection = (user: string, scopes: string[]): Connection => {
    const now = nowMs();
    const connection: Connection = {
      credentialsId: randomBytes(24).toString('base64'),
      user,
      scopes,
      createdAtMs: now,
      authenticatedAtMs: now,
      expiresAtMs: now + settings.consentDays * DAY_MS,
    };
    connections.set(connection.credentialsId, connection);
    persist();
    return connection;
  };

  const issueTokens = (connection: Connection, reusedRefreshToken?: string): TokenResponse => {
    const now = nowMs();
    const expiresAtMs = now + settings.tokenTtlSeconds * 1000;
    const accessToken = mintAccessToken({
      iss: settings.issuer(),
      sub: connection.credentialsId,
      client_id: settings.clientId,
      scope: connection.scopes,
      connector_id: 'mock',
      iat: Math.floor(now / 1000),
      nbf: Math.floor(now / 1000),
      exp: Math.floor(expiresAtMs / 1000),
      jti: randomUUID(),
    });
    accessTokens.set(accessToken, { credentialsId: connection.credentialsId, expiresAtMs, epoch });
    const response: TokenResponse = {
      access_token: accessToken,
      expires_in: settings.tokenTtlSeconds,
      token_type: 'Bearer',
      scope: connection.scopes.join(' '),
    };
    // Like TrueLayer, no refresh token without offline_access.
    if (connection.scopes.includes('offline_access')) {
      const refreshToken = reusedRefreshToken ?? randomToken();
      refreshTokens.set(refreshToken, connection.credentialsId);
      response.refresh_token = refreshToken;
    }
    persist();
    return response;
  };

  /** Takes a refresh token out of circulation: it works once, and only while the consent lasts. */
  const consumeRefreshToken = (token: string): Connection | null => {
    const connection = connections.get(refreshTokens.get(token) ?? '');
    if (!connection || !isConsentLive(connection)) return null;
    refreshTokens.delete(token);
    return connection;
  };
  const findRefreshToken = (token: string): Connection | null => {
    const connection = connections.get(refreshTokens.get(token) ?? '');
    return connection && isConsentLive(connection) ? connection : null;
  };

  return {
    createConnection,
    issueTokens,
    issueCode: (connection: Connection, redirectUri: string): string => {
      const code = randomToken();
      codes.set(code, {
        credentialsId: connection.credentialsId,
        redirectUri,
        expiresAtMs: nowMs() + CODE_TTL_MS,
      });
      return code;
    },
    /** A code works once, before it expires, with the redirect_uri it was issued for. */
    redeemCode: (code: string, redirectUri: string | undefined): Connection | null => {
      const entry = codes.get(code);
      codes.delete(code);
      if (
        !entry ||
        entry.expiresAtMs <= nowMs() ||
        (redirectUri !== undefined && redirectUri !== entry.redirectUri)
      )
        return null;
      const connection = connections.get(entry.credentialsId);
      return connection && isConsentLive(connection) ? connection : null;
    },
    /** Rotation: the old refresh token stops working as soon as the new one is issued (unless set to `reuse`). */
    refresh: (token: string): TokenResponse | null => {
      if (settings.refreshTokens === 'reuse') {
        const connection = findRefreshToken(token);
        return connection ? issueTokens(connection, token) : null;
      }
      const connection = consumeRefreshToken(token);
      return connection ? issueTokens(connection) : null;
    },
    /** UK consent re-confirmation: 90 more days from now, and fresh tokens. */
    extend: (token: string): { tokens: TokenResponse; connection: Connection } | null => {
      const connection = consumeRefreshToken(token);
      if (!connection) return null;
      connection.expiresAtMs = nowMs() + settings.consentDays * DAY_MS;
      return { tokens: issueTokens(connection), connection }; // issueTokens persists
    },
    checkAccessToken: (token: string): AccessCheck => {
      const entry = accessTokens.get(token);
      const connection = entry ? connections.get(entry.credentialsId) : undefined;
      if (!entry || !connection) return { ok: false, reason: 'invalid' };
      if (entry.epoch < epoch || entry.expiresAtMs <= nowMs()) return { ok: false, reason: 'expired' };
      return { ok: true, connection };
    },
    isConsentLive,
    expireAccessTokens: () => {
      epoch += 1;
      persist();
    },
    expireConsent: (user?: string) => {
      const now = nowMs();
      for (const connection of connections.values()) {
        if (user === undefined || connection.user === user)
          connection.expiresAtMs = Math.min(connection.expiresAtMs, now);
      }
      persist();
    },
  };
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
