-- AlterTable
ALTER TABLE "LiveFact" ADD COLUMN     "commandId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
