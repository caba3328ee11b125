// PostgreSQL plans a village's statements from the statistics ANALYZE last gathered. A village imported
// from nothing used to stay "one row" to the planner for the whole import, which then rescanned the
// village once per case (minutes per statement at 20,000 comments). An import refreshes them after its
// first 2,000 comments of a village (comments and their topic rows). SQLite plans by its indexes: nothing to check there.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { createVillage } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

const PHRASES = ["jalan di rt 03 rusak", "air pdam mati", "bansos belum cair", "sampah belum diangkut", "lampu jalan padam", "posyandu bulan ini kapan"];

/** The planner's row estimate for the topic rows of comments above an id (what case grouping and rollups join). */
async function estimatedTopicRows(afterId: number): Promise<number> {
  const { rows } = await temp.db.pg!.query(`EXPLAIN (FORMAT JSON) SELECT "commentId" FROM "CommentTopic" WHERE "commentId" > $1`, [afterId]);
  return (rows[0]["QUERY PLAN"] as Array<{ Plan: { "Plan Rows": number } }>)[0].Plan["Plan Rows"];
}

/** The planner's row estimate for one village's comments. */
async function estimatedRows(villageId: number): Promise<number> {
  const { rows } = await temp.db.pg!.query(`EXPLAIN (FORMAT JSON) SELECT id FROM "Comment" WHERE "villageId" = $1`, [villageId]);
  return (rows[0]["QUERY PLAN"] as Array<{ Plan: { "Plan Rows": number } }>)[0].Plan["Plan Rows"];
}

describe.runIf(process.env.TEST_DATABASE_URL)("planner statistics during a large import (PostgreSQL)", () => {
  it("a village imported from nothing is known to the planner by its real size, not as one row", async () => {
    // Another village's rows analysed first: the new one is then absent from the statistics.
    const other = await createVillage(temp.db, { name: "Desa Lama" });
    const mine = await createVillage(temp.db, { name: "Desa Baru" });
    const write = (name: string, n: number) => {
      const lines = ["id,platform,author,text,published_at,likes"];
      for (let i = 0; i < n; i++) lines.push(`${name}-${i},facebook,Warga ${i % 40},"${PHRASES[i % PHRASES.length]} ${name} nomor ${i}",2026-11-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00Z,0`);
      const file = path.join(temp.dir, `${name}.csv`);
      fs.writeFileSync(file, lines.join("\n") + "\n");
      return file;
    };
    await importFile(temp.db, write("lama", 300), { villageCode: other.code });
    await temp.db.pg!.query(`ANALYZE "Comment", "CommentTopic"`);
    expect(await estimatedRows(mine.id)).toBeLessThan(10);
    const { rows: [{ maxId }] } = await temp.db.pg!.query(`SELECT MAX("commentId") AS "maxId" FROM "CommentTopic"`);
    expect(await estimatedTopicRows(maxId)).toBeLessThan(10);

    await importFile(temp.db, write("baru", 2_500), { villageCode: mine.code });
    expect(await estimatedRows(mine.id)).toBeGreaterThan(1_000);
    // Topic rows too: without them the grouping's topic look-up scanned every topic row of every
    // village once per 500 comments (44 ms each at 100,000 comments, growing with the table).
    expect(await estimatedTopicRows(maxId)).toBeGreaterThan(500);
  });
});
