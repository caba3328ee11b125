-- Tindak lanjut: cases (isu) of resident requests, their history, and each village's service level.
CREATE TABLE "FollowUpCase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "villageId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'perlu_jawaban',
    "topicKey" TEXT,
    "intent" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "representativeId" INTEGER NOT NULL,
    "assigneeId" INTEGER,
    "openedAt" DATETIME NOT NULL,
    "firstReplyAt" DATETIME,
    "firstReplyDueAt" DATETIME NOT NULL,
    "resolveDueAt" DATETIME,
    "resolvedAt" DATETIME,
    "forwardedTo" TEXT,
    "forwardRef" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUpCase_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpCase_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "FollowUpCase_villageId_status_idx" ON "FollowUpCase"("villageId", "status");
CREATE INDEX "FollowUpCase_villageId_firstReplyDueAt_idx" ON "FollowUpCase"("villageId", "firstReplyDueAt");

CREATE TABLE "FollowUpEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "details" TEXT,
    CONSTRAINT "FollowUpEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "FollowUpCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpEvent_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "FollowUpEvent_caseId_at_idx" ON "FollowUpEvent"("caseId", "at");

CREATE TABLE "ServiceLevel" (
    "villageId" INTEGER NOT NULL PRIMARY KEY,
    "firstReplyHours" INTEGER NOT NULL DEFAULT 48,
    "urgentReplyHours" INTEGER NOT NULL DEFAULT 2,
    "resolutionDays" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceLevel_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

ALTER TABLE "Comment" ADD COLUMN "caseId" INTEGER REFERENCES "FollowUpCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Comment_caseId_idx" ON "Comment"("caseId");
