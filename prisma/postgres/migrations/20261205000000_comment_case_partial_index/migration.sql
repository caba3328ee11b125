-- Twin of the SQLite migration of the same name, which makes SQLite's "Comment_caseId_idx" partial
-- (WHERE "caseId" IS NOT NULL). PostgreSQL keeps the full index: with the partial one, a 200,000-comment
-- import on two workers spent 8 s instead of 2.5 s recomputing rollups at the end of each village
-- (the per-day topic statement 16 ms instead of 3-4 ms), more than it saved. Nothing changes here.
SELECT 1;
