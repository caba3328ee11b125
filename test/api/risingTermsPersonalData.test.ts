// Rising terms ("Kata yang naik") on the weekly review and in the PDF (which the Monday digest
// attaches), and a topic's frequent words, are words of residents' comments shown to every role:
// a number glued to letters (WA081234567890) or an e-mail's local part must never come back as one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";
import { binaryParser, pdfText } from "../helpers/pdfText";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
let viewer: ReturnType<typeof as>;
let perangkat: ReturnType<typeof as>;

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  viewer = as(app, await loginAs(app, env.db, "viewer", [villageId]));
  perangkat = as(app, await loginAs(app, env.db, "perangkat", [villageId]));
  const at = (d: number, h: number) => new Date(Date.UTC(2026, 10, d, h));
  const baseline = Array.from({ length: 12 }, (_, i) => incomingComment({ externalId: `b${i}`, authorId: `b${i}`, text: `Jalan rusak lagi di RT 0${(i % 9) + 1}, mohon diperbaiki`, publishedAt: at(2 + i, 3) }));
  const week = [
    "Air PDAM mati lagi, kalau ada info hubungi WA081234567890 ya",
    "Saya mau daftar posyandu, hubungi WA081234567890 atau email budisantoso82@gmail.com",
    "Jembatan retak bahaya, kabari ke WA081234567890, atau budisantoso82@gmail.com",
    "Lampu jalan mati, tolong hubungi WA081234567890 / budisantoso82@gmail.com",
    "Sampah numpuk, kontak WA081234567890 budisantoso82@gmail.com",
  ].map((text, i) => incomingComment({ externalId: `w${i}`, authorId: `w${i}`, text, publishedAt: at(18 + (i % 3), 3 + i) }));
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments: [...baseline, ...week] });
  await finishImport(env.db, villageId, r.days);
});
afterAll(() => env.cleanup());

describe("words counted from residents' comments", () => {
  it("the weekly review's rising terms hold no phone number or e-mail local part, alone or in a bigram", async () => {
    const res = await viewer.get(`/api/villages/${villageId}/insights?week=2026-W47`).expect(200);
    const terms: string[] = res.body.data.risingTerms.map((t: { term: string }) => t.term);
    // The week's own words still rise.
    expect(terms).toContain("hubungi");
    expect(terms.filter((t) => /\d{5}|budisantoso|gmail/.test(t))).toEqual([]);
  });

  it("the weekly PDF does not print the number or the local part", async () => {
    const res = await perangkat.get(`/api/villages/${villageId}/reports/weekly.pdf?week=2026-W47`).buffer(true).parse(binaryParser).expect(200);
    const text = pdfText(res.body as Buffer);
    expect(["081234567890", "budisantoso82", "budisantoso"].filter((x) => text.includes(x))).toEqual([]);
  });

  it("a topic's frequent words hold no e-mail local part or number", async () => {
    const topics: string[] = (await viewer.get(`/api/villages/${villageId}/topics`).expect(200)).body.data.map((t: { key: string }) => t.key);
    const found: Record<string, string[]> = {};
    for (const key of topics) {
      const d = (await viewer.get(`/api/villages/${villageId}/topics/${key}?week=2026-W47`).expect(200)).body.data;
      const bad = d.terms.map((t: { term: string }) => t.term).filter((t: string) => /budisantoso|gmail|^wa$|\d/.test(t));
      if (bad.length) found[key] = bad;
    }
    expect(found).toEqual({});
  });
});
