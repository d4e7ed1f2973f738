import type { ExtendConsentUser, TrueLayerClient } from '@app/truelayer';
import { mapBankErrors } from './bank-errors';
import { attributeEnrichment } from './attribute-enrichment';
import type { BankClient } from './bank-client';
import { describeCallBudgets } from './call-budget';
import {
  cancelImport,
  deleteImport,
  pauseImport,
  resumeImport,
  startImport,
  type JobTransport,
} from './control-job';
import { continueLockedImport } from './continue-locked-import';
import { extendConsent } from './extend-consent';
import { historyReach } from './locked-history';
import { planFullHistory } from './plan-full-history';
import { resolveMatch, undoMatch } from './matches/resolve-match';
import { completeOAuth, startOAuth } from './oauth-round-trip';
import { planImport, type PlanImportInput } from './plan-import';
import { planReplay } from './plan-replay';
import { refreshAccounts } from './refresh-accounts';
import type { ImporterDeps } from './run-import-job';

/** What the facade needs of the TrueLayer client besides what a run needs: the OAuth link, code and extension. */
export type ImporterBank = BankClient & Pick<TrueLayerClient, 'authLink' | 'exchangeCode' | 'extendConsent'>;

export type ImporterFacadeDeps = ImporterDeps & {
  bank: ImporterBank;
  /** Where started jobs go: the in-process runner (embedded) or the queue (scaled). */
  transport: JobTransport;
};

/**
 * Everything a person can ask of the importer, in one place: connect a bank, plan, start and control imports,
 * replay them, answer matches, enrich again. Callers (the API) never see the bank client: every bank failure
 * leaves here as one of the importer's own errors (bank-errors.ts). `deps` is read on every call, so a test may
 * swap a part (the enrichment hook) after creation.
 */
export function createImporter(deps: ImporterFacadeDeps) {
  const controls = () => ({
    db: deps.db,
    progress: deps.progress,
    transport: deps.transport,
    now: deps.now,
  });
  return {
    /** A consent link for the bank, with a single-use state tied to the user. */
    authLink: (input: { userId: string; providerId?: string }) =>
      mapBankErrors(() => startOAuth(deps, input)),

    /** The OAuth callback: the code exchanged and the connection stored with its accounts; returns its id. */
    connect: (input: { userId: string; code: string; state: string; psuIp?: string | null }) =>
      mapBankErrors(() => completeOAuth(deps, input)),

    /** Asks the bank for the connection's accounts and cards again (new ones added, names updated). */
    refreshAccounts: (connectionId: string, options: { psuIp?: string } = {}) =>
      mapBankErrors(() => refreshAccounts(deps, connectionId, options)),

    /** UK: the consent extended in place, without sending the person back to the bank. */
    extendConsent: (input: { userId: string; connectionId: string; user: ExtendConsentUser }) =>
      mapBankErrors(() => extendConsent(deps, input)),

    /** Validates and estimates an import and stores it as a planned job. */
    plan: (input: PlanImportInput) => planImport(deps, input),

    start: (userId: string, jobId: string) => startImport(controls(), userId, jobId),
    pause: (userId: string, jobId: string) => pauseImport(controls(), userId, jobId),
    resume: (userId: string, jobId: string) => resumeImport(controls(), userId, jobId),
    cancel: (userId: string, jobId: string) => cancelImport(controls(), userId, jobId),
    /** Deletes a job that is not running; its transactions stay. */
    delete: (userId: string, jobId: string) => deleteImport(controls(), userId, jobId),

    /**
     * Right after a connect: plans and starts the import of all the history the bank keeps (up to
     * maxHistoryDays), while the minutes after consent let the bank serve it. Returns the plan.
     */
    async importFullHistory(input: { userId: string; connectionId: string; psuIp?: string | null }) {
      const planned = await planFullHistory(deps, input);
      await startImport(controls(), input.userId, planned.job.id);
      return planned;
    },

    /** After a reconnect: the job fetches exactly its locked dates, into the same receipt. */
    continueLocked: (userId: string, jobId: string) =>
      continueLockedImport({ ...controls(), config: deps.config }, userId, jobId),

    /** What a consent given at `consentGrantedAt` reaches now (full history until when, else from which day). */
    historyReach: (consentGrantedAt: Date) => historyReach(deps.config, consentGrantedAt, deps.now()),

    /** Plans a replay of a finished job from its raw archive and starts it; returns the replay's id. */
    async replay(userId: string, jobId: string) {
      const replay = await planReplay(deps.db, { userId, jobId });
      await startImport(controls(), userId, replay.id);
      return replay.id;
    },

    /** The unattended-call budget of each account as it stands at `now`. */
    callBudgets: (input: { providerId: string; accountIds: string[]; now: Date }) =>
      describeCallBudgets(deps.db, deps.config, input),

    undoMatch: (input: { userId: string; decisionId: string }) =>
      undoMatch(deps.db, { ...input, now: deps.now() }),
    resolveMatch: (input: { userId: string; decisionId: string; choice: 'keep_both' | 'merge' }) =>
      resolveMatch(deps.db, { ...input, now: deps.now() }),

    /**
     * Enriches these imports again (only what is still unenriched) and updates their receipts, e.g. after the
     * monthly cap was raised. Returns how many were enriched; none without an enrichment hook.
     */
    async enrichAgain(userId: string, importJobIds: string[]) {
      const { enrichment } = deps;
      if (!enrichment) return 0;
      for (const importJobId of importJobIds) {
        await enrichment.enrichImport({ userId, importJobId });
        await attributeEnrichment(deps.db, importJobId);
      }
      return importJobIds.length;
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;
