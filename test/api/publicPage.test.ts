// Halaman publik: off by default; once the BPD chair opens it, anyone can read the village's
// aggregates and the cases an official published — and never a comment, an author, a phone number,
// a NIK or an internal id (the whole JSON is scanned for every one of them in the database).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { findPii } from "@suara-desa/core/nlp/pii";
import { bumpVillageVersion } from "@suara-desa/core/db/dataVersion";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let village: { id: number; code: string };
let pimpinan: ReturnType<typeof as>;
let perangkat: ReturnType<typeof as>;

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  village = await createVillage(env.db, { name: "Sukamaju" });
  pimpinan = as(app, await loginAs(app, env.db, "pimpinan", [village.id]));
  perangkat = as(app, await loginAs(app, env.db, "perangkat", [village.id]));
  const at = (d: number, h: number) => new Date(Date.UTC(2026, 10, d, h));
  const comments = [
    incomingComment({ authorId: "u-budi", authorName: "Budi Santoso", text: "Jalan RT 03 rusak parah, hubungi saya 0812-3456-7890 pak", publishedAt: at(17, 2) }),
    incomingComment({ authorId: "u-siti", authorName: "Siti Aminah", text: "NIK saya 3215011203900001 belum terdaftar BLT, kapan didata?", publishedAt: at(18, 3) }),
    incomingComment({ authorId: "u-asep", authorName: "Asep", text: "air PDAM mati tiga hari di dusun krajan, email saya asep.k@contoh.id", publishedAt: at(19, 4) }),
    incomingComment({ authorId: "u-rina", authorName: "Rina", text: "terima kasih pak kades, posyandu sudah buka lagi", publishedAt: at(20, 5) }),
  ];
  const r = await storeBatch(env.db, { villageId: village.id, sourceId: null, posts: [], comments });
  await finishImport(env.db, village.id, r.days);
});
afterAll(() => env.cleanup());

