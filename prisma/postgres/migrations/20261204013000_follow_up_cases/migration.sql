-- Tindak lanjut: cases (isu) of resident requests, their history, and each village's service level.
CREATE TABLE "FollowUpCase" (
    "id" SERIAL NOT NULL,
    "villageId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'perlu_jawaban',
    "topicKey" TEXT,
    "intent" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "representativeId" INTEGER NOT NULL,
    "assigneeId" INTEGER,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "firstReplyAt" TIMESTAMP(3),
    "firstReplyDueAt" TIMESTAMP(3) NOT NULL,
    "resolveDueAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "forwardedTo" TEXT,
    "forwardRef" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "FollowUpCase_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "FollowUpCase_villageId_status_idx" ON "FollowUpCase"("villageId", "status");
CREATE INDEX "FollowUpCase_villageId_firstReplyDueAt_idx" ON "FollowUpCase"("villageId", "firstReplyDueAt");

CREATE TABLE "FollowUpEvent" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "details" TEXT,
    CONSTRAINT "FollowUpEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "FollowUpEvent_caseId_at_idx" ON "FollowUpEvent"("caseId", "at");

CREATE TABLE "ServiceLevel" (
    "villageId" INTEGER NOT NULL,
    "firstReplyHours" INTEGER NOT NULL DEFAULT 48,
    "urgentReplyHours" INTEGER NOT NULL DEFAULT 2,
    "resolutionDays" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ServiceLevel_pkey" PRIMARY KEY ("villageId")
);

ALTER TABLE "Comment" ADD COLUMN "caseId" INTEGER;
CREATE INDEX "Comment_caseId_idx" ON "Comment"("caseId");

ALTER TABLE "FollowUpCase" ADD CONSTRAINT "FollowUpCase_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FollowUpCase" ADD CONSTRAINT "FollowUpCase_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "FollowUpCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FollowUpEvent" ADD CONSTRAINT "FollowUpEvent_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ServiceLevel" ADD CONSTRAINT "ServiceLevel_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "FollowUpCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;
