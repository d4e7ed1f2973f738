import { discardAbandonedPlans } from './abandoned-plans';
import type { Cadence, Db } from '@app/db';
import { addDays, todayIn } from '@app/domain';
import { startImport, type JobTransport } from './control-job';
import { planImport } from './plan-import';
import { markNeedsReconsent } from './consent';
import { accountsWaitingForBudget, resumeDeferredJobs } from './deferred-jobs';
import { purgeRawArchive } from './raw-archive';
import type { ImporterDeps } from './run-import-job';

/** The next run after `previous` for a cadence; months keep the day, clamped to the month's end. */
export function nextRunAfter(cadence: Cadence, previous: Date): Date {
  const next = new Date(previous);
  if (cadence === 'daily') next.setUTCDate(next.getUTCDate() + 1);
  else if (cadence === 'weekly') next.setUTCDate(next.getUTCDate() + 7);
  else {
    const day = next.getUTCDate();
    next.setUTCDate(1);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
    next.setUTCDate(Math.min(day, lastDay));
  }
  return next;
}

/** After downtime a schedule runs once, not once per missed period: step past now. */
function nextRunAfterNow(cadence: Cadence, previous: Date, now: Date): Date {
  let next = nextRunAfter(cadence, previous);
  while (next <= now) next = nextRunAfter(cadence, next);
  return next;
}

/** The accounts a schedule names (none: every account of its connection). */
async function scheduledAccounts(
  db: Db,
  schedule: { connectionId: string; accountIds: unknown },
): Promise<string[]> {
  const named = Array.isArray(schedule.accountIds)
    ? schedule.accountIds.filter((id): id is string => typeof id === 'string')
    : [];
  if (named.length > 0) return named;
  const all = await db.bankAccount.findMany({
    where: { connectionId: schedule.connectionId },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return all.map((a) => a.id);
}

/**
 * Starts every due schedule exactly once per period, however many processes call this at once: a schedule is
 * claimed by moving its `nextRunAt` forward only if it still holds the value we read (compare-and-swap).
 * A schedule whose connection needs a new consent is paused with that reason instead of failing every period.
 * Runs fit the bank's unattended budget: the plan defers what does not fit, and an account already waiting in
 * a deferred job is left to it, so deferred work never piles up however often a schedule fires.
 */
export async function runDueSchedules(deps: ImporterDeps & { transport: JobTransport }): Promise<string[]> {
  const { db, now } = deps;
  const at = now();
  const due = await db.importSchedule.findMany({
    where: { enabled: true, nextRunAt: { lte: at } },
    include: { connection: true },
  });
  const started: string[] = [];
  for (const schedule of due) {
    const { count } = await db.importSchedule.updateMany({
      where: { id: schedule.id, nextRunAt: schedule.nextRunAt, enabled: true },
      data: { nextRunAt: nextRunAfterNow(schedule.cadence, schedule.nextRunAt, at), lastRunAt: at },
    });
    if (count === 0) continue; // another process claimed this period
    if (schedule.connection.status !== 'active' || schedule.connection.consentExpiresAt <= at) {
      await markNeedsReconsent(db, schedule.connectionId);
      deps.logger.warn({ scheduleId: schedule.id }, 'schedule paused: the bank consent needs renewing');
      continue;
    }
    const wanted = await scheduledAccounts(db, schedule);
    const waiting = await accountsWaitingForBudget(db, wanted);
    const accountIds = wanted.filter((id) => !waiting.has(id));
    if (accountIds.length === 0) {
      deps.logger.info(
        { scheduleId: schedule.id },
        'schedule run skipped: its accounts already wait for the bank budget',
      );
      continue;
    }
    const today = todayIn(deps.config.timeZone, at);
    const { job } = await planImport(deps, {
      userId: schedule.userId,
      connectionId: schedule.connectionId,
      fromDate: addDays(today, -(schedule.windowDays - 1)),
      toDate: today,
      accountIds,
      autoEnrich: schedule.autoEnrich,
      batchSize: schedule.batchSize,
      jobType: 'scheduled',
      scheduleId: schedule.id,
      psuIp: null, // nobody is present: these calls count against the bank's unattended budget
    });
    await startImport(deps, schedule.userId, job.id);
    await db.importSchedule.update({ where: { id: schedule.id }, data: { lastJobId: job.id } });
    started.push(job.id);
  }
  return started;
}

/** One scheduler pass: due schedules, deferred jobs whose budget came back, and the raw archive's retention. */
export async function runSchedulerTick(deps: ImporterDeps & { transport: JobTransport }): Promise<void> {
  await resumeDeferredJobs(deps);
  await runDueSchedules(deps);
  const purged = await purgeRawArchive(deps.db, { now: deps.now(), days: deps.config.rawArchiveDays });
  if (purged > 0) deps.logger.info({ responses: purged }, 'raw bank responses past retention removed');
  const discarded = await discardAbandonedPlans(deps.db, deps.now());
  if (discarded > 0) deps.logger.info({ jobs: discarded }, 'plans not started within a day discarded');
}

/** Runs the scheduler pass on a timer (both modes: the compare-and-swaps make concurrent schedulers safe). */
export function createScheduler(
  deps: ImporterDeps & { transport: JobTransport },
  options: { intervalMs?: number } = {},
) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = runSchedulerTick(deps).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'schedule check failed'),
    );
  }, options.intervalMs ?? 30_000);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
