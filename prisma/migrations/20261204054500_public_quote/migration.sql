-- A quote of a case an official redacted and published on the public page (under its public title).
ALTER TABLE "FollowUpCase" ADD COLUMN "publicQuote" TEXT;
