// Brings a database to the current schema and taxonomy: run at every start, cheap when current.
import { DEFAULT_TOPICS } from "../../../jobs/src/nlp/taxonomy";
import type { Database } from "./client";
import { markAbandonedRuns } from "./jobRunRepository";
import { migrateDatabase } from "./migrate";
import { upsertGlobalTopics } from "./topicRepository";

/** Applies pending migrations and syncs the global topic taxonomy; returns migrations applied. */
export async function prepareDatabase(db: Database): Promise<string[]> {
  const applied = await migrateDatabase(db);
  await upsertGlobalTopics(db, DEFAULT_TOPICS);
  // PostgreSQL never auto-analyzes a table as small as Topic (below autovacuum's threshold), and
  // without statistics the explorer's topic filter scans every village's topic rows (266 ms
  // instead of 2 ms at 200k comments).
  if (db.pg) await db.pg.query(`ANALYZE "Topic"`);
  // Every process start (server, worker, CLI) closes the runs that a killed process left "running".
  await markAbandonedRuns(db);
  return applied;
}
