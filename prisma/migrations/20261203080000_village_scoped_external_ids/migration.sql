-- Posts and comments are identified per village: (villageId, platform, externalId). Before this, an
-- import into one village whose id equalled another village's comment overwrote that comment, and
-- a reply could be linked to another village's comment or post.
--
-- No table rebuild is needed: both keys are plain unique indexes, so every row, the CommentFts
-- index and its triggers stay exactly as they are. Rows stay valid under the new key because the
-- old one was stricter.

-- Threads that crossed villages were linked by the old deployment-wide lookup: they are unlinked
-- (postExternalId/parentExternalId are kept, so a same-village post or parent can still be linked).
-- "parentId"/"postId" are not FTS columns, so the Comment_fts_au trigger does not fire.
UPDATE "Comment" SET "parentId" = NULL
WHERE "parentId" IS NOT NULL
  AND "villageId" <> (SELECT p."villageId" FROM "Comment" p WHERE p."id" = "Comment"."parentId");

UPDATE "Comment" SET "postId" = NULL
WHERE "postId" IS NOT NULL
  AND "villageId" <> (SELECT p."villageId" FROM "Post" p WHERE p."id" = "Comment"."postId");

-- The village is the key's last column: the index serves identity look-ups (all three columns) and
-- never looks like a "rows of one village" index, which SQLite's planner would otherwise pick over
-- ("villageId", day) for the rollup and explorer reads of a village's days.

-- DropIndex
DROP INDEX "Post_platform_externalId_key";

-- DropIndex
DROP INDEX "Comment_platform_externalId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Post_platform_externalId_villageId_key" ON "Post"("platform", "externalId", "villageId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_platform_externalId_villageId_key" ON "Comment"("platform", "externalId", "villageId");
