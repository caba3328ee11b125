-- Replies by parent: the first village reply of each case (findFirstVillageReplies) probed this index
-- nowhere else, and on PostgreSQL, while a new village was being imported and its rows not yet analysed,
-- the planner rescanned the whole village for each of its cases (over 2 minutes for 20,000 comments).
CREATE INDEX "Comment_villageId_parentId_idx" ON "Comment"("villageId", "parentId");
