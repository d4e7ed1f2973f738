import type { Connection } from '../auth/connection-store';
import { toAccountJson, toCardJson } from '../bank/account-json';
import type { AccountSpec } from '../bank/account-specs';
import { toBalanceJson } from '../bank/balance-json';
import { listBookedTransactions, listPendingTransactions } from '../bank/list-transactions';
import { findProfile, type ProviderProfile } from '../profiles';
import { describeProfile } from '../bank/user-profile';
import type { SandboxContext } from '../sandbox-context';
import type { DataRoute } from './data-routes';

function toSpecJson(spec: AccountSpec, now: Date, profile: ProviderProfile): unknown {
  return spec.kind === 'account'
    ? toAccountJson(spec, now, profile.provider)
    : toCardJson(spec, now, profile.provider);
}

/** `/me` (IMe: client_id, credentials_id, provider), plus the consent fields TrueLayer's newer docs list. */
function describeMe(ctx: SandboxContext, connection: Connection, profile: ProviderProfile): unknown {
  const instant = (ms: number) => {
    const iso = new Date(ms).toISOString();
    return profile.quirks.zonelessTimestamps ? iso.slice(0, -1) : iso;
  };
  return {
    client_id: ctx.options.clientId,
    credentials_id: connection.credentialsId,
    consent_status: 'Authorised',
    consent_created_at: instant(connection.createdAtMs),
    consent_expires_at: instant(connection.expiresAtMs),
    provider: profile.provider,
  };
}

function describeInfo(ctx: SandboxContext, connection: Connection): unknown {
  const profile = describeProfile(ctx.options.seed, connection.user);
  return {
    full_name: profile.fullName,
    date_of_birth: profile.dateOfBirth,
    emails: [profile.email],
    phones: [profile.phone],
    addresses: [profile.address],
    update_timestamp: ctx.clock.now().toISOString(),
  };
}

/** The `results` array of an admitted request. */
export function serveRoute(
  ctx: SandboxContext,
  route: DataRoute,
  connection: Connection,
  spec: AccountSpec | null,
  window: { from: string; to: string } | null,
): unknown[] {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const profile = findProfile(connection.profile);
  const { quirks } = profile;
  if (route.resource === 'me') return [describeMe(ctx, connection, profile)];
  if (route.resource === 'info') return [describeInfo(ctx, connection)];
  if (route.resource === 'list') {
    return ctx.bank
      .specsOf(connection.user)
      .filter((candidate) => candidate.kind === route.kind)
      .map((candidate) => toSpecJson(candidate, now, profile));
  }
  if (!spec) return [];
  if (route.resource === 'item') return [toSpecJson(spec, now, profile)];
  const book = ctx.bank.bookOf(spec);
  if (route.resource === 'balance') return [toBalanceJson(book, today, now, quirks.zonelessTimestamps)];
  if (route.resource === 'pending') return listPendingTransactions(book, today, ctx.nextChurn(), quirks);
  return window
    ? listBookedTransactions(book, window.from, window.to, today, ctx.nextChurn(), quirks)
    : [];
}
