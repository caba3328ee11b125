// `npm run db:migrate`: applies pending migrations to DATABASE_URL (SQLite or PostgreSQL) and syncs
// the global topic taxonomy, without starting the server. The server and workers also do this at
// start; run it by hand before a rolling upgrade of several machines.
import { getDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { runMain } from "./progress";

async function main(): Promise<number> {
  const db = await getDatabase();
  try {
    const applied = await prepareDatabase(db);
    process.stdout.write(applied.length ? `db:migrate: applied ${applied.join(", ")}\n` : "db:migrate: database is up to date\n");
    return 0;
  } finally {
    await db.close();
  }
}

runMain(main);
