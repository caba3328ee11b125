-- The latest retention purge's cut-off: comments published before it are not stored again.
ALTER TABLE "Village" ADD COLUMN "purgedBefore" DATETIME;
