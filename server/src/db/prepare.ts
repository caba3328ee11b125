// Brings a database to the current schema and taxonomy: run at every start, cheap when current.
import { DEFAULT_TOPICS } from "../../../jobs/src/nlp/taxonomy";
import type { Database } from "./client";
import { migrateDatabase } from "./migrate";
import { upsertGlobalTopics } from "./topicRepository";

/** Applies pending migrations and syncs the global topic taxonomy; returns migrations applied. */
export async function prepareDatabase(db: Database): Promise<string[]> {
  const applied = await migrateDatabase(db);
  await upsertGlobalTopics(db, DEFAULT_TOPICS);
  return applied;
}
