import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, TokenCipher } from '@app/db';
import { TrueLayerError, type AccessTokenSource } from '@app/truelayer';
import type { BankClient } from './bank-client';
import { markNeedsReconsent, reconnectMessage } from './consent';
import { ConsentExpiredError, TokenRefreshBusyError } from './errors';
import { silentLogger, type Logger } from './logger';
import { claimRefreshLease, leaseEnded, releaseRefreshLease } from './refresh-lease';

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
const refreshMarginMs = 60_000;
/** Longer than a refresh can take (the client's timeout, a few 5xx retries), so a live holder never loses it. */
const defaultLeaseMs = 120_000;
/** How often a process waiting for another's refresh looks at the row again. */
const pollMs = 100;

type Connection = Awaited<ReturnType<Db['bankConnection']['findUniqueOrThrow']>>;

/**
 * Access tokens for one connection, decrypted on demand and refreshed when near expiry or after a 401.
 * Refresh tokens rotate, so two refreshes with the same one fail: in the process refreshing is single-flight,
 * across processes a lease on the connection's row lets one refresh while the others wait for its tokens
 * (docs/decisions/006). An `invalid_grant` after someone else stored new tokens is theirs winning, not a lapsed
 * consent.
 */
export function createConnectionTokens(deps: {
  db: Db;
  cipher: TokenCipher;
  bank: BankClient;
  connectionId: string;
  now: () => Date;
  logger?: Logger;
  leaseMs?: number;
}): AccessTokenSource {
  const { db, cipher, bank, connectionId, now } = deps;
  const logger = deps.logger ?? silentLogger;
  const leaseMs = deps.leaseMs ?? defaultLeaseMs;
  const owner = randomUUID();
  let inflight: Promise<string> | null = null;

  async function load() {
    const connection = await db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } });
    if (connection.status === 'active' && connection.consentExpiresAt <= now())
      await markNeedsReconsent(db, connectionId);
    if (connection.status !== 'active' || connection.consentExpiresAt <= now()) {
      throw new ConsentExpiredError(reconnectMessage(connection.providerName));
    }
    return connection;
  }

  const isFresh = (connection: Connection) =>
    connection.accessTokenExpiresAt.getTime() - refreshMarginMs > now().getTime();

  /** Spends the refresh token while holding the lease; null when another process's tokens are the ones to use. */
  async function refreshHolding(connection: Connection): Promise<string | null> {
    if (!connection.refreshTokenEnc) {
      await releaseRefreshLease(db, connectionId, owner);
      throw new ConsentExpiredError(
        `${connection.providerName} did not grant offline access: reconnect it on the Banks page to import in the background.`,
      );
    }
    let tokens;
    try {
      tokens = await bank.refreshTokens(cipher.decrypt(connection.refreshTokenEnc));
    } catch (error) {
      await releaseRefreshLease(db, connectionId, owner);
      if (error instanceof TrueLayerError && error.code === 'CONSENT_EXPIRED') {
        const after = await db.bankConnection.findUniqueOrThrow({ where: { id: connectionId } });
        if (after.tokenVersion !== connection.tokenVersion) return null; // another process refreshed meanwhile
        await markNeedsReconsent(db, connectionId);
        throw new ConsentExpiredError(reconnectMessage(connection.providerName));
      }
      throw error; // ANSWER_LOST among them: the refresh token may be spent, so it is not sent again here
    }
    // Compare-and-swap on the version too: a lease that lapsed under a stalled holder must not overwrite newer tokens.
    const { count } = await db.bankConnection.updateMany({
      where: { id: connectionId, tokenVersion: connection.tokenVersion },
      data: {
        accessTokenEnc: cipher.encrypt(tokens.accessToken),
        refreshTokenEnc: tokens.refreshToken
          ? cipher.encrypt(tokens.refreshToken)
          : connection.refreshTokenEnc,
        accessTokenExpiresAt: tokens.expiresAt,
        tokenVersion: { increment: 1 },
        ...leaseEnded,
      },
    });
    return count === 0 ? null : tokens.accessToken;
  }

  async function refreshOnce(staleToken: string | null): Promise<string> {
    const waitUntil = now().getTime() + leaseMs + pollMs;
    let waited = false;
    for (;;) {
      const connection = await load();
      const current = cipher.decrypt(connection.accessTokenEnc);
      // someone refreshed already (a 401 names the token it refused; an expiring token just needs a fresh one)
      if (isFresh(connection) && (staleToken === null || current !== staleToken)) return current;
      const claimed = await claimRefreshLease(db, {
        connectionId,
        tokenVersion: connection.tokenVersion,
        owner,
        now: now(),
        leaseMs,
      });
      if (claimed) {
        const fresh = await refreshHolding(connection);
        if (fresh !== null) return fresh;
        continue; // another process's tokens are stored: read them
      }
      if (now().getTime() > waitUntil) throw new TokenRefreshBusyError(connection.providerName);
      if (!waited) logger.info({ connectionId }, 'waiting for another process to refresh the bank tokens');
      waited = true;
      await sleep(pollMs);
    }
  }

  function refresh(staleToken: string | null): Promise<string> {
    inflight ??= refreshOnce(staleToken).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  return {
    async current() {
      const connection = await load();
      if (isFresh(connection)) return cipher.decrypt(connection.accessTokenEnc);
      return refresh(null);
    },
    refresh,
  };
}
