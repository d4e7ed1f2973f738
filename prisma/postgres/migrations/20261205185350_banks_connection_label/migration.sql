-- AlterTable
ALTER TABLE "BankConnection" ADD COLUMN     "label" TEXT;

