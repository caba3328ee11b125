-- Intent and urgency per comment (model and official's correction), counted in the daily rollups.
ALTER TABLE "Comment" ADD COLUMN "intent" TEXT,
  ADD COLUMN "intentScore" DOUBLE PRECISION,
  ADD COLUMN "urgent" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "urgentTerms" TEXT,
  ADD COLUMN "humanIntent" TEXT,
  ADD COLUMN "humanIntentBy" TEXT,
  ADD COLUMN "humanIntentAt" TIMESTAMP(3),
  ADD COLUMN "humanUrgent" BOOLEAN,
  ADD COLUMN "humanUrgentBy" TEXT,
  ADD COLUMN "humanUrgentAt" TIMESTAMP(3);
ALTER TABLE "DailyRollup" ADD COLUMN "keluhan" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "pertanyaan" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "usulan" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "apresiasi" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "lainnya" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "urgent" INTEGER NOT NULL DEFAULT 0;
