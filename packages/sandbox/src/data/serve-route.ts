import type { Connection } from '../auth/connection-store';
import { toAccountJson, toCardJson } from '../bank/account-json';
import type { AccountSpec } from '../bank/account-specs';
import { toBalanceJson } from '../bank/balance-json';
import { listBookedTransactions, listPendingTransactions } from '../bank/list-transactions';
import { MOCK_PROVIDER } from '../bank/mock-provider';
import { describeProfile } from '../bank/user-profile';
import type { SandboxContext } from '../sandbox-context';
import type { DataRoute } from './data-routes';

function toSpecJson(spec: AccountSpec, now: Date): unknown {
  return spec.kind === 'account' ? toAccountJson(spec, now) : toCardJson(spec, now);
}

function describeMe(ctx: SandboxContext, connection: Connection): unknown {
  return {
    client_id: ctx.options.clientId,
    credentials_id: connection.credentialsId,
    consent_status: 'Authorised',
    consent_created_at: new Date(connection.createdAtMs).toISOString(),
    consent_expires_at: new Date(connection.expiresAtMs).toISOString(),
    provider: MOCK_PROVIDER,
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
  if (route.resource === 'me') return [describeMe(ctx, connection)];
  if (route.resource === 'info') return [describeInfo(ctx, connection)];
  if (route.resource === 'list') {
    return ctx.bank
      .specsOf(connection.user)
      .filter((candidate) => candidate.kind === route.kind)
      .map((candidate) => toSpecJson(candidate, now));
  }
  if (!spec) return [];
  if (route.resource === 'item') return [toSpecJson(spec, now)];
  const book = ctx.bank.bookOf(spec);
  if (route.resource === 'balance') return [toBalanceJson(book, today, now)];
  if (route.resource === 'pending') return listPendingTransactions(book, today, ctx.nextChurn());
  return window ? listBookedTransactions(book, window.from, window.to, today, ctx.nextChurn()) : [];
}
