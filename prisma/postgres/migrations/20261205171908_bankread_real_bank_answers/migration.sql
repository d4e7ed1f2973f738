-- AlterTable
ALTER TABLE "BankConnection" ADD COLUMN     "capabilities" JSONB;

-- AlterTable
ALTER TABLE "Transaction" ADD COLUMN     "directionRule" TEXT NOT NULL DEFAULT 'transaction_type',
ADD COLUMN     "payee" TEXT,
ADD COLUMN     "providerMeta" JSONB;

