-- Alerts: each village's channels and the outbox of messages to them.
CREATE TABLE "AlertChannel" (
    "id" SERIAL NOT NULL,
    "villageId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "events" TEXT NOT NULL DEFAULT '["urgent","spike","digest","sourceHealth"]',
    "secret" TEXT,
    "quietStart" INTEGER,
    "quietEnd" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AlertChannel_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AlertChannel_villageId_idx" ON "AlertChannel"("villageId");

CREATE TABLE "AlertMessage" (
    "id" SERIAL NOT NULL,
    "villageId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AlertMessage_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AlertMessage_channelId_dedupeKey_key" ON "AlertMessage"("channelId", "dedupeKey");
CREATE INDEX "AlertMessage_state_nextAttemptAt_idx" ON "AlertMessage"("state", "nextAttemptAt");
CREATE INDEX "AlertMessage_villageId_createdAt_idx" ON "AlertMessage"("villageId", "createdAt");

ALTER TABLE "AlertChannel" ADD CONSTRAINT "AlertChannel_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AlertMessage" ADD CONSTRAINT "AlertMessage_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AlertMessage" ADD CONSTRAINT "AlertMessage_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
