export { importerConfigSchema, type ImporterConfig } from './config';
export { connectBank } from './connect-bank';
export { createImporter, type Importer, type ImporterBank, type ImporterFacadeDeps } from './importer';
export {
  BankAccessRefusedError,
  BankRateLimitedError,
  BankRequestFailedError,
  toBankError,
} from './bank-errors';
export { continueLockedImport } from './continue-locked-import';
export { isConsentFresh, lockedPartOf, scaHorizon, type LockedRange } from './locked-history';
export { createConnectionTokens } from './connection-tokens';
export {
  cancelImport,
  deleteImport,
  pauseImport,
  resumeImport,
  startImport,
  type JobTransport,
} from './control-job';
export { assignDedupKeys, type DedupRule, type KeyedTransaction } from './dedup-key';
export * from './errors';
export { listEventsSince } from './event-journal';
export type { ImportObserver } from './import-observer';
export { createJobRunner, type JobRunner } from './job-runner';
export { progressWithAccount, snapshotJob } from './job-snapshot';
export { silentLogger, type Logger } from './logger';
export { planImport, type PlanImportInput, type PlanWarning } from './plan-import';
export { planReplay } from './plan-replay';
export type { AccountCallPlan } from './plan-calls';
export type { AccountOutcome } from './sync-account';
export {
  isTerminal,
  terminalStatuses,
  type AccountSnapshot,
  type JobSnapshot,
  type ProgressEvent,
} from './progress-event';
export { createInProcessProgressPort, type ProgressPort } from './progress-port';
export { readReceipt, receiptTotal, type AccountReceipt, type ZeroReason } from './receipt';
export { refreshAccounts } from './refresh-accounts';
export type { RequestLimiter } from './request-limiter';
export { runImportJob, type EnrichmentHook, type ImporterDeps } from './run-import-job';
export { createScheduler, nextRunAfter, runDueSchedules, runSchedulerTick } from './schedules';
export { markNeedsReconsent, reconsentReason, resumeSchedulesAfterReconsent } from './consent';
export { resumeDeferredJobs } from './deferred-jobs';
export { describeCallBudgets, type CallBudget } from './call-budget';
export { extendConsent } from './extend-consent';
export { purgeRawArchive } from './raw-archive';
export { attributeEnrichment } from './attribute-enrichment';
export { listJobMatches } from './matches/list-matches';
export { resolveMatch, undoMatch } from './matches/resolve-match';
export type { BankClient } from './bank-client';
export { abandonedPlanMs, discardAbandonedPlans } from './abandoned-plans';
