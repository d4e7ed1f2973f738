-- AlterTable
ALTER TABLE "User" ADD COLUMN "enrichmentMonthlyCapMicros" INTEGER;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "deferredUntil" DATETIME;
ALTER TABLE "ImportJob" ADD COLUMN "replayOfJobId" TEXT;

-- AlterTable
ALTER TABLE "ImportProgress" ADD COLUMN "deferredUntil" DATETIME;

-- AlterTable
ALTER TABLE "RawResponse" ADD COLUMN "fromDate" TEXT;
ALTER TABLE "RawResponse" ADD COLUMN "toDate" TEXT;

-- AlterTable
ALTER TABLE "MatchDecision" ADD COLUMN "resolvedAt" DATETIME;

-- CreateIndex
CREATE INDEX "ImportJob_status_deferredUntil_idx" ON "ImportJob"("status", "deferredUntil");

-- CreateIndex
CREATE INDEX "RawResponse_createdAt_idx" ON "RawResponse"("createdAt");

