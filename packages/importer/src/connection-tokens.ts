import type { Db, TokenCipher } from '@app/db';
import { TrueLayerError, type AccessTokenSource } from '@app/truelayer';
import type { BankClient } from './bank-client';
import { markNeedsReconsent, reconnectMessage } from './consent';
import { ConsentExpiredError } from './errors';

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
const refreshMarginMs = 60_000;

/**
 * Access tokens for one connection, decrypted on demand and refreshed when near expiry or after a 401.
 * Refresh tokens rotate, so two refreshes with the same one would fail: refreshing is single-flight in the
 * process, and the stored tokens are swapped only if `tokenVersion` is still the one we read (another worker
 * that refreshed first wins, and we use its token).
 */
export function createConnectionTokens(deps: {
  db: Db;
  cipher: TokenCipher;
  bank: BankClient;
  connectionId: string;
  now: () => Date;
}): AccessTokenSource {
  const { db, cipher, bank, connectionId, now } = deps;
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

  async function refreshOnce(staleToken: string | null): Promise<string> {
    const connection = await load();
    const current = cipher.decrypt(connection.accessTokenEnc);
    const fresh = connection.accessTokenExpiresAt.getTime() - refreshMarginMs > now().getTime();
    if (staleToken !== null ? current !== staleToken && fresh : fresh) return current; // someone refreshed already
    if (!connection.refreshTokenEnc) {
      throw new ConsentExpiredError(
        `${connection.providerName} did not grant offline access: reconnect it on the Banks page to import in the background.`,
      );
    }
    let tokens;
    try {
      tokens = await bank.refreshTokens(cipher.decrypt(connection.refreshTokenEnc));
    } catch (error) {
      if (error instanceof TrueLayerError && error.code === 'CONSENT_EXPIRED') {
        await markNeedsReconsent(db, connectionId);
        throw new ConsentExpiredError(reconnectMessage(connection.providerName));
      }
      throw error;
    }
    const { count } = await db.bankConnection.updateMany({
      where: { id: connectionId, tokenVersion: connection.tokenVersion },
      data: {
        accessTokenEnc: cipher.encrypt(tokens.accessToken),
        refreshTokenEnc: tokens.refreshToken
          ? cipher.encrypt(tokens.refreshToken)
          : connection.refreshTokenEnc,
        accessTokenExpiresAt: tokens.expiresAt,
        tokenVersion: { increment: 1 },
      },
    });
    if (count === 0) return cipher.decrypt((await load()).accessTokenEnc);
    return tokens.accessToken;
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
      if (connection.accessTokenExpiresAt.getTime() - refreshMarginMs > now().getTime()) {
        return cipher.decrypt(connection.accessTokenEnc);
      }
      return refresh(null);
    },
    refresh,
  };
}
