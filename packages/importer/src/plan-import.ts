import type { Db, JobType } from '@app/db';
import { addDays, daysBetween, isCalendarDate, todayIn } from './calendar-date';
import type { ImporterConfig } from './config';
import { ConnectionNotFoundError, ConsentExpiredError, InvalidPlanError } from './errors';
import { estimateImport } from './estimate-import';
import type { EnrichmentHook } from './run-import-job';

export type PlanImportInput = {
  userId: string;
  connectionId: string;
  fromDate: string;
  toDate: string;
  /** Bank account ids (accounts and cards); every account of the connection when omitted or empty. */
  accountIds?: string[];
  autoEnrich: boolean;
  batchSize: number;
  jobType?: JobType;
  scheduleId?: string | null;
  /** The user's IP when they are present (their calls are attended under PSD2). */
  psuIp?: string | null;
};

export type PlanWarning = { code: 'SCA_RANGE' | 'CONSENT_EXPIRING' | 'LONG_RANGE'; message: string };

/** Validates a plan against the connection, estimates it and stores the job as `planned`. */
export async function planImport(
  deps: { db: Db; config: ImporterConfig; now: () => Date; enrichment?: EnrichmentHook },
  input: PlanImportInput,
) {
  const { db, config, now } = deps;
  if (!isCalendarDate(input.fromDate) || !isCalendarDate(input.toDate)) throw new InvalidPlanError('Dates must be real calendar dates (YYYY-MM-DD).');
  if (input.fromDate > input.toDate) throw new InvalidPlanError('The start date must be on or before the end date.');
  const today = todayIn(config.timeZone, now());
  if (input.toDate > today) throw new InvalidPlanError(`The end date cannot be in the future (today is ${today}).`);
  const oldest = addDays(today, -config.maxHistoryDays);
  if (input.fromDate < oldest) throw new InvalidPlanError(`Banks serve at most ${config.maxHistoryDays} days of history: start on or after ${oldest}.`);
  if (!Number.isInteger(input.batchSize) || input.batchSize < 10 || input.batchSize > 200) throw new InvalidPlanError('The batch size must be between 10 and 200.');

  const connection = await db.bankConnection.findFirst({
    where: { id: input.connectionId, userId: input.userId },
    include: { accounts: { orderBy: [{ kind: 'asc' }, { displayName: 'asc' }] } },
  });
  if (!connection) throw new ConnectionNotFoundError(input.connectionId);
  if (connection.status !== 'active' || connection.consentExpiresAt <= now()) {
    throw new ConsentExpiredError(`The consent for ${connection.providerName} has expired: reconnect the bank to import.`);
  }
  const wanted = input.accountIds?.length ? new Set(input.accountIds) : null;
  const accounts = wanted ? connection.accounts.filter((a) => wanted.has(a.id)) : connection.accounts;
  if (wanted && accounts.length !== wanted.size) throw new InvalidPlanError('Some selected accounts do not belong to this connection.');
  if (accounts.length === 0) throw new InvalidPlanError('This connection has no accounts or cards to import.');

  const warnings: PlanWarning[] = [];
  const consentAgeMinutes = daysBetween(connection.consentGrantedAt, now()) * 24 * 60;
  if (input.fromDate < addDays(today, -config.scaMaxDays) && consentAgeMinutes > config.scaGraceMinutes) {
    warnings.push({
      code: 'SCA_RANGE',
      message: `Banks only serve history older than ${config.scaMaxDays} days in the first ${config.scaGraceMinutes} minutes after you consent. Reconnect the bank just before importing from ${input.fromDate}, or start on or after ${addDays(today, -config.scaMaxDays)}.`,
    });
  }
  const daysLeft = daysBetween(now(), connection.consentExpiresAt);
  if (daysLeft < 7) {
    warnings.push({ code: 'CONSENT_EXPIRING', message: `The consent for ${connection.providerName} expires in ${Math.ceil(daysLeft)} days: extend it to keep importing.` });
  }

  const estimate = await estimateImport(db, { accounts, fromDate: input.fromDate, toDate: input.toDate, windowDays: config.windowDays, workers: config.workers });
  const cost = input.autoEnrich && deps.enrichment ? deps.enrichment.estimate(estimate.transactions) : { costMicros: 0, basis: 'No enrichment.' };
  const perAccount = new Map(estimate.accounts.map((e) => [e.accountId, e]));

  const job = await db.importJob.create({
    data: {
      userId: input.userId,
      connectionId: connection.id,
      scheduleId: input.scheduleId ?? null,
      jobType: input.jobType ?? 'date_range',
      status: 'planned',
      fromDate: input.fromDate,
      toDate: input.toDate,
      autoEnrich: input.autoEnrich,
      batchSize: input.batchSize,
      psuIp: input.psuIp ?? null,
      estimatedAccounts: accounts.length,
      estimatedTransactions: estimate.transactions,
      estimatedDurationMs: estimate.durationMs,
      estimatedCostMicros: cost.costMicros,
      estimate: { basis: estimate.basis, costBasis: cost.basis, accounts: estimate.accounts, warnings },
      progress: { create: accounts.map((a) => ({ accountId: a.id, estimatedTransactions: perAccount.get(a.id)?.transactions ?? 0 })) },
    },
  });
  return { job, accounts, estimate, costMicros: cost.costMicros, warnings };
}
