// Case grouping reads each comment's effective topics: an official's topics replace the model's (the
// grouping keeps an isu to one main topic), the model's count otherwise, best score first. Both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCaseCandidates } from "@suara-desa/core/db/caseRepository";
import { storeBatch } from "@suara-desa/core/ingest/store";
import { correctLabels } from "@suara-desa/core/services/labelService";
import type { AuthContext } from "@suara-desa/shared/auth";
import { createVillage, incomingComment } from "../factories/village";
import { sqlAll } from "@suara-desa/core/db/sql";
import { createTempDatabase } from "../helpers/tempDb";

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
beforeAll(async () => {
  temp = await createTempDatabase();
});
afterAll(async () => temp?.cleanup());

const at = (hour: number) => new Date(Date.UTC(2026, 10, 17, hour));

describe("case candidates' topics", () => {
  it("are an official's topics when set, else the model's best first", async () => {
    const village = await createVillage(temp.db);
    const texts = [
      "jalan ke kampung cibogo berlubang besar, tiap hujan tergenang, motor susah lewat pak",
      "air pamsimas di RT 03 mati sudah tiga hari, warga kesulitan air bersih, tolong dicek",
      "posyandu bulan ini jadwalnya kapan ya bu? anak saya belum imunisasi",
    ];
    await storeBatch(temp.db, { villageId: village.id, sourceId: null, posts: [], comments: texts.map((text, i) => incomingComment({ externalId: `c${i}`, text, publishedAt: at(i + 1) })) });
    const before = await findCaseCandidates(temp.db, village.id, { limit: 50, windowDays: 3 });
    const byText = (rows: typeof before.free) => new Map(rows.map((r) => [r.text, r]));
    const modelTopics = byText(before.free);
    expect(modelTopics.get(texts[0])?.topics[0]).toBe("infrastruktur");
    expect(modelTopics.get(texts[1])?.topics[0]).toBe("air_bersih");
    // An official says the road complaint is about the village's budget and waste (two topics, in that order of keys).
    const admin: AuthContext = { userId: 0, username: "cli", role: "admin", villageIds: [], system: "cli" };
    await correctLabels(temp.db, admin, modelTopics.get(texts[0])!.id, { topics: ["sampah_lingkungan", "anggaran_transparansi"] });
    const after = byText((await findCaseCandidates(temp.db, village.id, { limit: 50, windowDays: 3 })).free);
    expect([...after.get(texts[0])!.topics].sort()).toEqual(["anggaran_transparansi", "sampah_lingkungan"]);
    expect(after.get(texts[0])!.topics).not.toContain("infrastruktur");
    // The others keep the model's topics.
    expect(after.get(texts[1])!.topics).toEqual(modelTopics.get(texts[1])!.topics);
    expect(after.get(texts[2])!.topics).toEqual(modelTopics.get(texts[2])!.topics);
  });
});

describe("the index of comments by case", () => {
  it("holds only comments that have a case on SQLite (new comments and those never grouped add no entry), all on PostgreSQL", async () => {
    if (temp.db.pg) {
      const rows = await sqlAll<{ def: string }>(temp.db, `SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'Comment_caseId_idx'`, {});
      expect(rows).toHaveLength(1);
      expect(rows[0].def).not.toMatch(/WHERE/);
      return;
    }
    const rows = await sqlAll<{ def: string }>(temp.db, `SELECT sql AS def FROM sqlite_master WHERE name = 'Comment_caseId_idx'`, {});
    expect(rows).toHaveLength(1);
    expect(rows[0].def).toMatch(/ON "Comment"\("caseId"\) WHERE "caseId" IS NOT NULL$/);
  });
});
