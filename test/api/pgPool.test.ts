// PostgreSQL connections (TEST_DATABASE_URL; skipped on SQLite): the server and the workers keep a
// few open from the start, so the first view after a quiet spell does not open them again; a short
// command keeps none.
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@suara-desa/core/db/client";

const url = process.env.TEST_DATABASE_URL;
const opened: Database[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

describe.skipIf(!url)("PostgreSQL connection pool", () => {
  it("keeps four connections open for a long-running process, none for a command", async () => {
    const server = await openDatabase(url!, { poolSize: 10, keepOpen: true });
    opened.push(server);
    expect(server.pg!.totalCount).toBe(4);
    expect(server.pg!.idleCount).toBe(4);
    // A view's parallel queries use them: no fifth connection for four at once.
    await Promise.all(Array.from({ length: 4 }, () => server.pg!.query("SELECT pg_sleep(0.05)")));
    expect(server.pg!.totalCount).toBe(4);

    const command = await openDatabase(url!, { poolSize: 10 });
    opened.push(command);
    expect(command.pg!.totalCount).toBe(0);
  });

  it("never keeps more open than the pool may hold", async () => {
    const small = await openDatabase(url!, { poolSize: 2, keepOpen: true });
    opened.push(small);
    expect(small.pg!.totalCount).toBe(2);
  });
});
