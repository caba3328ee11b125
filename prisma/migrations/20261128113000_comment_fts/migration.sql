-- Full-text search for the explorer (SQLite FTS5). Prisma's schema cannot describe virtual tables,
-- so this migration is hand-written; the triggers keep the index in step with "Comment".
CREATE VIRTUAL TABLE "CommentFts" USING fts5(
    text, normalizedText,
    content = 'Comment', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO "CommentFts"(rowid, text, normalizedText) SELECT id, text, COALESCE(normalizedText, '') FROM "Comment";

CREATE TRIGGER "Comment_fts_ai" AFTER INSERT ON "Comment" BEGIN
    INSERT INTO "CommentFts"(rowid, text, normalizedText) VALUES (new.id, new.text, COALESCE(new.normalizedText, ''));
END;

CREATE TRIGGER "Comment_fts_ad" AFTER DELETE ON "Comment" BEGIN
    INSERT INTO "CommentFts"("CommentFts", rowid, text, normalizedText) VALUES ('delete', old.id, old.text, COALESCE(old.normalizedText, ''));
END;

CREATE TRIGGER "Comment_fts_au" AFTER UPDATE OF text, normalizedText ON "Comment" BEGIN
    INSERT INTO "CommentFts"("CommentFts", rowid, text, normalizedText) VALUES ('delete', old.id, old.text, COALESCE(old.normalizedText, ''));
    INSERT INTO "CommentFts"(rowid, text, normalizedText) VALUES (new.id, new.text, COALESCE(new.normalizedText, ''));
END;