describe("the public page", () => {
  it("does not exist until the village opens it", async () => {
    await request(app).get(`/api/public/villages/${village.code}`).expect(404);
    await perangkat.put(`/api/villages/${village.id}/public`).send({ enabled: true }).expect(403);
    await pimpinan.put(`/api/villages/${village.id}/public`).send({ enabled: true }).expect(200);
  });

  it("shows aggregates and published cases to anyone, cacheable, without any personal data or id", async () => {
    const cases = (await perangkat.get(`/api/villages/${village.id}/cases?limit=10`).expect(200)).body.data;
    const road = cases.find((c: { title: string }) => c.title.includes("Jalan RT 03"));
    await perangkat.patch(`/api/cases/${road.id}`).send({ publicTitle: "Perbaikan jalan RT 03", status: "ditindaklanjuti" }).expect(200);
    const res = await request(app).get(`/api/public/villages/${village.code}`).expect(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    const page = res.body.data;
    expect(page.village.name).toBe("Sukamaju");
    expect(page.week).toBe("2026-W47");
    expect(page.weeks).toHaveLength(12);
    // Four comments are too few for "% negatif": the share is withheld and the count given instead.
    expect(page.weeks.at(-1)).toMatchObject({ week: "2026-W47", comments: 4, negativeShare: null });
    expect(page.weeks.at(-1).negatif).toBeGreaterThanOrEqual(1);
    for (const t of page.topics) expect(t.negativeShare, t.name).toBeNull();
    expect(page.followUp.needsReply).toBeGreaterThanOrEqual(3);
    expect(page.cases).toEqual([expect.objectContaining({ title: "Perbaikan jalan RT 03", status: "ditindaklanjuti", opened: "2026-11-17" })]);

    const json = JSON.stringify(res.body);
    const stored = await env.db.prisma.comment.findMany({ where: { villageId: village.id } });
    for (const c of stored) {
      expect(json).not.toContain(c.text);
      expect(json).not.toContain(c.authorPseudonym);
      if (c.authorName) expect(json).not.toContain(c.authorName);
      for (const p of findPii(c.text)) {
        const raw = c.text.slice(p.start, p.end);
        expect(json).not.toContain(raw);
        const digits = raw.replace(/\D/g, "");
        if (digits.length >= 8) expect(json).not.toContain(digits);
      }
    }
    expect(json).not.toMatch(/"id":/);
    expect(json).not.toMatch(/warga-/);
  });

  it("shows a quote only once an official redacted it: no personal data, no resident's name", async () => {
    const cases = (await perangkat.get(`/api/villages/${village.id}/cases?limit=10`).expect(200)).body.data;
    const road = cases.find((c: { publicTitle: string | null }) => c.publicTitle === "Perbaikan jalan RT 03");
    // The draft is offered to the pimpinan, who sees the residents' names (its masks mark them), with
    // the phone number masked already; a perangkat writes the quote.
    expect((await perangkat.get(`/api/cases/${road.id}`).expect(200)).body.data.suggestedQuote).toBe("");
    const detail = (await pimpinan.get(`/api/cases/${road.id}`).expect(200)).body.data;
    expect(detail.suggestedQuote).toContain("Jalan RT 03 rusak parah");
    expect(detail.suggestedQuote).not.toContain("0812");

    const phone = await perangkat.patch(`/api/cases/${road.id}`).send({ publicQuote: "Jalan RT 03 rusak parah, hubungi 0812-3456-7890" }).expect(400);
    expect(phone.body.error.message).toMatch(/publicQuote/);
    const partly = await perangkat.patch(`/api/cases/${road.id}`).send({ publicQuote: "Jalan RT 03 rusak parah, hubungi 0812-••••-••90" }).expect(400);
    expect(partly.body.error.message).toMatch(/publicQuote/);
    const name = await perangkat.patch(`/api/cases/${road.id}`).send({ publicQuote: "Kata pak Budi: jalan RT 03 rusak parah" }).expect(400);
    expect(name.body.error.message).toMatch(/publicQuote.*nama/);
    const water = cases.find((c: { title: string }) => c.title.includes("PDAM"));
    const untitled = await perangkat.patch(`/api/cases/${water.id}`).send({ publicQuote: "air mati tiga hari di dusun krajan" }).expect(400);
    expect(untitled.body.error.message).toMatch(/publicQuote.*judul/);

    await perangkat.patch(`/api/cases/${road.id}`).send({ publicQuote: detail.suggestedQuote }).expect(200);
    let page = (await request(app).get(`/api/public/villages/${village.code}`).expect(200)).body.data;
    expect(page.cases[0]).toMatchObject({ title: "Perbaikan jalan RT 03", quote: detail.suggestedQuote });
    const history = (await perangkat.get(`/api/cases/${road.id}`).expect(200)).body.data.events;
    expect(history.map((e: { kind: string }) => e.kind)).toContain("quote");

    // Taking the case off the public page takes its quote off too.
    await perangkat.patch(`/api/cases/${road.id}`).send({ publicTitle: null }).expect(200);
    expect((await perangkat.get(`/api/cases/${road.id}`).expect(200)).body.data.case.publicQuote).toBeNull();
    await perangkat.patch(`/api/cases/${road.id}`).send({ publicTitle: "Perbaikan jalan RT 03" }).expect(200);
    page = (await request(app).get(`/api/public/villages/${village.code}`).expect(200)).body.data;
    expect(page.cases[0].quote).toBeNull();
  });

  it("dates a case by the village's calendar (WIB), not by UTC", async () => {
    const road = await env.db.prisma.followUpCase.findFirstOrThrow({ where: { villageId: village.id, publicTitle: "Perbaikan jalan RT 03" } });
    // 00:30 WIB on 20 November is still 19 November in UTC; 00:10 WIB on 21 November likewise.
    await env.db.prisma.followUpCase.update({ where: { id: road.id }, data: { openedAt: new Date("2026-11-19T17:30:00Z"), status: "selesai", resolvedAt: new Date("2026-11-20T17:10:00Z") } });
    await bumpVillageVersion(env.db, village.id);
    const page = (await request(app).get(`/api/public/villages/${village.code}`).expect(200)).body.data;
    expect(page.cases[0]).toMatchObject({ title: "Perbaikan jalan RT 03", opened: "2026-11-20", resolved: "2026-11-21" });
  });

  it("answers 404 again once closed, and names a malformed code", async () => {
    await pimpinan.put(`/api/villages/${village.id}/public`).send({ enabled: false }).expect(200);
    await request(app).get(`/api/public/villages/${village.code}`).expect(404);
    const bad = await request(app).get("/api/public/villages/desa-saya").expect(400);
    expect(bad.body.error.message).toMatch(/code/);
  });
});
