-- AlterTable
ALTER TABLE "BankConnection" ADD COLUMN "capabilities" JSONB;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Transaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "dedupRule" TEXT NOT NULL,
    "providerTransactionId" TEXT NOT NULL,
    "normalisedProviderId" TEXT,
    "providerId" TEXT,
    "status" TEXT NOT NULL,
    "bookingDate" TEXT NOT NULL,
    "bankTimestamp" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "merchantName" TEXT,
    "providerCategory" TEXT NOT NULL,
    "providerClassification" JSONB NOT NULL,
    "category" TEXT,
    "enrichedAt" DATETIME,
    "enrichedBy" TEXT,
    "raw" JSONB NOT NULL,
    "importJobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "payee" TEXT,
    "directionRule" TEXT NOT NULL DEFAULT 'transaction_type',
    "providerMeta" JSONB,
    CONSTRAINT "Transaction_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "BankAccount" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Transaction_importJobId_fkey" FOREIGN KEY ("importJobId") REFERENCES "ImportJob" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Transaction" ("accountId", "amountMinor", "bankTimestamp", "bookingDate", "category", "createdAt", "currency", "dedupKey", "dedupRule", "description", "direction", "enrichedAt", "enrichedBy", "id", "importJobId", "merchantName", "normalisedProviderId", "providerCategory", "providerClassification", "providerId", "providerTransactionId", "raw", "status", "updatedAt") SELECT "accountId", "amountMinor", "bankTimestamp", "bookingDate", "category", "createdAt", "currency", "dedupKey", "dedupRule", "description", "direction", "enrichedAt", "enrichedBy", "id", "importJobId", "merchantName", "normalisedProviderId", "providerCategory", "providerClassification", "providerId", "providerTransactionId", "raw", "status", "updatedAt" FROM "Transaction";
DROP TABLE "Transaction";
ALTER TABLE "new_Transaction" RENAME TO "Transaction";
CREATE INDEX "Transaction_accountId_bookingDate_idx" ON "Transaction"("accountId", "bookingDate");
CREATE INDEX "Transaction_accountId_providerId_idx" ON "Transaction"("accountId", "providerId");
CREATE INDEX "Transaction_accountId_normalisedProviderId_idx" ON "Transaction"("accountId", "normalisedProviderId");
CREATE INDEX "Transaction_importJobId_idx" ON "Transaction"("importJobId");
CREATE UNIQUE INDEX "Transaction_accountId_dedupKey_key" ON "Transaction"("accountId", "dedupKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

