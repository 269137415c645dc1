-- CreateEnum
CREATE TYPE "DeckSourceKind" AS ENUM ('pdf', 'pptx', 'odp');

-- CreateEnum
CREATE TYPE "DeckStatus" AS ENUM ('queued', 'converting', 'ready', 'failed');

-- CreateTable
CREATE TABLE "Deck" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sourceKind" "DeckSourceKind" NOT NULL,
    "size" INTEGER NOT NULL,
    "status" "DeckStatus" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "pageCount" INTEGER,
    "pageWidth" INTEGER,
    "pageHeight" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorParams" JSONB,
    "notes" JSONB,
    "storagePrefix" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Deck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Deck_sessionId_position_idx" ON "Deck"("sessionId", "position");

-- CreateIndex
CREATE INDEX "Deck_status_idx" ON "Deck"("status");

-- AddForeignKey
ALTER TABLE "Deck" ADD CONSTRAINT "Deck_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
