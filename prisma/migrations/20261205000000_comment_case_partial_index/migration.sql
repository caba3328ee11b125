-- "Comment_caseId_idx" holds only comments that have a case. A comment enters without one, and most
-- never get one (questions answered in a thread, thanks, chatter, spam): every import wrote an index
-- entry for NULL per comment, and case grouping then deleted it again when it claimed the comment.
-- Look-ups by case ("caseId" = …, joins on it) imply "caseId" IS NOT NULL and use the index as before.
-- Prisma's schema cannot say "partial"; it still declares @@index([caseId]), which this index satisfies.
-- SQLite only: PostgreSQL keeps the full index (see the twin migration).
DROP INDEX "Comment_caseId_idx";
CREATE INDEX "Comment_caseId_idx" ON "Comment"("caseId") WHERE "caseId" IS NOT NULL;
