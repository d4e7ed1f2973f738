import type { Db } from '@app/db';
import { addDays, isCalendarDate, todayIn } from '@app/domain';
import { planCalls, type AccountCallPlan } from './plan-calls';
import type { ImporterConfig } from './config';
import { ConnectionNotFoundError, ConsentExpiredError, InvalidPlanError } from './errors';
import { estimateImport } from './estimate-import';
import { incrementalRange } from './incremental-range';
import { lockedPartOf } from './locked-history';
import type { EnrichmentHook } from './run-import-job';

type PlanCommon = {
  userId: string;
  connectionId: string;
  /** Bank account ids (accounts and cards); every account of the connection when omitted or empty. */
  accountIds?: string[];
  autoEnrich: boolean;
  batchSize: number;
  scheduleId?: string | null;
  /** The user's IP when they are present (their calls are attended under PSD2). */
  psuIp?: string | null;
};

/** A date range, or `incremental`: from each account's last sync (less a few days' overlap) to today. */
export type PlanImportInput = PlanCommon & {
  jobType?: 'date_range' | 'incremental' | 'scheduled';
  /** Required unless the job is incremental. */
  fromDate?: string;
  toDate?: string;
};

function rangeOf(
  input: PlanImportInput,
  accounts: { lastSyncedAt: Date | null }[],
  context: { config: ImporterConfig; now: Date },
) {
  if (input.jobType === 'incremental') return incrementalRange(accounts, context);
  if (input.fromDate === undefined || input.toDate === undefined)
    throw new InvalidPlanError('Choose the first and the last day to import.');
  return { fromDate: input.fromDate, toDate: input.toDate };
}

export type PlanWarning = {
  code: 'SCA_RANGE' | 'CONSENT_EXPIRING' | 'LONG_RANGE' | 'CALL_BUDGET';
  message: string;
};

function requireRange(fromDate: string, toDate: string, today: string, config: ImporterConfig) {
  if (!isCalendarDate(fromDate) || !isCalendarDate(toDate))
    throw new InvalidPlanError('Dates must be real calendar dates (YYYY-MM-DD).');
  if (fromDate > toDate) throw new InvalidPlanError('The start date must be on or before the end date.');
  if (toDate > today) throw new InvalidPlanError(`The end date cannot be in the future (today is ${today}).`);
  const oldest = addDays(today, -config.maxHistoryDays);
  if (fromDate < oldest)
    throw new InvalidPlanError(
      `Banks serve at most ${config.maxHistoryDays} days of history: start on or after ${oldest}.`,
    );
}

function budgetWarning(plans: AccountCallPlan[]): PlanWarning | null {
  const deferred = plans.filter((p) => p.deferredUntil !== null);
  if (deferred.length === 0) return null;
  const first = deferred.map((p) => p.deferredUntil ?? '').sort()[0] ?? '';
  return {
    code: 'CALL_BUDGET',
    message: `${deferred.length} account(s) would go over the bank's limit of unattended calls for today: they wait and run from ${first.slice(0, 16).replace('T', ' ')} UTC, when the limit frees up.`,
  };
}

