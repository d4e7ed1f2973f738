import { ConsentExpiredError, resumeSchedulesAfterReconsent } from '@app/importer';
import { TrueLayerError } from '@app/truelayer';
import type { Context } from '../context';
import type { SessionUser } from '../auth/session';
import { requireConnection } from './require-connection';

/** Without a fresh date from the bank, a reconfirmed consent lasts this long (TrueLayer, UK). */
const consentDays = 90;

/**
 * Reconfirms the consent without sending the user back to the bank (TrueLayer /connections/extend) and stores
 * the rotated tokens; schedules paused for the lapsed consent run again. If the bank wants the user to sign in
 * again, the connection is marked `needs_reconsent`.
 */
export async function extendConnectionConsent(ctx: Context, user: SessionUser, connectionId: string) {
  const { db, bank, cipher, now } = ctx.services;
  await requireConnection(db, user.id, connectionId);
  const connection = await db.bankConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { refreshTokenEnc: true },
  });
  if (!connection.refreshTokenEnc) {
    throw new ConsentExpiredError(
      'The bank did not grant offline access to this connection: reconnect the bank to extend it.',
    );
  }
  let extended;
  try {
    extended = await bank.extendConsent(cipher.decrypt(connection.refreshTokenEnc), {
      id: user.id,
      name: user.name ?? user.email,
      email: user.email,
    });
  } catch (error) {
    if (error instanceof TrueLayerError && error.code === 'CONSENT_EXPIRED') {
      await db.bankConnection.update({ where: { id: connectionId }, data: { status: 'needs_reconsent' } });
    }
    throw error;
  }
  await db.bankConnection.update({
    where: { id: connectionId },
    data: {
      status: 'active',
      accessTokenEnc: cipher.encrypt(extended.accessToken),
      ...(extended.refreshToken ? { refreshTokenEnc: cipher.encrypt(extended.refreshToken) } : {}),
      accessTokenExpiresAt: extended.expiresAt,
      tokenVersion: { increment: 1 },
      consentExpiresAt: extended.consentExpiresAt ?? new Date(now().getTime() + consentDays * 86_400_000),
    },
  });
  await resumeSchedulesAfterReconsent(db, connectionId);
}
