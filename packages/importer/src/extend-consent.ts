import type { Db, TokenCipher } from '@app/db';
import { TrueLayerError, type ExtendConsentUser, type TrueLayerClient } from '@app/truelayer';
import { markNeedsReconsent, resumeSchedulesAfterReconsent } from './consent';
import { randomUUID } from 'node:crypto';
import { ConnectionNotFoundError, ConsentExpiredError, TokenRefreshBusyError } from './errors';
import { claimRefreshLease, leaseEnded, releaseRefreshLease } from './refresh-lease';

/** Without a fresh date from the bank, a reconfirmed consent lasts this long (TrueLayer, UK). */
const consentDays = 90;

/**
 * Reconfirms the consent without sending the person back to the bank (TrueLayer /connections/extend, UK) and
 * stores the rotated tokens; schedules paused for the consent run again. If the bank wants a new consent (EU,
 * or the consent already lapsed), the connection is marked `needs_reconsent` and the error says to reconnect.
 */
export async function extendConsent(
  deps: { db: Db; bank: Pick<TrueLayerClient, 'extendConsent'>; cipher: TokenCipher; now: () => Date },
  input: { userId: string; connectionId: string; user: ExtendConsentUser },
) {
  const { db, cipher, now } = deps;
  const connection = await db.bankConnection.findFirst({
    where: { id: input.connectionId, userId: input.userId },
    select: { refreshTokenEnc: true, providerName: true, tokenVersion: true },
  });
  if (!connection) throw new ConnectionNotFoundError(input.connectionId);
  if (!connection.refreshTokenEnc) {
    throw new ConsentExpiredError(
      `${connection.providerName} did not grant offline access to this connection: reconnect it to extend the consent.`,
    );
  }
  // Extending spends the refresh token like a refresh does: not while an import is refreshing it.
  const owner = randomUUID();
  const leased = await claimRefreshLease(db, {
    connectionId: input.connectionId,
    tokenVersion: connection.tokenVersion,
    owner,
    now: now(),
    leaseMs: 120_000,
  });
  if (!leased) throw new TokenRefreshBusyError(connection.providerName);
  let extended;
  try {
    extended = await deps.bank.extendConsent(cipher.decrypt(connection.refreshTokenEnc), input.user);
  } catch (error) {
    await releaseRefreshLease(db, input.connectionId, owner);
    if (error instanceof TrueLayerError && error.code === 'CONSENT_EXPIRED') {
      await markNeedsReconsent(db, input.connectionId);
      throw new ConsentExpiredError(
        `${connection.providerName} cannot extend this consent (it has lapsed, or the bank wants you to sign in again): reconnect ${connection.providerName} on the Banks page; your imported data stays.`,
      );
    }
    throw error;
  }
  const updated = await db.bankConnection.update({
    where: { id: input.connectionId },
    data: {
      status: 'active',
      accessTokenEnc: cipher.encrypt(extended.accessToken),
      ...(extended.refreshToken ? { refreshTokenEnc: cipher.encrypt(extended.refreshToken) } : {}),
      accessTokenExpiresAt: extended.expiresAt,
      tokenVersion: { increment: 1 },
      ...leaseEnded,
      consentExpiresAt: extended.consentExpiresAt ?? new Date(now().getTime() + consentDays * 86_400_000),
    },
    select: { id: true, consentExpiresAt: true },
  });
  const resumedSchedules = await resumeSchedulesAfterReconsent(db, input.connectionId);
  return { connectionId: updated.id, consentExpiresAt: updated.consentExpiresAt, resumedSchedules };
}
