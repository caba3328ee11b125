// The explorer's search splits a query into words at every other character and matches them in any
// order: for roles not allowed raw data, a query whose words spell a phone number, NIK or e-mail
// would tell whose comment holds it even though the list masks it. Such queries are refused (list,
// CSV and XLSX); ordinary searches stay open to everyone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";
import { externalIdsOf } from "../helpers/externalIds";
import { isPersonalDataProbe } from "@suara-desa/core/services/commentService";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let villageId: number;
let viewer: ReturnType<typeof as>;
let perangkat: ReturnType<typeof as>;
let pimpinan: ReturnType<typeof as>;

beforeAll(async () => {
  env = await createTempDatabase();
  const app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  viewer = as(app, await loginAs(app, env.db, "viewer", [villageId]));
  perangkat = as(app, await loginAs(app, env.db, "perangkat", [villageId]));
  pimpinan = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
  const at = (d: number, h: number) => new Date(Date.UTC(2026, 10, d, h));
  const r = await storeBatch(env.db, {
    villageId, sourceId: null, posts: [], comments: [
      incomingComment({ externalId: "phone", text: "Jalan RT 03 rusak parah, hubungi saya 0812 3456 7890 pak", publishedAt: at(17, 2) }),
      incomingComment({ externalId: "nik", text: "Bantuan BLT belum cair, NIK saya 321504 120590 0001 mohon dicek", publishedAt: at(18, 2) }),
      incomingComment({ externalId: "email", text: "Sampah menumpuk tahun 2026, email saya ani.rahma@gmail.com", publishedAt: at(18, 4) }),
    ],
  });
  await finishImport(env.db, villageId, r.days);
});
afterAll(() => env.cleanup());

const PROBES = [
  "0812 3456 7890", "0812_3456_7890", "0812/3456/7890", "0812,3456,7890", "7890+3456+0812", "0812x3456x7890",
  "ani rahma gmail com", "ani.rahma gmail", "321504_120590_0001", "321504 120590",
];

describe("a search that spells a person's number, NIK or e-mail", () => {
  it.each(PROBES)("%s is refused to a viewer with a message naming q", async (q) => {
    const res = await viewer.get(`/api/villages/${villageId}/comments`).query({ q }).expect(403);
    expect(res.body.error.message).toMatch(/^q: pencarian ini bisa menunjukkan nomor telepon, NIK atau e-mail warga/);
  });

  it("is refused in a perangkat's CSV and XLSX exports", async () => {
    for (const q of ["0812_3456_7890", "ani rahma gmail com", "321504_120590_0001"]) {
      await perangkat.get(`/api/villages/${villageId}/exports/comments.csv`).query({ q }).expect(403);
      await perangkat.get(`/api/villages/${villageId}/exports/report.xlsx`).query({ q }).expect(403);
    }
  });

  it("is answered for a pimpinan, who may see raw data", async () => {
    const found = async (q: string) => externalIdsOf(env.db, (await pimpinan.get(`/api/villages/${villageId}/comments`).query({ q }).expect(200)).body.data);
    expect(await found("0812_3456_7890")).toEqual(["phone"]);
    expect(await found("ani rahma gmail")).toEqual(["email"]);
    expect(await found("321504 120590")).toEqual(["nik"]);
  });
});

describe("ordinary searches", () => {
  it.each([["jalan rusak", "phone"], ["RT 03", "phone"], ["2026", "email"], ["bantuan blt", "nik"], ["gmail", "email"]])("%s still finds its comment for a viewer", async (q, id) => {
    const res = await viewer.get(`/api/villages/${villageId}/comments`).query({ q }).expect(200);
    expect(await externalIdsOf(env.db, res.body.data)).toEqual([id]);
  });

  it("allows RT/RW numbers, years and amounts with their unit, but no group of a number, one query at a time", () => {
    for (const q of ["RT 03 RW 08 2026", "harga 500rb", "1,5 juta", "banjir 2025 2026 rt 3", "no 12 gang 4", "pupuk 50kg"]) expect(isPersonalDataProbe(q), q).toBe(false);
    // A masked number (0812-••••-••90, NIK 3215 •••• •••• 0001) must not be uncovered group by group (the cold review's probes).
    for (const q of ["0412", "0590", "081234", "no 3456 no 789", "rt 08 12 34 56 78 90", "2026 0812", "wa0812"]) expect(isPersonalDataProbe(q), q).toBe(true);
  });
});
