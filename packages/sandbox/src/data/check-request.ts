import type { Connection } from '../auth/connection-store';
import type { AccountSpec } from '../bank/account-specs';
import { describeUser } from '../bank/mock-users';
import { statusOfErrorCode } from '../error-catalogue';
import type { SandboxContext } from '../sandbox-context';
import type { DataRoute } from './data-routes';
import {
  clipToHistory,
  effectiveFrom,
  readRequestedRange,
  scaHorizon,
  type WindowSettings,
} from './date-window';

export type Rejection = { status: number; code: string; headers?: Record<string, string> };

export type Admitted = { spec: AccountSpec | null; window: { from: string; to: string } | null };

const reject = (code: string, status = statusOfErrorCode(code), headers?: Record<string, string>) => ({
  rejection: { status, code, headers },
});

/**
 * The bank-side checks for an authenticated Data call, in the order a real call meets them: the user's account
 * state, the endpoint, the account, the request itself, then the PSD2 and SCA limits.
 */
export function checkDataRequest(
  ctx: SandboxContext,
  route: DataRoute,
  connection: Connection,
  params: URLSearchParams,
  attended: boolean,
): { rejection: Rejection } | { admitted: Admitted } {
  const { errorCode } = describeUser(connection.user);
  if (errorCode) return reject(errorCode);
  if (route.kind === 'card' && ctx.options.cardless) return reject('endpoint_not_supported');

  let spec: AccountSpec | null = null;
  if (route.accountId !== null) {
    spec = ctx.bank.findSpec(connection.user, route.accountId) ?? null;
    if (!spec || spec.kind !== route.kind) return reject('account_not_found');
    const failing = ctx.faults.failingAccounts[route.accountId];
    if (failing) return reject(failing.error, failing.status);
  }

  let window: Admitted['window'] = null;
  let fromRequested: string | null = null;
  const settings: WindowSettings = {
    today: ctx.clock.today(),
    historyMonths: ctx.options.historyMonths,
    scaMaxDays: ctx.options.scaMaxDays,
    withinScaGrace:
      ctx.clock.now().getTime() - connection.authenticatedAtMs <= ctx.options.scaGraceMinutes * 60_000,
  };
  if (route.resource === 'transactions') {
    const range = readRequestedRange(params);
    if (!range) return reject('invalid_date_range');
    fromRequested = effectiveFrom(range, settings);
    window = clipToHistory(fromRequested, range.to, settings);
  }

  const limit = ctx.options.unattendedLimit;
  if (route.accountId !== null && !attended && limit !== null) {
    const admission = ctx.ledger.admit(route.accountId, ctx.clock.now().getTime(), limit);
    if (!admission.ok)
      return reject('provider_too_many_requests', 429, {
        'Retry-After': String(admission.retryAfterSeconds),
      });
  }

  if (fromRequested !== null && fromRequested < scaHorizon(settings) && !settings.withinScaGrace)
    return reject(ctx.options.scaRefusal);
  return { admitted: { spec, window } };
}
