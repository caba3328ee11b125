-- Twin of the SQLite migration of the same name, which moves new comments' full-text indexing from
-- a per-row trigger to the ingest batch. PostgreSQL indexes an expression (the "Comment_fts_idx"
-- GIN index), which it keeps current by itself: nothing changes here.
SELECT 1;
