-- Full-text search for the explorer (PostgreSQL). The twin of the SQLite FTS5 migration of the same
-- name. Prisma's schema cannot describe expression indexes, so this migration is hand-written.
-- 'simple' configuration: no stemming (PostgreSQL has no Indonesian, Sundanese or Javanese
-- dictionary), lower-cased words, prefix queries for the last word — as the FTS5 tokenizer does.
-- The index leads with the village (btree_gin, a trusted contrib extension): a search reads the
-- village's matches only, so its cost does not grow with the other villages of a province.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX "Comment_fts_idx" ON "Comment" USING GIN ("villageId", to_tsvector('simple', "text" || ' ' || COALESCE("normalizedText", '')));
