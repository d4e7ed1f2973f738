import type { Db, TokenCipher } from '@app/db';
import type { BankAccount, ConnectionInfo, TokenSet } from '@app/truelayer';
import type { BankClient } from './bank-client';
import { resumeSchedulesAfterReconsent } from './consent';
import { recordCapabilities } from './capabilities';
import { listAccountsAndCards, storeAccounts } from './refresh-accounts';

/** A consent lasts 90 days from when it was given (TrueLayer, UK); /me may tell us the exact expiry. */
const consentDays = 90;

/**
 * The user's existing connection to the same bank login: the same `credentials_id`, or (banks issue a new one
 * on some re-consents) the same provider listing an account we already hold. Reusing it keeps the accounts,
 * their history and the call ledger, instead of importing everything again under a second connection.
 */
async function findSameConnection(db: Db, userId: string, me: ConnectionInfo, items: BankAccount[]) {
  if (me.credentialsId) {
    const same = await db.bankConnection.findFirst({
      where: { userId, credentialsId: me.credentialsId },
      select: { id: true },
    });
    if (same) return same;
  }
  return db.bankConnection.findFirst({
    where: {
      userId,
      providerId: me.providerId,
      accounts: { some: { providerAccountId: { in: items.map((i) => i.accountId) } } },
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
}

/**
 * Stores a bank connection from the tokens of a finished OAuth round trip (tokens encrypted at rest), asks the
 * bank who it is and lists its accounts and cards. Reconnecting a bank already connected renews that connection
 * (tokens, consent, status) and resumes the schedules its lapsed consent paused. The user is present, so the
 * calls are attended.
 */
export async function connectBank(
  deps: { db: Db; bank: BankClient; cipher: TokenCipher; now: () => Date },
  input: { userId: string; tokens: TokenSet; psuIp?: string },
) {
  const { db, cipher, now } = deps;
  const staticTokens = {
    current: async () => input.tokens.accessToken,
    refresh: async () => input.tokens.accessToken,
  };
  const data = deps.bank.data({ tokens: staticTokens, psuIp: input.psuIp });
  const me = await data.me();
  const listed = await listAccountsAndCards(data);
  const items = [...(listed.accounts ?? []), ...(listed.cards ?? [])];
  const grantedAt = now();
  const fields = {
    providerId: me.providerId,
    providerName: me.providerName,
    credentialsId: me.credentialsId,
    status: 'active' as const,
    accessTokenEnc: cipher.encrypt(input.tokens.accessToken),
    refreshTokenEnc: input.tokens.refreshToken ? cipher.encrypt(input.tokens.refreshToken) : null,
    accessTokenExpiresAt: input.tokens.expiresAt,
    consentGrantedAt: grantedAt,
    consentExpiresAt: me.consentExpiresAt ?? new Date(grantedAt.getTime() + consentDays * 86_400_000),
    // Pending and transactions stay as learned before: a reconnect does not make them unknown again.
  };
  const same = await findSameConnection(db, input.userId, me, items);
  const connection = same
    ? await db.bankConnection.update({
        where: { id: same.id },
        data: { ...fields, tokenVersion: { increment: 1 } },
      })
    : await db.bankConnection.create({ data: { userId: input.userId, ...fields } });
  await recordCapabilities(db, connection.id, listed.capabilities);
  const stored = await storeAccounts(db, connection.id, items);
  if (same) await resumeSchedulesAfterReconsent(db, connection.id);
  return { connection, accounts: stored, reused: same !== null };
}
