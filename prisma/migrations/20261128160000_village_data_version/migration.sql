-- A per-village data version in the database (was per process): the server caches its views under
-- it, and workers on other machines bump it when they change the statistics.
ALTER TABLE "Village" ADD COLUMN "dataVersion" INTEGER NOT NULL DEFAULT 0;
