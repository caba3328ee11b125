-- Full-text search moves off the "Comment" row into a table of its own, "CommentSearch" (one row per
-- comment: its village and its words), the twin of SQLite's "CommentFts". With the GIN index on an
-- expression of "Comment", every update of a comment row that PostgreSQL cannot do in place (any
-- change of an indexed column, such as "caseId" when case grouping claims the comment) computed
-- to_tsvector again and added the row's words to the GIN index once more: claiming 20,000 comments
-- took 0.72-0.93 s with that index against 0.14-0.16 s without it. Now only inserts and text changes
-- touch the words. Prisma cannot describe this table (the schema check leaves it alone).
-- 'simple' configuration, as before: no stemming (no Indonesian, Sundanese or Javanese dictionary).
CREATE TABLE "CommentSearch" (
    "commentId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Comment"("id") ON DELETE CASCADE,
    "villageId" INTEGER NOT NULL,
    "vector" tsvector NOT NULL
);
INSERT INTO "CommentSearch" ("commentId", "villageId", "vector")
    SELECT "id", "villageId", to_tsvector('simple', "text" || ' ' || COALESCE("normalizedText", '')) FROM "Comment";
-- Leads with the village (btree_gin): a search reads the village's matches only.
CREATE INDEX "CommentSearch_villageId_vector_idx" ON "CommentSearch" USING GIN ("villageId", "vector");
DROP INDEX "Comment_fts_idx";

-- New comments: one INSERT … SELECT per statement (a batch of an import is one statement).
CREATE FUNCTION comment_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "CommentSearch" ("commentId", "villageId", "vector")
        SELECT n."id", n."villageId", to_tsvector('simple', n."text" || ' ' || COALESCE(n."normalizedText", '')) FROM new_rows n;
    RETURN NULL;
END $$;
CREATE TRIGGER "Comment_search_ai" AFTER INSERT ON "Comment"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION comment_search_insert();

-- A changed text (a re-import of an edited comment, a re-analysis) changes its words.
CREATE FUNCTION comment_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "CommentSearch" SET "vector" = to_tsvector('simple', NEW."text" || ' ' || COALESCE(NEW."normalizedText", ''))
        WHERE "commentId" = NEW."id";
    RETURN NULL;
END $$;
CREATE TRIGGER "Comment_search_au" AFTER UPDATE OF "text", "normalizedText" ON "Comment" FOR EACH ROW
    WHEN (OLD."text" IS DISTINCT FROM NEW."text" OR OLD."normalizedText" IS DISTINCT FROM NEW."normalizedText")
    EXECUTE FUNCTION comment_search_update();
