-- Twin of the PostgreSQL migration of the same name, which moves the writing of "CommentSearch" words
-- from triggers into the repository. SQLite's "CommentFts" (FTS5) is written per batch already and
-- tokenises with unicode61, as its queries do. Nothing changes here.
SELECT 1;
