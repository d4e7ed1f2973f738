import { randomBytes } from 'node:crypto';
import { connectBank } from '@app/importer';
import type { Context } from '../context';
import { OAuthStateError } from '../errors';

const stateTtlMs = 10 * 60_000;

/** Stores a single-use `state` tied to the user and returns the bank's consent link. */
export async function startOAuth(ctx: Context, userId: string, input: { providerId?: string }) {
  const { db, bank, now } = ctx.services;
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
export async function completeOAuth(ctx: Context, userId: string, input: { code: string; state: string }) {
  const { db, bank, cipher, now } = ctx.services;
  const claimed = await db.oAuthState.deleteMany({
    where: { state: input.state, userId, expiresAt: { gt: now() } },
  });
  if (claimed.count !== 1) throw new OAuthStateError();
  const tokens = await bank.exchangeCode(input.code);
  const { connection } = await connectBank(
    { db, bank, cipher, now },
    { userId, tokens, psuIp: ctx.psuIp ?? undefined },
  );
  return connection.id;
}
