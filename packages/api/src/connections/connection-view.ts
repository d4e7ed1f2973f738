import type { ConnectionRow } from '../selects';

const dayMs = 86_400_000;

/** A connection as pages show it: a lapsed consent reads as `needs_reconsent` even before a bank call finds out. */
export function toConnectionView(row: ConnectionRow, now: Date) {
  const msLeft = row.consentExpiresAt.getTime() - now.getTime();
  return {
    ...row,
    status: row.status === 'active' && msLeft <= 0 ? ('needs_reconsent' as const) : row.status,
    consentDaysLeft: Math.max(0, Math.floor(msLeft / dayMs)),
  };
}
