import { connectionName } from '@app/domain';
import { readCapabilities } from '@app/importer';
import type { ConnectionRow } from '../selects';

const dayMs = 86_400_000;
/** Consent this close to its end is worth a warning everywhere (web, CLI, API): imports stop the day it lapses. */
export const consentWarningDays = 7;

/** A connection as pages show it: a lapsed consent reads as `needs_reconsent` even before a bank call finds out. */
export function toConnectionView(row: ConnectionRow, now: Date) {
  const msLeft = row.consentExpiresAt.getTime() - now.getTime();
  const status = row.status === 'active' && msLeft <= 0 ? ('needs_reconsent' as const) : row.status;
  const consentDaysLeft = Math.max(0, Math.floor(msLeft / dayMs));
  return {
    ...row,
    /** The person's label, else bank name and first account's digits: two "MOCK" banks differ. */
    name: connectionName(row),
    /** What this bank offers, as its own answers showed (issue #16): "no" is a fact about the bank, not an error. */
    capabilities: readCapabilities(row.capabilities),
    status,
    consentDaysLeft,
    /** Time to reconfirm (UK: extend in place) or give a new consent. */
    consentExpiringSoon: status === 'active' && consentDaysLeft < consentWarningDays,
  };
}
