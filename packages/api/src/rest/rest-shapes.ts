import type { RouterOutputs } from '../root';

// The JSON shapes of the Phase-1 Flask endpoints (seed: "Backend API Endpoints"), built from router outputs.
// Ids are strings now (they were integers); money is dollars as before, durations seconds.

export function toRestPlan(plan: RouterOutputs['importPlan']) {
  return {
    job_id: plan.jobId,
    status: plan.status,
    estimated_accounts: plan.estimate.accounts,
    estimated_transactions: plan.estimate.transactions,
    estimated_duration_seconds: Math.ceil(plan.estimate.durationMs / 1000),
    estimated_cost: plan.estimate.costMicros / 1_000_000,
    date_range: { from_date: plan.dateRange.from, to_date: plan.dateRange.to, days: plan.dateRange.days },
    accounts: plan.accounts.map((a) => ({
      account_id: a.id,
      display_name: a.displayName,
      kind: a.kind,
      account_type: a.accountType,
      currency: a.currency,
      estimated_transactions: a.estimatedTransactions,
    })),
    auto_enrich: plan.autoEnrich,
    batch_size: plan.batchSize,
    warnings: plan.estimate.warnings,
    // the 90-day rule, before the import starts: dates the bank will not serve on this consent (SCA_RANGE says why)
    locked_range: plan.locked ? { from_date: plan.locked.from, to_date: plan.locked.to } : null,
  };
}

export function toRestStart(started: RouterOutputs['importStart']) {
  return {
    job_id: started.jobId,
    status: started.status,
    status_url: `/api/truelayer/import/status/${encodeURIComponent(started.jobId)}`,
  };
}

export function toRestStatus(detail: RouterOutputs['importJob'], now: Date) {
  const { snapshot } = detail;
  return {
    job_id: detail.job.id,
    status: detail.job.status,
    progress: {
      completed_accounts: snapshot.accountsDone,
      total_accounts: snapshot.accountsTotal,
      percent: snapshot.percent,
    },
    accounts: detail.accounts.map((a) => ({
      account_id: a.accountId,
      display_name: a.account.displayName,
      kind: a.account.kind,
      status: a.status,
      synced: a.synced,
      duplicates: a.duplicates,
      errors: a.errors,
      fetched: a.fetched,
      error: a.lastError,
    })),
    estimated_completion:
      snapshot.etaMs === null ? null : new Date(now.getTime() + snapshot.etaMs).toISOString(),
    total_so_far: {
      synced: snapshot.totals.synced,
      duplicates: snapshot.totals.duplicates,
      errors: snapshot.totals.errors,
    },
  };
}

export function toRestHistory(userId: string | null, history: RouterOutputs['importHistory']) {
  return {
    user_id: userId,
    imports: history.items.map((job) => ({
      job_id: job.id,
      job_type: job.jobType,
      status: job.status,
      date_range: { from_date: job.fromDate, to_date: job.toDate },
      accounts_synced: job.accountsCompleted,
      total_accounts: job.accountsTotal,
      transactions_imported: job.totalSynced,
      duplicates: job.totalDuplicates,
      errors: job.totalErrors,
      estimated_transactions: job.estimatedTransactions,
      connection: job.connection.providerName,
      created_at: job.createdAt.toISOString(),
      started_at: job.startedAt?.toISOString() ?? null,
      finished_at: job.finishedAt?.toISOString() ?? null,
    })),
    next_cursor: history.nextCursor,
  };
}
