// The village's own account: its replies are left out of statistics and answer a resident's case.
// A resident must not pass for it by a display name (free text on Facebook and X) or, in a file
// import, by being called like the import's own key.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let village: { id: number; code: string };
let viewer: ReturnType<typeof as>;

const at = (d: number, h: number) => new Date(Date.UTC(2026, 10, d, h));

beforeAll(async () => {
  env = await createTempDatabase();
  const app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
  village = await createVillage(env.db, { name: "Akun Desa" });
  viewer = as(app, await loginAs(app, env.db, "viewer", [village.id]));
});
afterAll(() => env.cleanup());

async function ingest(sourceId: number | null, comments: IncomingComment[]) {
  const r = await storeBatch(env.db, { villageId: village.id, sourceId, posts: [], comments });
  await finishImport(env.db, village.id, r.days);
}
const stored = (externalId: string) => env.db.prisma.comment.findFirstOrThrow({ where: { villageId: village.id, externalId } });
const caseStatus = async (externalId: string) => {
  const c = await stored(externalId);
  return (await env.db.prisma.followUpCase.findUniqueOrThrow({ where: { id: c.caseId! } })).status;
};

describe("on a platform with author ids", () => {
  it("a resident named like the village's handle stays a resident: counted, and the case still needs an answer", async () => {
    const src = await env.db.prisma.source.create({ data: { villageId: village.id, platform: "x", accountId: "998877", handle: "desaakun", name: "Pemdes Akun" } });
    await ingest(src.id, [
      incomingComment({ platform: "x", externalId: "xq1", authorId: "1001", authorName: "Warga Pelapor", text: "Jembatan dusun ambruk, kapan diperbaiki pak?", publishedAt: at(17, 2) }),
      incomingComment({ platform: "x", externalId: "xr1", parentExternalId: "xq1", authorId: "6666", authorName: "desaakun", text: "sudah beres kok, tidak usah dilaporkan", publishedAt: at(17, 3) }),
    ]);
    expect((await stored("xr1")).fromVillage).toBe(false);
    expect(await caseStatus("xq1")).toBe("perlu_jawaban");
    const list = (await viewer.get(`/api/villages/${village.id}/comments?platform=x&limit=50`).expect(200)).body.data;
    expect(list.map((c: { text: string }) => c.text)).toContain("sudah beres kok, tidak usah dilaporkan");
  });

  it("the village's account, known by its id, answers the case", async () => {
    const src = await env.db.prisma.source.findFirstOrThrow({ where: { villageId: village.id, platform: "x" } });
    await ingest(src.id, [
      incomingComment({ platform: "x", externalId: "xr2", parentExternalId: "xq1", authorId: "998877", authorName: "Pemdes Akun (@desaakun)", text: "Tim desa sudah ke lokasi, perbaikan minggu depan", publishedAt: at(17, 5) }),
    ]);
    expect((await stored("xr2")).fromVillage).toBe(true);
    expect(await caseStatus("xq1")).toBe("dijawab");
  });
});

describe("in a file import", () => {
  it("an author called like the import's own key (\"import\") is a resident", async () => {
    const file = path.join(env.dir, "laporan.csv");
    fs.writeFileSync(file, [
      "id,text,published_at,author,parent_id",
      "fq1,Kapan pembagian pupuk subsidi di dusun dua?,2026-11-18T08:00:00+07:00,Bu Enok,",
      "fr1,Sudah selesai dibagi semua,2026-11-18T09:00:00+07:00,import,fq1",
    ].join("\n") + "\n");
    await importFile(env.db, file, { villageCode: village.code });
    expect((await stored("fr1")).fromVillage).toBe(false);
    expect(await caseStatus("fq1")).toBe("perlu_jawaban");
  });

  it("the handle an admin set on the file source matches the author's name (files carry no author ids)", async () => {
    const src = await env.db.prisma.source.findFirstOrThrow({ where: { villageId: village.id, platform: "file", accountId: "import" } });
    await env.db.prisma.source.update({ where: { id: src.id }, data: { handle: "Pemdes Akun" } });
    const file = path.join(env.dir, "balasan.csv");
    fs.writeFileSync(file, "id,text,published_at,author,parent_id\nfr2,Pupuk dibagi hari Sabtu di balai desa,2026-11-18T10:00:00+07:00,Pemdes Akun,fq1\n");
    await importFile(env.db, file, { villageCode: village.code });
    expect((await stored("fr2")).fromVillage).toBe(true);
    expect(await caseStatus("fq1")).toBe("dijawab");
  });
});
