-- Intent and urgency per comment (model and official's correction), counted in the daily rollups.
ALTER TABLE "Comment" ADD COLUMN "intent" TEXT;
ALTER TABLE "Comment" ADD COLUMN "intentScore" REAL;
ALTER TABLE "Comment" ADD COLUMN "urgent" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Comment" ADD COLUMN "urgentTerms" TEXT;
ALTER TABLE "Comment" ADD COLUMN "humanIntent" TEXT;
ALTER TABLE "Comment" ADD COLUMN "humanIntentBy" TEXT;
ALTER TABLE "Comment" ADD COLUMN "humanIntentAt" DATETIME;
ALTER TABLE "Comment" ADD COLUMN "humanUrgent" BOOLEAN;
ALTER TABLE "Comment" ADD COLUMN "humanUrgentBy" TEXT;
ALTER TABLE "Comment" ADD COLUMN "humanUrgentAt" DATETIME;
ALTER TABLE "DailyRollup" ADD COLUMN "keluhan" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyRollup" ADD COLUMN "pertanyaan" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyRollup" ADD COLUMN "usulan" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyRollup" ADD COLUMN "apresiasi" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyRollup" ADD COLUMN "lainnya" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "DailyRollup" ADD COLUMN "urgent" INTEGER NOT NULL DEFAULT 0;
