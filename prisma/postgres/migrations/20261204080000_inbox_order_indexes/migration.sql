-- The Tindak Lanjut inbox reads one index range per status in its order (urgent first, then the due
-- time of the case's next step); (villageId, status) is the prefix of both.
DROP INDEX "FollowUpCase_villageId_status_idx";
CREATE INDEX "FollowUpCase_villageId_status_urgent_firstReplyDueAt_id_idx" ON "FollowUpCase"("villageId", "status", "urgent" DESC, "firstReplyDueAt", "id");
CREATE INDEX "FollowUpCase_villageId_status_urgent_resolveDueAt_id_idx" ON "FollowUpCase"("villageId", "status", "urgent" DESC, "resolveDueAt", "id");
