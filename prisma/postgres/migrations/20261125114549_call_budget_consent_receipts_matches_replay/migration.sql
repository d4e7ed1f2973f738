-- AlterEnum
ALTER TYPE "JobType" ADD VALUE 'replay';

-- AlterEnum
ALTER TYPE "JobStatus" ADD VALUE 'deferred';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "enrichmentMonthlyCapMicros" INTEGER;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "deferredUntil" TIMESTAMP(3),
ADD COLUMN     "replayOfJobId" TEXT;

-- AlterTable
ALTER TABLE "ImportProgress" ADD COLUMN     "deferredUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RawResponse" ADD COLUMN     "fromDate" TEXT,
ADD COLUMN     "toDate" TEXT;

-- AlterTable
ALTER TABLE "MatchDecision" ADD COLUMN     "resolvedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ImportJob_status_deferredUntil_idx" ON "ImportJob"("status", "deferredUntil");

-- CreateIndex
CREATE INDEX "RawResponse_createdAt_idx" ON "RawResponse"("createdAt");

