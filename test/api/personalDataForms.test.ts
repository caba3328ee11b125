// Personal data written in the forms the detector once missed (thin spaces, line breaks, slashes,
// 0062, landlines, NIK in 6-6-4 or dotted parts, "[at]" and spaced "@", "%40" in a link) reaches
// no role that is not allowed raw data: the explorer list, the CSV export and the urgent alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { formatUrgent } from "@suara-desa/core/services/alertService";
import { findPii } from "@suara-desa/core/nlp/pii";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

const PHONE_SPACED = "0812 3456 7890";
const PHONE_THIN = "0813\u20094567\u20098901";
const PHONE_NL = "0857\n1122\n3344";
const PHONE_SLASH = "0821/5566/7788";
const PHONE_0062 = "0062 812 9988 7766";
const LANDLINE = "(0267) 861234";
const NIK_664 = "321504 120590 0001";
const NIK_DOTTED = "32.15.04.120590.0002";
const EMAIL_AT = "ani.rahma [at] gmail.com";
const EMAIL_SPACED = "dedi @ yahoo.co.id";
const RAW = [PHONE_SPACED, PHONE_THIN, PHONE_NL, PHONE_SLASH, PHONE_0062, LANDLINE, NIK_664, NIK_DOTTED, EMAIL_AT, EMAIL_SPACED, "yayan%40gmail.com", "3215041205900009"];

/** Raw values found in `out`, also once its white space is collapsed (as reports and WhatsApp do). */
const leaked = (out: string): string[] => {
  const flat = out.replace(/\s+/g, " ");
  return RAW.filter((r) => [out, flat, JSON.stringify(out)].some((o) => o.includes(r) || o.includes(r.replace(/\s+/g, " ")) || o.includes(JSON.stringify(r).slice(1, -1))));
};

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
  const texts = [
    `Jalan RT 03 rusak parah, hubungi saya ${PHONE_SPACED} pak`,
    `Air PDAM mati tiga hari, tolong telepon ${PHONE_THIN} segera`,
    `Lampu jalan mati di RW 02, kontak saya\n${PHONE_NL}`,
    `Bantuan BLT belum cair, NIK saya ${NIK_664} mohon dicek`,
    `Kapan pendataan BLT? NIK: ${NIK_DOTTED}`,
    `Sampah menumpuk di dusun krajan, email saya ${EMAIL_AT}`,
    `Jembatan retak, hubungi ${PHONE_SLASH} atau ${PHONE_0062}`,
    `Posyandu tutup, telepon rumah ${LANDLINE}, email ${EMAIL_SPACED}`,
  ];
  const comments = texts.map((text, i) => incomingComment({ externalId: `p${i}`, authorId: `u${i}`, text, publishedAt: at(17 + (i % 3), 2 + i) }));
  comments.push(incomingComment({ externalId: "p9", authorId: "u9", text: "Selokan mampet di gang melati", url: "https://example.com/lapor?email=yayan%40gmail.com&nik=3215041205900009", publishedAt: at(19, 4) }));
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
});
afterAll(() => env.cleanup());

describe("personal data in the forms residents type", () => {
  it("is masked in a viewer's comment list, texts and links", async () => {
    const res = await viewer.get(`/api/villages/${villageId}/comments?limit=50&from=2026-11-16&to=2026-11-22`).expect(200);
    expect(res.body.total).toBe(9);
    expect(leaked(JSON.stringify(res.body))).toEqual([]);
    // Every text holding one is marked (the link-only one has a clean text).
    const marked = res.body.data.filter((c: { hasPersonalData: boolean }) => c.hasPersonalData).map((c: { text: string }) => c.text);
    expect(marked).toHaveLength(8);
    expect(marked.join(" ")).not.toContain("Selokan");
  });

  it("is masked in a perangkat's CSV export", async () => {
    const res = await perangkat.get(`/api/villages/${villageId}/exports/comments.csv?from=2026-11-16&to=2026-11-22`).buffer(true).parse((r, cb) => {
      let s = "";
      r.setEncoding("utf8");
      r.on("data", (c: string) => (s += c));
      r.on("end", () => cb(null, s));
    }).expect(200);
    expect(res.body as string).toContain("Selokan mampet");
    expect(leaked(res.body as string)).toEqual([]);
  });

  it("is masked in an urgent alert's text, and the public reply and quote checks see it", () => {
    const village = { name: "Sukamaju", timeZone: "Asia/Jakarta" };
    for (const raw of RAW) {
      const text = `Tolong! rumah kebakaran, hubungi ${raw}`;
      const out = formatUrgent(village, { text, piiSpans: null, platform: "facebook", publishedAt: new Date(), urgentTerms: null }, null).text;
      expect(leaked(out), raw).toEqual([]);
      expect(findPii(`hubungi ${raw}`).length, raw).toBeGreaterThan(0);
    }
  });
});
