-- The PostgreSQL twin of the SQLite migration of the same name: posts and comments are identified
-- per village, (villageId, platform, externalId). Both keys are plain unique indexes, so no row and
-- no other index (Comment_fts_idx) is touched; rows stay valid because the old key was stricter.

-- Threads that crossed villages were linked by the old deployment-wide lookup: they are unlinked
-- (postExternalId/parentExternalId are kept, so a same-village post or parent can still be linked).
UPDATE "Comment" c SET "parentId" = NULL
FROM "Comment" p
WHERE p."id" = c."parentId" AND p."villageId" <> c."villageId";

UPDATE "Comment" c SET "postId" = NULL
FROM "Post" p
WHERE p."id" = c."postId" AND p."villageId" <> c."villageId";

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
