import { TrueLayerError, type DateRange } from '@app/truelayer';
import { addDays, todayIn } from '@app/domain';
import type { ImporterConfig } from './config';

/** Inclusive calendar dates the bank will not serve on the current consent. */
export type LockedRange = { from: string; to: string };

/** The first day a consent older than the SCA grace minutes still reaches (banks: the last 90 days). */
export function scaHorizon(config: ImporterConfig, now: Date): string {
  return addDays(todayIn(config.timeZone, now), -config.scaMaxDays);
}

/** Whether the consent is young enough for the bank to serve all the history it keeps. */
export function isConsentFresh(config: ImporterConfig, consentGrantedAt: Date, now: Date): boolean {
  return (now.getTime() - consentGrantedAt.getTime()) / 60_000 <= config.scaGraceMinutes;
}

/**
 * The part of `range` a bank will refuse on a consent given at `consentGrantedAt`: what lies before the 90-day
 * horizon once the minutes after consent have passed. Null when all of it is reachable.
 */
export function lockedPartOf(
  range: DateRange,
  consent: { grantedAt: Date },
  config: ImporterConfig,
  now: Date,
): LockedRange | null {
  if (isConsentFresh(config, consent.grantedAt, now)) return null;
  const horizon = scaHorizon(config, now);
  if (range.from >= horizon) return null;
  const lastLocked = addDays(horizon, -1);
  return { from: range.from, to: range.to < lastLocked ? range.to : lastLocked };
}

/**
 * What a run fetches: the locked range when continuing after a reconnect; otherwise the job's range less its
 * locked part (null when nothing is left, a range entirely older than the horizon).
 */
export function runRangeOf(job: {
  fromDate: string;
  toDate: string;
  lockedFromDate: string | null;
  lockedToDate: string | null;
  continuingLocked: boolean;
}): DateRange | null {
  if (job.lockedFromDate === null || job.lockedToDate === null) return { from: job.fromDate, to: job.toDate };
  if (job.continuingLocked) return { from: job.lockedFromDate, to: job.lockedToDate };
  if (job.lockedToDate >= job.toDate) return null;
  return { from: addDays(job.lockedToDate, 1), to: job.toDate };
}

/** Why the dates are locked and what one click does about it, for the job's message and the plan's warning. */
export function describeLocked(locked: LockedRange, providerName: string, config: ImporterConfig): string {
  return `History from ${locked.from} to ${locked.to} is locked: ${providerName}, like every bank under PSD2, serves history older than ${config.scaMaxDays} days only in the first ${config.scaGraceMinutes} minutes after you consent. Reconnect ${providerName} and continue: this import then fetches exactly those dates.`;
}

/**
 * The bank refusing a window that reaches before the horizon (`sca_exceeded`, or `access_denied` as live banks
 * answer) locks history; it says nothing about the consent, which still serves the last 90 days.
 */
export function isHistoryRefusal(error: unknown, window: DateRange | null, horizon: string): boolean {
  if (!(error instanceof TrueLayerError) || window === null || window.from >= horizon) return false;
  return (
    error.code === 'SCA_EXCEEDED' ||
    (error.httpStatus === 403 && (error.providerError === 'access_denied' || error.providerError === null))
  );
}

/** A bank's refusal of an old window, for the account's error: what happened, and that the consent still works. */
export function describeRefusal(window: DateRange | null, horizon: string, providerName: string): string {
  const from = window?.from ?? horizon;
  return `${providerName} refused the history from ${from} to ${addDays(horizon, -1)}: it serves history older than its last 90 days only just after you consent. The connection still works for recent dates; reconnect ${providerName} and continue to fetch these.`;
}
