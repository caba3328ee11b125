-- The public page: opt-in per village, and the cases an official published with a title.
ALTER TABLE "Village" ADD COLUMN "publicPage" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "FollowUpCase" ADD COLUMN "publicTitle" TEXT;
