import type { Db } from '@app/db';

/**
 * Refresh tokens rotate: the bank accepts each one once. Whoever refreshes a connection's tokens first claims
 * this lease on the connection's row, for the token version it read, so one process at a time (in any mode: the
 * row is where every process already reads the tokens) spends the refresh token. The lease lapses on its own if
 * its holder dies. See docs/decisions/006-refresh-and-locked-history.md.
 */
export async function claimRefreshLease(
  db: Db,
  lease: { connectionId: string; tokenVersion: number; owner: string; now: Date; leaseMs: number },
): Promise<boolean> {
  const { count } = await db.bankConnection.updateMany({
    where: {
      id: lease.connectionId,
      tokenVersion: lease.tokenVersion,
      OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lte: lease.now } }],
    },
    data: {
      refreshLeaseOwner: lease.owner,
      refreshLeaseUntil: new Date(lease.now.getTime() + lease.leaseMs),
    },
  });
  return count === 1;
}

/** Gives the lease back without new tokens (the refresh failed), so a waiting process may try at once. */
export async function releaseRefreshLease(db: Db, connectionId: string, owner: string): Promise<void> {
  await db.bankConnection.updateMany({
    where: { id: connectionId, refreshLeaseOwner: owner },
    data: { refreshLeaseOwner: null, refreshLeaseUntil: null },
  });
}

/** The fields that store new tokens also end the lease. */
export const leaseEnded = { refreshLeaseOwner: null, refreshLeaseUntil: null } as const;
