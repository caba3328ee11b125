// SQLite plans by its indexes and, on a database never analysed, by guesses: the statements an import
// runs per batch must probe an index per row, never walk a village per row (a 20,000-comment import once
// spent 16 s in its look-up of stored comments because the join order was left to the planner).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXISTING_ROWS_SQL } from "@suara-desa/core/db/ingestRepository";
import { createTempDatabase, testPostgresUrl } from "../helpers/tempDb";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

describe.skipIf(testPostgresUrl() !== null)("SQLite plans of a fresh database", () => {
  it("looks a batch's keys up through the unique key index, one probe per key", () => {
    const plan = (temp.db.raw!.prepare(`EXPLAIN QUERY PLAN ${EXISTING_ROWS_SQL}`).all({ villageId: 1, keys: "[]" }) as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan[0]).toMatch(/^SCAN j VIRTUAL TABLE/);
    expect(plan[1]).toMatch(/^SEARCH c USING (COVERING )?INDEX Comment_platform_externalId_villageId_key \(platform=\? AND externalId=\? AND villageId=\?\)/);
  });
});
