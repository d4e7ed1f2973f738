-- AlterTable
ALTER TABLE "BankConnection" ADD COLUMN "refreshLeaseOwner" TEXT;
ALTER TABLE "BankConnection" ADD COLUMN "refreshLeaseUntil" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "scheduleId" TEXT,
    "jobType" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "autoEnrich" BOOLEAN NOT NULL DEFAULT false,
    "batchSize" INTEGER NOT NULL DEFAULT 50,
    "psuIp" TEXT,
    "estimatedAccounts" INTEGER NOT NULL DEFAULT 0,
    "estimatedTransactions" INTEGER NOT NULL DEFAULT 0,
    "estimatedDurationMs" INTEGER NOT NULL DEFAULT 0,
    "estimatedCostMicros" INTEGER NOT NULL DEFAULT 0,
    "estimate" JSONB,
    "totalFetched" INTEGER NOT NULL DEFAULT 0,
    "totalSynced" INTEGER NOT NULL DEFAULT 0,
    "totalDuplicates" INTEGER NOT NULL DEFAULT 0,
    "totalErrors" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "requestedAction" TEXT,
    "lastEventSeq" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "deferredUntil" DATETIME,
    "replayOfJobId" TEXT,
    "lockedFromDate" TEXT,
    "lockedToDate" TEXT,
    "continuingLocked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportJob_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "BankConnection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportJob_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "ImportSchedule" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ImportJob" ("autoEnrich", "batchSize", "connectionId", "createdAt", "deferredUntil", "errorMessage", "estimate", "estimatedAccounts", "estimatedCostMicros", "estimatedDurationMs", "estimatedTransactions", "finishedAt", "fromDate", "id", "jobType", "lastEventSeq", "leaseExpiresAt", "leaseOwner", "psuIp", "queuedAt", "replayOfJobId", "requestedAction", "scheduleId", "startedAt", "status", "toDate", "totalDuplicates", "totalErrors", "totalFetched", "totalSynced", "updatedAt", "userId") SELECT "autoEnrich", "batchSize", "connectionId", "createdAt", "deferredUntil", "errorMessage", "estimate", "estimatedAccounts", "estimatedCostMicros", "estimatedDurationMs", "estimatedTransactions", "finishedAt", "fromDate", "id", "jobType", "lastEventSeq", "leaseExpiresAt", "leaseOwner", "psuIp", "queuedAt", "replayOfJobId", "requestedAction", "scheduleId", "startedAt", "status", "toDate", "totalDuplicates", "totalErrors", "totalFetched", "totalSynced", "updatedAt", "userId" FROM "ImportJob";
DROP TABLE "ImportJob";
ALTER TABLE "new_ImportJob" RENAME TO "ImportJob";
CREATE INDEX "ImportJob_userId_createdAt_idx" ON "ImportJob"("userId", "createdAt");
CREATE INDEX "ImportJob_status_idx" ON "ImportJob"("status");
CREATE INDEX "ImportJob_status_deferredUntil_idx" ON "ImportJob"("status", "deferredUntil");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

