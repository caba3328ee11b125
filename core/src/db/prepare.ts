// Brings a database to the current schema and taxonomy: run at every start, cheap when current.
import { DEFAULT_TOPICS } from "../nlp/taxonomy";
import type { Database } from "./client";
import { markAbandonedRuns } from "./jobRunRepository";
import { migrateDatabase } from "./migrate";
import { ensureSecrets } from "../secrets";
import { upsertGlobalTopics } from "./topicRepository";

/**
 * Applies pending migrations, loads (or generates, or moves off the old built-in values) the
 * install's secrets and syncs the global topic taxonomy; returns migrations applied.
 */
export async function prepareDatabase(db: Database, opts: { log?: (m: string) => void } = {}): Promise<string[]> {
  const applied = await migrateDatabase(db);
  const s = await ensureSecrets(db);
  if (s.generated.length) opts.log?.(`generated ${s.generated.join(" and ")}, kept in ${s.storedIn} (back it up with the database: npm run backup does)`);
  if (s.moved) {
    opts.log?.(`moved off the old built-in secrets: ${s.moved.tokens} source token(s) re-sealed, ${s.moved.pseudonyms} author pseudonym(s) re-keyed`);
  }
  await upsertGlobalTopics(db, DEFAULT_TOPICS);
  // PostgreSQL never auto-analyzes a table as small as Topic (below autovacuum's threshold), and
  // without statistics the explorer's topic filter scans every village's topic rows (266 ms
  // instead of 2 ms at 200k comments).
  if (db.pg) await db.pg.query(`ANALYZE "Topic"`);
  // Every process start (server, worker, CLI) closes the runs that a killed process left "running".
  await markAbandonedRuns(db);
  return applied;
}
