-- Stored reports live in the database, so every server and worker machine serves what any of them
-- generated (they were files under data/reports before).
ALTER TABLE "Report" ADD COLUMN "content" BYTEA;
