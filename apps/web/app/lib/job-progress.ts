import { accountPercent } from '@app/domain';
import type { JobDetail } from './api-types';
import type { ProgressState } from './progress-state';

/** The job page's starting point for the progress display: the stored snapshot, resumed after its last event. */
export function progressFromDetail(detail: JobDetail): ProgressState {
  return {
    job: detail.snapshot,
    accounts: detail.accounts.map((p) => ({
      accountId: p.accountId,
      displayName: p.account.displayName,
      kind: p.account.kind,
      status: p.status,
      fetched: p.fetched,
      synced: p.synced,
      updated: p.updated,
      duplicates: p.duplicates,
      errors: p.errors,
      windowsDone: p.windowsDone,
      windowsTotal: p.windowsTotal,
      percent: accountPercent(p.status, p.windowsDone, p.windowsTotal),
      errorCode: p.errorCode,
      lastError: p.lastError,
      deferredUntil: p.deferredUntil ? new Date(p.deferredUntil).toISOString() : null,
    })),
    finished: detail.job.finishedAt !== null,
    lastEventId: detail.job.lastEventSeq > 0 ? String(detail.job.lastEventSeq) : null,
    etaMs: detail.snapshot.etaMs,
    lastEventAt: null,
  };
}
