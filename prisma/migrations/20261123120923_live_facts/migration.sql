-- CreateTable
CREATE TABLE "LiveFact" (
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actorKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LiveFact_pkey" PRIMARY KEY ("sessionId","seq")
);

-- CreateIndex
CREATE INDEX "LiveFact_sessionId_type_idx" ON "LiveFact"("sessionId", "type");

-- AddForeignKey
ALTER TABLE "LiveFact" ADD CONSTRAINT "LiveFact_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
