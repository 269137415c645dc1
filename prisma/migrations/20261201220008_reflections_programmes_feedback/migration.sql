-- CreateEnum
CREATE TYPE "ReflectionState" AS ENUM ('draft', 'submitted', 'revision_requested', 'graded');

-- CreateEnum
CREATE TYPE "ProgrammeState" AS ENUM ('draft', 'open', 'adopted');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('planned', 'in_progress', 'done', 'cancelled');

-- CreateTable
CREATE TABLE "ReflectionSettings" (
    "sessionId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "questions" JSONB NOT NULL,
    "minWords" INTEGER NOT NULL DEFAULT 0,
    "gradeScale" JSONB NOT NULL,
    "remindersSent" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReflectionSettings_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "words" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "state" "ReflectionState" NOT NULL DEFAULT 'draft',
    "submittedBody" TEXT,
    "submittedWords" INTEGER,
    "submittedVersion" INTEGER,
    "firstSubmittedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "attachmentName" TEXT,
    "attachmentType" TEXT,
    "attachmentSize" INTEGER,
    "attachmentKey" TEXT,
    "gradeKey" TEXT,
    "gradeLabel" TEXT,
    "gradePassing" BOOLEAN,
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" TEXT,
    "reviewedBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionProgramme" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "state" "ProgrammeState" NOT NULL DEFAULT 'draft',
    "commentsCloseAt" TIMESTAMPTZ(3),
    "openedAt" TIMESTAMPTZ(3),
    "adoptedAt" TIMESTAMPTZ(3),
    "adoptedBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActionProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeAction" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATE,
    "status" "ActionStatus" NOT NULL DEFAULT 'planned',
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProgrammeAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeComment" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "memberId" TEXT,
    "userId" TEXT,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgrammeComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackTemplate" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FeedbackTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackSurvey" (
    "sessionId" TEXT NOT NULL,
    "templateId" TEXT,
    "templateName" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "presenters" JSONB NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackSurvey_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "FeedbackResponse" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,

    CONSTRAINT "FeedbackResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackReceipt" (
    "sessionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    CONSTRAINT "FeedbackReceipt_pkey" PRIMARY KEY ("sessionId","memberId")
);

-- CreateIndex
CREATE INDEX "Reflection_memberId_idx" ON "Reflection"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Reflection_sessionId_memberId_key" ON "Reflection"("sessionId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionProgramme_sessionId_unitId_key" ON "ActionProgramme"("sessionId", "unitId");

-- CreateIndex
CREATE INDEX "ProgrammeAction_programmeId_position_idx" ON "ProgrammeAction"("programmeId", "position");

-- CreateIndex
CREATE INDEX "ProgrammeComment_programmeId_createdAt_idx" ON "ProgrammeComment"("programmeId", "createdAt");

-- CreateIndex
CREATE INDEX "FeedbackTemplate_unitId_idx" ON "FeedbackTemplate"("unitId");

-- CreateIndex
CREATE INDEX "FeedbackResponse_sessionId_idx" ON "FeedbackResponse"("sessionId");

-- AddForeignKey
ALTER TABLE "ReflectionSettings" ADD CONSTRAINT "ReflectionSettings_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionProgramme" ADD CONSTRAINT "ActionProgramme_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionProgramme" ADD CONSTRAINT "ActionProgramme_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeAction" ADD CONSTRAINT "ProgrammeAction_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "ActionProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeComment" ADD CONSTRAINT "ProgrammeComment_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "ActionProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackTemplate" ADD CONSTRAINT "FeedbackTemplate_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackSurvey" ADD CONSTRAINT "FeedbackSurvey_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackResponse" ADD CONSTRAINT "FeedbackResponse_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReceipt" ADD CONSTRAINT "FeedbackReceipt_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "StudySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
