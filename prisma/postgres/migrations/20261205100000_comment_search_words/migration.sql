-- The words of "CommentSearch" are written by the repository (core/src/db/ingestRepository.ts,
-- writeSearchWordsPg) from searchDocument (core/src/db/commentRepository.ts), which splits a comment's
-- text and normalised text exactly as a search query is split, instead of by these triggers' to_tsvector:
-- the parser kept "Jl.Raya", "RW.05" and e-mail addresses whole (a search for "raya" missed them) and cost
-- the database ~50 s of CPU in a 1,000,000-comment import on two workers; array_to_tsvector of the
-- words costs a tenth of that. Every statement that writes "text" or "normalizedText" (the import's
-- upsert, the re-analysis) now writes the words in the same transaction. Vectors already stored stay:
-- they hold every word a query can match except the few the old parser kept joined, which the next
-- re-analysis or re-import of the comment rewrites.
DROP TRIGGER "Comment_search_ai" ON "Comment";
DROP TRIGGER "Comment_search_au" ON "Comment";
DROP FUNCTION comment_search_insert();
DROP FUNCTION comment_search_update();
