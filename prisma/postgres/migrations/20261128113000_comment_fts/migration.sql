-- Full-text search for the explorer (PostgreSQL). The twin of the SQLite FTS5 migration of the same
-- name. Prisma's schema cannot describe expression indexes, so this migration is hand-written.
-- 'simple' configuration: no stemming (PostgreSQL has no Indonesian, Sundanese or Javanese
-- dictionary), lower-cased words, prefix queries for the last word — as the FTS5 tokenizer does.
CREATE INDEX "Comment_fts_idx" ON "Comment" USING GIN (to_tsvector('simple', "text" || ' ' || COALESCE("normalizedText", '')));
