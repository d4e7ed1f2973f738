import type { AccountKind, AccountProgressStatus, JobStatus } from '@app/db';
import { accountPercent, isFinalAccountStatus, jobPercent } from '@app/domain';
import type { AccountSnapshot, JobSnapshot } from './progress-event';

type ProgressRow = {
  accountId: string;
  status: AccountProgressStatus;
  fetched: number;
  synced: number;
  updated: number;
  duplicates: number;
  errors: number;
  windowsDone: number;
  windowsTotal: number;
  errorCode: string | null;
  lastError: string | null;
  deferredUntil: Date | null;
  account: { displayName: string; kind: AccountKind };
};

type JobRow = {
  id: string;
  status: JobStatus;
  startedAt: Date | null;
  errorMessage: string | null;
  deferredUntil: Date | null;
};

export function snapshotAccount(row: ProgressRow): AccountSnapshot {
  const percent = accountPercent(row.status, row.windowsDone, row.windowsTotal);
  return {
    accountId: row.accountId,
    displayName: row.account.displayName,
    kind: row.account.kind,
    status: row.status,
    fetched: row.fetched,
    synced: row.synced,
    updated: row.updated,
    duplicates: row.duplicates,
    errors: row.errors,
    windowsDone: row.windowsDone,
    windowsTotal: row.windowsTotal,
    percent,
    errorCode: row.errorCode,
    lastError: row.lastError,
    deferredUntil: row.deferredUntil?.toISOString() ?? null,
  };
}

/** The whole job as a subscriber sees it; ETA from the rate observed since the job started. */
export function snapshotJob(job: JobRow, rows: ProgressRow[], now: Date): JobSnapshot {
  const accounts = rows.map(snapshotAccount);
  const percent = jobPercent(
    job.status,
    accounts.map((a) => a.percent),
  );
  const elapsed = job.startedAt ? now.getTime() - job.startedAt.getTime() : 0;
  const etaMs =
    job.status === 'running' && percent > 0 && percent < 100
      ? Math.round((elapsed * (100 - percent)) / percent)
      : null;
  return {
    jobId: job.id,
    status: job.status,
    percent,
    accountsTotal: accounts.length,
    accountsDone: accounts.filter((a) => isFinalAccountStatus(a.status)).length,
    totals: {
      fetched: accounts.reduce((sum, a) => sum + a.fetched, 0),
      synced: accounts.reduce((sum, a) => sum + a.synced, 0),
      duplicates: accounts.reduce((sum, a) => sum + a.duplicates, 0),
      errors: accounts.reduce((sum, a) => sum + a.errors, 0),
    },
    etaMs,
    errorMessage: job.errorMessage,
    deferredUntil: job.deferredUntil?.toISOString() ?? null,
  };
}

export const progressWithAccount = {
  include: { account: { select: { displayName: true, kind: true } } },
} as const;
