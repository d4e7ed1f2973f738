-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "psuIp" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "windowsTotal" INTEGER NOT NULL DEFAULT 0,
    "windowsDone" INTEGER NOT NULL DEFAULT 0,
    "itemsDoneInWindow" INTEGER NOT NULL DEFAULT 0,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "synced" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "pendingReconciled" INTEGER NOT NULL DEFAULT 0,
    "receipt" JSONB,
    "estimatedTransactions" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "lastError" TEXT,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportProgress_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportProgress_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "BankAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ImportProgress" ("accountId", "duplicates", "errorCode", "errors", "estimatedTransactions", "fetched", "finishedAt", "id", "jobId", "lastError", "pendingReconciled", "receipt", "startedAt", "status", "synced", "updated", "updatedAt", "windowsDone", "windowsTotal") SELECT "accountId", "duplicates", "errorCode", "errors", "estimatedTransactions", "fetched", "finishedAt", "id", "jobId", "lastError", "pendingReconciled", "receipt", "startedAt", "status", "synced", "updated", "updatedAt", "windowsDone", "windowsTotal" FROM "ImportProgress";
DROP TABLE "ImportProgress";
ALTER TABLE "new_ImportProgress" RENAME TO "ImportProgress";
CREATE UNIQUE INDEX "ImportProgress_jobId_accountId_key" ON "ImportProgress"("jobId", "accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

