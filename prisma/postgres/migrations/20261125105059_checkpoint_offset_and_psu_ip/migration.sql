-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "psuIp" TEXT;

-- AlterTable
ALTER TABLE "ImportProgress" ADD COLUMN     "itemsDoneInWindow" INTEGER NOT NULL DEFAULT 0;

