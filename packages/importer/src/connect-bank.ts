import type { Db, TokenCipher } from '@app/db';
import type { TokenSet } from '@app/truelayer';
import type { BankClient } from './bank-client';
import { refreshAccounts } from './refresh-accounts';

/** A consent lasts 90 days from when it was given (TrueLayer, UK); /me may tell us the exact expiry. */
const consentDays = 90;

/**
 * Stores a new bank connection from the tokens of a finished OAuth round trip (tokens encrypted at rest), asks
 * the bank who it is and lists its accounts and cards. The user is present, so the calls are attended.
 */
export async function connectBank(
  deps: { db: Db; bank: BankClient; cipher: TokenCipher; now: () => Date },
  input: { userId: string; tokens: TokenSet; psuIp?: string },
) {
  const { db, cipher, now } = deps;
  const staticTokens = { current: async () => input.tokens.accessToken, refresh: async () => input.tokens.accessToken };
  const me = await deps.bank.data({ tokens: staticTokens, psuIp: input.psuIp }).me();
  const grantedAt = now();
  const connection = await db.bankConnection.create({
    data: {
      userId: input.userId,
      providerId: me.providerId,
      providerName: me.providerName,
      credentialsId: me.credentialsId,
      accessTokenEnc: cipher.encrypt(input.tokens.accessToken),
      refreshTokenEnc: input.tokens.refreshToken ? cipher.encrypt(input.tokens.refreshToken) : null,
      accessTokenExpiresAt: input.tokens.expiresAt,
      consentGrantedAt: grantedAt,
      consentExpiresAt: me.consentExpiresAt ?? new Date(grantedAt.getTime() + consentDays * 86_400_000),
    },
  });
  const accounts = await refreshAccounts(deps, connection.id, { psuIp: input.psuIp });
  return { connection, accounts };
}
