-- CreateEnum
CREATE TYPE "CheckInMethod" AS ENUM ('code', 'roster');

-- CreateEnum
CREATE TYPE "ExcuseReason" AS ENUM ('illness', 'maternity', 'duty', 'other');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('present_online', 'present_site', 'late', 'left_early', 'excused', 'absent');

-- CreateTable
CREATE TABLE "PresenceInterval" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "participantKey" TEXT NOT NULL,
    "memberId" TEXT,
    "siteId" TEXT,
    "name" TEXT,
    "source" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "endReason" TEXT,

    CONSTRAINT "PresenceInterval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteCheckIn" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "leftAt" TIMESTAMPTZ(3),
    "method" "CheckInMethod" NOT NULL,
    "recordedById" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceExcuse" (
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "reason" "ExcuseReason" NOT NULL,
    "note" TEXT,
    "markedById" TEXT,
    "markedBy" TEXT NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AttendanceExcuse_pkey" PRIMARY KEY ("sessionId","memberId")
);

-- CreateTable
CREATE TABLE "SiteGuestCount" (
    "sessionId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "note" TEXT,
    "updatedById" TEXT,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiteGuestCount_pkey" PRIMARY KEY ("sessionId","siteId")
);

-- CreateTable
CREATE TABLE "AttendanceSnapshot" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "closedAt" TIMESTAMPTZ(3) NOT NULL,
    "frozenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" JSONB NOT NULL,

    CONSTRAINT "AttendanceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceResult" (
    "snapshotId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "unitName" TEXT NOT NULL,
    "unitPath" TEXT NOT NULL,
    "memberStatus" "MemberStatus" NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "required" BOOLEAN NOT NULL,
    "attendedMs" INTEGER NOT NULL,
    "expectedMs" INTEGER NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "firstJoinAt" TIMESTAMPTZ(3),
    "lastLeaveAt" TIMESTAMPTZ(3),
    "where" TEXT,
    "siteId" TEXT,
    "siteName" TEXT,
    "onlineMs" INTEGER NOT NULL,
    "siteMs" INTEGER NOT NULL,
    "late" BOOLEAN NOT NULL,
    "lateMinutes" INTEGER NOT NULL,
    "leftEarly" BOOLEAN NOT NULL,
    "leftEarlyMinutes" INTEGER NOT NULL,
    "excuseReason" "ExcuseReason",
    "excuseNote" TEXT,
    "excuseBy" TEXT,
    "excuseAt" TIMESTAMPTZ(3),

    CONSTRAINT "AttendanceResult_pkey" PRIMARY KEY ("snapshotId","memberId")
);

-- CreateIndex
CREATE INDEX "PresenceInterval_sessionId_memberId_idx" ON "PresenceInterval"("sessionId", "memberId");

-- CreateIndex
CREATE INDEX "PresenceInterval_sessionId_siteId_idx" ON "PresenceInterval"("sessionId", "siteId");

-- CreateIndex
CREATE INDEX "PresenceInterval_endedAt_lastSeenAt_idx" ON "PresenceInterval"("endedAt", "lastSeenAt");

-- CreateIndex
CREATE INDEX "SiteCheckIn_sessionId_memberId_idx" ON "SiteCheckIn"("sessionId", "memberId");

-- CreateIndex
CREATE INDEX "SiteCheckIn_sessionId_siteId_idx" ON "SiteCheckIn"("sessionId", "siteId");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceSnapshot_sessionId_closedAt_key" ON "AttendanceSnapshot"("sessionId", "closedAt");

-- CreateIndex
CREATE INDEX "AttendanceResult_memberId_idx" ON "AttendanceResult"("memberId");

-- CreateIndex
CREATE INDEX "AttendanceResult_sessionId_idx" ON "AttendanceResult"("sessionId");

-- AddForeignKey
ALTER TABLE "PresenceInterval" ADD CONSTRAINT "PresenceInterval_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteCheckIn" ADD CONSTRAINT "SiteCheckIn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceExcuse" ADD CONSTRAINT "AttendanceExcuse_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteGuestCount" ADD CONSTRAINT "SiteGuestCount_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceSnapshot" ADD CONSTRAINT "AttendanceSnapshot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceResult" ADD CONSTRAINT "AttendanceResult_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "AttendanceSnapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;
