// Named selects: what the API returns of each model. Tokens and other secrets are never selected.
import type { Prisma } from '@app/db';

export const accountSelect = {
  id: true,
  kind: true,
  accountType: true,
  displayName: true,
  currency: true,
  maskedNumber: true,
  lastSyncedAt: true,
} satisfies Prisma.BankAccountSelect;

/** What `connectionName` (@app/domain) needs: the person's label, else the bank's name and first account's digits. */
export const connectionNameSelect = {
  providerName: true,
  label: true,
  accounts: {
    select: { maskedNumber: true },
    where: { maskedNumber: { not: null } },
    orderBy: [{ kind: 'asc' }, { displayName: 'asc' }],
    take: 1,
  },
} satisfies Prisma.BankConnectionSelect;

export const connectionSelect = {
  id: true,
  providerId: true,
  providerName: true,
  label: true,
  status: true,
  consentGrantedAt: true,
  consentExpiresAt: true,
  capabilities: true,
  createdAt: true,
  accounts: { select: accountSelect, orderBy: [{ kind: 'asc' }, { displayName: 'asc' }] },
} satisfies Prisma.BankConnectionSelect;
export type ConnectionRow = Prisma.BankConnectionGetPayload<{ select: typeof connectionSelect }>;

export const jobSummarySelect = {
  id: true,
  jobType: true,
  status: true,
  fromDate: true,
  toDate: true,
  autoEnrich: true,
  batchSize: true,
  scheduleId: true,
  estimatedAccounts: true,
  estimatedTransactions: true,
  estimatedDurationMs: true,
  estimatedCostMicros: true,
  totalFetched: true,
  totalSynced: true,
  totalDuplicates: true,
  totalErrors: true,
  errorMessage: true,
  createdAt: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
  deferredUntil: true,
  replayOfJobId: true,
  connection: { select: { id: true, ...connectionNameSelect } },
  progress: { select: { status: true, windowsDone: true, windowsTotal: true } },
} satisfies Prisma.ImportJobSelect;
export type JobSummaryRow = Prisma.ImportJobGetPayload<{ select: typeof jobSummarySelect }>;

export const progressDetailSelect = {
  accountId: true,
  status: true,
  windowsTotal: true,
  windowsDone: true,
  itemsDoneInWindow: true,
  fetched: true,
  synced: true,
  updated: true,
  duplicates: true,
  errors: true,
  pendingReconciled: true,
  receipt: true,
  estimatedTransactions: true,
  errorCode: true,
  lastError: true,
  deferredUntil: true,
  startedAt: true,
  finishedAt: true,
  account: {
    select: { displayName: true, kind: true, accountType: true, currency: true, maskedNumber: true },
  },
} satisfies Prisma.ImportProgressSelect;

export const enrichmentJobSelect = {
  id: true,
  importJobId: true,
  status: true,
  provider: true,
  model: true,
  transactionCount: true,
  successes: true,
  failures: true,
  cacheHits: true,
  tokensIn: true,
  tokensOut: true,
  costMicros: true,
  capMicros: true,
  errorMessage: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.EnrichmentJobSelect;

export const transactionSelect = {
  id: true,
  accountId: true,
  status: true,
  bookingDate: true,
  amountMinor: true,
  currency: true,
  direction: true,
  description: true,
  merchantName: true,
  providerCategory: true,
  category: true,
  enrichedAt: true,
  // What categorised the row: "rules", "user-rule", "llm:<model>" (shown as rule, your rule, the model).
  enrichedBy: true,
  importJobId: true,
  account: {
    select: {
      displayName: true,
      kind: true,
      maskedNumber: true,
      connection: { select: connectionNameSelect },
    },
  },
} satisfies Prisma.TransactionSelect;

export const scheduleSelect = {
  id: true,
  connectionId: true,
  cadence: true,
  windowDays: true,
  accountIds: true,
  autoEnrich: true,
  batchSize: true,
  enabled: true,
  pausedReason: true,
  nextRunAt: true,
  lastRunAt: true,
  lastJobId: true,
  createdAt: true,
  connection: { select: connectionNameSelect },
} satisfies Prisma.ImportScheduleSelect;
