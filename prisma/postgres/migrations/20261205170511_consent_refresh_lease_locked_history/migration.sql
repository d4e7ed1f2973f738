-- AlterTable
ALTER TABLE "BankConnection" ADD COLUMN     "refreshLeaseOwner" TEXT,
ADD COLUMN     "refreshLeaseUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "continuingLocked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lockedFromDate" TEXT,
ADD COLUMN     "lockedToDate" TEXT;

