-- Replies written in Suara Desa for the platform where the resident wrote.
CREATE TABLE "Reply" (
    "id" SERIAL NOT NULL,
    "villageId" INTEGER NOT NULL,
    "commentId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'menunggu',
    "platform" TEXT NOT NULL,
    "platformReplyId" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdBy" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Reply_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Reply_idempotencyKey_key" ON "Reply"("idempotencyKey");
CREATE INDEX "Reply_villageId_commentId_idx" ON "Reply"("villageId", "commentId");
ALTER TABLE "Reply" ADD CONSTRAINT "Reply_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;
