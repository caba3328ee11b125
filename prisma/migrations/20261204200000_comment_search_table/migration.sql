-- Twin of the PostgreSQL migration of the same name, which moves PostgreSQL's full-text index off the
-- "Comment" row into a "CommentSearch" table. SQLite's index has been a table of its own from the
-- start ("CommentFts", FTS5, filled per batch): nothing changes here.
SELECT 1;
