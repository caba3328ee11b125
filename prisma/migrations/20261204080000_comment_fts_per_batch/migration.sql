-- New comments enter the full-text index per batch, not per row: the ingest write path
-- (core/src/db/ingestRepository.ts, indexNewComments) adds a batch's new rows to "CommentFts" with
-- one INSERT … SELECT inside the batch's own transaction, so a killed import still leaves the index
-- exactly matching the stored rows. The per-row AFTER INSERT trigger cost three times as much
-- (measured: ~2.1 s CPU per 100,000 comments against ~0.7 s for one INSERT … SELECT per batch).
-- Updates and deletes keep their triggers (rare, and they need the old values). Any other code
-- that inserts comments on SQLite must index them the same way (indexNewComments).
DROP TRIGGER "Comment_fts_ai";
