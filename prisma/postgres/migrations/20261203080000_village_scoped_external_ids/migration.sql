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

-- DropIndex
DROP INDEX "Post_platform_externalId_key";

-- DropIndex
DROP INDEX "Comment_platform_externalId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Post_villageId_platform_externalId_key" ON "Post"("villageId", "platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_villageId_platform_externalId_key" ON "Comment"("villageId", "platform", "externalId");