/** Validates a plan against the connection, estimates it and stores the job as `planned`. */
export async function planImport(
  deps: { db: Db; config: ImporterConfig; now: () => Date; enrichment?: EnrichmentHook },
  input: PlanImportInput,
) {
  const { db, config, now } = deps;
  if (!Number.isInteger(input.batchSize) || input.batchSize < 10 || input.batchSize > 200)
    throw new InvalidPlanError('The batch size must be between 10 and 200.');
  const today = todayIn(config.timeZone, now());

  const connection = await db.bankConnection.findFirst({
    where: { id: input.connectionId, userId: input.userId },
    include: { accounts: { orderBy: [{ kind: 'asc' }, { displayName: 'asc' }] } },
  });
  if (!connection) throw new ConnectionNotFoundError(input.connectionId);
  if (connection.status !== 'active' || connection.consentExpiresAt <= now()) {
    throw new ConsentExpiredError(
      `The consent for ${connection.providerName} has expired: reconnect the bank to import.`,
    );
  }
  const wanted = input.accountIds?.length ? new Set(input.accountIds) : null;
  const accounts = wanted ? connection.accounts.filter((a) => wanted.has(a.id)) : connection.accounts;
  if (wanted && accounts.length !== wanted.size)
    throw new InvalidPlanError('Some selected accounts do not belong to this connection.');
  if (accounts.length === 0)
    throw new InvalidPlanError('This connection has no accounts or cards to import.');
  const { fromDate, toDate } = rangeOf(input, accounts, { config, now: now() });
  requireRange(fromDate, toDate, today, config);

  const warnings: PlanWarning[] = [];
  // What the bank will refuse if the import started now; the run decides again when it starts.
  const locked = lockedPartOf(
    { from: fromDate, to: toDate },
    { grantedAt: connection.consentGrantedAt },
    config,
    now(),
  );
  if (locked) {
    const firstReachable = addDays(locked.to, 1);
    const reachableNow =
      firstReachable <= toDate ? `brings ${firstReachable} to ${toDate} now and` : 'brings nothing now and';
    warnings.push({
      code: 'SCA_RANGE',
      message: `${connection.providerName} serves history older than ${config.scaMaxDays} days only in the first ${config.scaGraceMinutes} minutes after you consent, so this import ${reachableNow} ends "completed with errors" for ${locked.from} to ${locked.to}, which stay locked. Reconnect the bank and continue (one click on the import's page) to fetch exactly those dates into the same import, or reconnect first and import everything at once.`,
    });
  }
  const daysLeft = (connection.consentExpiresAt.getTime() - now().getTime()) / 86_400_000;
  if (daysLeft < 7) {
    warnings.push({
      code: 'CONSENT_EXPIRING',
      message: `The consent for ${connection.providerName} expires in ${Math.ceil(daysLeft)} days: extend it to keep importing.`,
    });
  }

  const estimate = await estimateImport(db, {
    accounts,
    fromDate,
    toDate,
    windowDays: config.windowDays,
    workers: config.workers,
  });
  const cost =
    input.autoEnrich && deps.enrichment
      ? deps.enrichment.estimate(estimate.transactions)
      : { costMicros: 0, basis: 'No enrichment.' };
  const perAccount = new Map(estimate.accounts.map((e) => [e.accountId, e]));
  const calls = await planCalls(db, config, {
    providerId: connection.providerId,
    accountIds: accounts.map((a) => a.id),
    range: { from: fromDate, to: toDate },
    today,
    attended: Boolean(input.psuIp),
    now: now(),
  });
  const callsOf = new Map(calls.map((c) => [c.accountId, c]));
  const budget = budgetWarning(calls);
  if (budget) warnings.push(budget);

  const job = await db.importJob.create({
    data: {
      userId: input.userId,
      connectionId: connection.id,
      scheduleId: input.scheduleId ?? null,
      jobType: input.jobType ?? 'date_range',
      status: 'planned',
      fromDate,
      toDate,
      autoEnrich: input.autoEnrich,
      batchSize: input.batchSize,
      psuIp: input.psuIp ?? null,
      estimatedAccounts: accounts.length,
      estimatedTransactions: estimate.transactions,
      estimatedDurationMs: estimate.durationMs,
      estimatedCostMicros: cost.costMicros,
      estimate: {
        basis: estimate.basis,
        costBasis: cost.basis,
        accounts: estimate.accounts,
        warnings,
        locked,
        calls,
      },
      progress: {
        create: accounts.map((a) => {
          const deferredUntil = callsOf.get(a.id)?.deferredUntil ?? null;
          return {
            accountId: a.id,
            estimatedTransactions: perAccount.get(a.id)?.transactions ?? 0,
            ...(deferredUntil
              ? {
                  status: 'deferred' as const,
                  deferredUntil: new Date(deferredUntil),
                  receipt: { zeroReason: 'deferred_by_call_budget' },
                }
              : {}),
          };
        }),
      },
    },
  });
  return { job, accounts, estimate, costMicros: cost.costMicros, warnings, locked, calls };
}
