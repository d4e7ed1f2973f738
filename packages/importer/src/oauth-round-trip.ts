import { randomBytes } from 'node:crypto';
import type { Db, TokenCipher } from '@app/db';
import type { TrueLayerClient } from '@app/truelayer';
import type { BankClient } from './bank-client';
import { connectBank } from './connect-bank';
import { OAuthStateError } from './errors';

const stateTtlMs = 10 * 60_000;

type OAuthDeps = {
  db: Db;
  bank: BankClient & Pick<TrueLayerClient, 'authLink' | 'exchangeCode'>;
  cipher: TokenCipher;
  now: () => Date;
};

/** Stores a single-use `state` tied to the user and returns the bank's consent link. */
export async function startOAuth(deps: OAuthDeps, input: { userId: string; providerId?: string }) {
  const { db, bank, now } = deps;
  const { userId } = input;
  const state = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now().getTime() + stateTtlMs);
  await db.oAuthState.deleteMany({ where: { userId, expiresAt: { lte: now() } } });
  await db.oAuthState.create({ data: { state, userId, expiresAt } });
  return { url: bank.authLink({ state, providerId: input.providerId }), expiresAt };
}

/**
 * Finishes the round trip: the state must be this user's, unexpired and unused (claimed by deleting it, so a
 * replayed callback fails), then the code is exchanged and the connection stored with its accounts.
 */
export async function completeOAuth(
  deps: OAuthDeps,
  input: { userId: string; code: string; state: string; psuIp?: string | null },
) {
  const { db, bank, now } = deps;
  const { userId } = input;
  const claimed = await db.oAuthState.deleteMany({
    where: { state: input.state, userId, expiresAt: { gt: now() } },
  });
  if (claimed.count !== 1) throw new OAuthStateError();
  const tokens = await bank.exchangeCode(input.code);
  const { connection } = await connectBank(deps, { userId, tokens, psuIp: input.psuIp ?? undefined });
  return connection.id;
}
