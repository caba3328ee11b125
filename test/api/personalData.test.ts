// Personal data in names, texts and links reaches only roles allowed raw data, and a "name" that
// is a phone number or e-mail reaches nobody: API lists, comment detail and thread, the weekly
// "perlu perhatian", CSV, XLSX and PDF. Phones are planted in the forms residents really type.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { importWhatsApp } from "@suara-desa/jobs/ingest/whatsapp/importWhatsApp";
import { MODEL } from "@suara-desa/core/nlp/pipeline";
import { retagVillage } from "@suara-desa/jobs/retag";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { binaryParser, pdfText } from "../helpers/pdfText";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

const U2011 = "\u2011"; // non-breaking hyphen: how WhatsApp writes numbers saved as contact names
const PHONE_NAME = "+62 812-9876-5432";
const EMAIL_NAME = "budi@example.co.id";
const WA_SENDER = `+62 812${U2011}9876${U2011}5432`;
const BRACKETS = "(0812) 3456 7893";
const SPACED = "0 8 1 2 3 4 5 6 7 8 9 4";
const WA_LINK = "https://wa.me/6281234567895";
const REPLY_PHONE = "+62 (812) 5555-6666";
const POST_PHONE = "0812\u20134444\u20135555"; // en dashes
const STALE_PHONE = "(0813) 7777 8888";
const NOT_PII = "Dana desa Rp 62.850.000.000 tahun 2026 untuk 1.250 warga RT 03/RW 08, rapat 08-12-2026 10.30 di balai";

/** Strings none of which may appear in a redacted output, in any spacing. */
const SECRETS = [
  "9876", "budi@", "example.co.id", "Budi Santoso", "3456 7893", "34567893", "5 6 7 8 9", "56789", "1234567895",
  "5555", "4444", "7777", "Siti Rahma",
];
const leaks = (output: string): string[] => {
  const flat = output.replace(/\s+/g, "");
  return SECRETS.filter((s) => output.includes(s) || flat.includes(s.replace(/\s+/g, "")));
};

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
const api: Record<"admin" | "pimpinan" | "perangkat" | "viewer", ReturnType<typeof as>> = {} as never;
const ids: Record<string, number> = {};
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  const village = await createVillage(env.db, { name: "Desa Sukamaju" });
  villageId = village.id;
  for (const role of ["admin", "pimpinan", "perangkat", "viewer"] as const) api[role] = as(app, await loginAs(app, env.db, role, [villageId]));
  const source = await env.db.prisma.source.create({
    data: { villageId, platform: "facebook", accountId: "108254917364120", handle: "pemdes.sukamaju", name: "Pemerintah Desa Sukamaju" },
  });

  // 2026-W47 (16–22 November, Jakarta).
  const r = await storeBatch(env.db, {
    villageId, sourceId: source.id,
    posts: [{ platform: "facebook", externalId: "post1", text: `Laporkan jalan rusak ke Pak Kadus ${POST_PHONE}`, url: null, publishedAt: at("2026-11-16T01:00:00Z") }],
    comments: [
      incomingComment({ externalId: "n1", postExternalId: "post1", authorId: "fb-1", authorName: PHONE_NAME, likeCount: 40,
        text: "Jalan di dusun Cikalong rusak parah dan berlubang, mohon segera diperbaiki pak", publishedAt: at("2026-11-17T03:00:00Z") }),
      incomingComment({ externalId: "n2", authorId: "fb-2", authorName: EMAIL_NAME, likeCount: 35,
        text: "Jalan rusak di RT 02 sudah tiga bulan belum diperbaiki, warga kecewa sekali", publishedAt: at("2026-11-17T04:00:00Z") }),
      incomingComment({ externalId: "n3", authorId: "fb-3", authorName: "Budi Santoso", likeCount: 50, url: WA_LINK,
        text: `Jembatan di RT 05 rusak parah, kalau perlu info hubungi ${BRACKETS} atau ${SPACED} ya pak`, publishedAt: at("2026-11-18T03:00:00Z") }),
      incomingComment({ externalId: "n4", parentExternalId: "n3", authorId: "fb-4", authorName: "Siti Rahma 0813 1111 2222", likeCount: 1,
        text: `Betul pak, jalan rusak parah, saya bisa dihubungi di ${REPLY_PHONE}`, publishedAt: at("2026-11-18T05:00:00Z") }),
      incomingComment({ externalId: "n5", authorId: "fb-5", authorName: "Ujang", likeCount: 2, text: NOT_PII, publishedAt: at("2026-11-19T03:00:00Z") }),
      incomingComment({ externalId: "n6", authorId: "fb-6", authorName: "Euis", likeCount: 30,
        text: `Air PDAM mati tiga hari, jalan juga rusak, hubungi ${STALE_PHONE} segera`, publishedAt: at("2026-11-19T05:00:00Z") }),
      // The village's own account answers in the thread of n1.
      incomingComment({ externalId: "own1", parentExternalId: "n1", authorId: "108254917364120", authorName: "Pemerintah Desa Sukamaju",
        text: "Terima kasih, laporan sudah kami teruskan ke dinas", publishedAt: at("2026-11-17T06:00:00Z") }),
    ],
  });
  await finishImport(env.db, villageId, r.days);
  // n6 as a comment stored by the previous detector: its spans missed the bracketed number.
  await env.db.prisma.comment.updateMany({ where: { villageId, externalId: "n6" }, data: { piiSpans: "[]", modelVersion: "1.0.1+topics.1.taxonomy.1" } });

  // A WhatsApp sender saved as a number written with U+2011 hyphens, through the real import.
  const file = path.join(env.dir, "WhatsApp Chat with Warga Sukamaju.txt");
  fs.writeFileSync(file, `20/11/26 19.05 - ${WA_SENDER}: Jalan depan masjid rusak parah, tolong diperbaiki segera pak\n`);
  await importWhatsApp(env.db, file, { villageCode: village.code });

  for (const c of await env.db.prisma.comment.findMany({ where: { villageId }, select: { id: true, externalId: true } })) ids[c.externalId] = c.id;
  ids.wa = (await env.db.prisma.comment.findFirstOrThrow({ where: { villageId, platform: "file" } })).id;
});
afterAll(() => env.cleanup());

type Dto = { id: number; author: string; text: string; url: string | null; hasPersonalData: boolean };
const PSEUDONYM = /^warga-[0-9a-f]{6}$/;

describe("the comment list (every role: it is the same page for all)", () => {
  it("shows pseudonyms and masks every phone form in texts and links", async () => {
    for (const role of ["viewer", "pimpinan"] as const) {
      const res = await api[role].get(`/api/villages/${villageId}/comments?limit=100`).expect(200);
      expect(leaks(JSON.stringify(res.body)), role).toEqual([]);
      const list = res.body.data as Dto[];
      expect(list).toHaveLength(7); // the village's own reply is not a resident's comment
      expect(list.every((c) => PSEUDONYM.test(c.author))).toBe(true);
      const n3 = list.find((c) => c.id === ids.n3)!;
      expect(n3.text).toBe("Jembatan di RT 05 rusak parah, kalau perlu info hubungi (0812) •••• ••93 atau 0 8 1 2 • • • • • • 9 4 ya pak");
      expect(n3.url).toBe("https://wa.me/62812••••••95");
      expect(n3.hasPersonalData).toBe(true);
    }
  });

  it("masks a number the stored spans missed (comment tagged by an older detector, not yet re-tagged)", async () => {
    const list = (await api.viewer.get(`/api/villages/${villageId}/comments?limit=100`).expect(200)).body.data as Dto[];
    const n6 = list.find((c) => c.id === ids.n6)!;
    expect(n6.text).toBe("Air PDAM mati tiga hari, jalan juga rusak, hubungi (0813) •••• ••88 segera");
    expect(n6.hasPersonalData).toBe(true);
  });

  it("leaves money, years, counts, RT/RW and dates as written", async () => {
    const list = (await api.viewer.get(`/api/villages/${villageId}/comments?limit=100`).expect(200)).body.data as Dto[];
    const n5 = list.find((c) => c.id === ids.n5)!;
    expect(n5.text).toBe(NOT_PII);
    expect(n5.hasPersonalData).toBe(false);
  });
});

describe("comment detail and thread", () => {
  it("redacts the comment, its post, its replies and their authors for a viewer", async () => {
    const d = (await api.viewer.get(`/api/comments/${ids.n3}`).expect(200)).body.data;
    expect(leaks(JSON.stringify(d))).toEqual([]);
    expect(d.comment.author).toMatch(PSEUDONYM);
    expect(d.replies.map((r: Dto) => r.author)).toEqual([expect.stringMatching(PSEUDONYM)]);
    expect(d.replies[0].text).toBe("Betul pak, jalan rusak parah, saya bisa dihubungi di +62 (812) ••••-••66");

    const n1 = (await api.viewer.get(`/api/comments/${ids.n1}`).expect(200)).body.data;
    expect(leaks(JSON.stringify(n1))).toEqual([]);
    expect(n1.post.text).toBe("Laporkan jalan rusak ke Pak Kadus 0812\u2013••••\u2013••55");
    // The village's own account is an office, not a resident: its name is shown.
    expect(n1.replies.map((r: Dto) => r.author)).toEqual(["Pemerintah Desa Sukamaju"]);
  });

  it("shows names, texts, links and the post raw to a pimpinan asking for raw=1", async () => {
    const d = (await api.pimpinan.get(`/api/comments/${ids.n3}?raw=1`).expect(200)).body.data;
    expect(d.comment.author).toBe("Budi Santoso");
    expect(d.comment.text).toContain(BRACKETS);
    expect(d.comment.text).toContain(SPACED);
    expect(d.comment.url).toBe(WA_LINK);
    expect(d.replies[0].text).toContain(REPLY_PHONE);
    expect((await api.pimpinan.get(`/api/comments/${ids.n1}?raw=1`).expect(200)).body.data.post.text).toContain(POST_PHONE);
    // Without raw=1 a pimpinan sees what everyone sees.
    expect((await api.pimpinan.get(`/api/comments/${ids.n3}`).expect(200)).body.data.comment.author).toMatch(PSEUDONYM);
  });

  it("never shows a name that is a phone number or e-mail, not even raw to an admin", async () => {
    for (const key of ["n1", "n2", "wa"]) {
      const d = (await api.admin.get(`/api/comments/${ids[key]}?raw=1`).expect(200)).body.data;
      expect(d.comment.author, key).toMatch(PSEUDONYM);
    }
    const thread = (await api.admin.get(`/api/comments/${ids.n3}?raw=1`).expect(200)).body.data;
    expect(thread.replies[0].author).toMatch(PSEUDONYM); // "Siti Rahma 0813 1111 2222"
    expect(JSON.stringify(thread)).not.toContain("Siti Rahma");
  });

  it("refuses raw=1 to a viewer and a perangkat", async () => {
    await api.viewer.get(`/api/comments/${ids.n3}?raw=1`).expect(403);
    await api.perangkat.get(`/api/comments/${ids.n3}?raw=1`).expect(403);
  });
});

describe("searching for a person's number or e-mail", () => {
  it("is refused to viewers and perangkat (the hits would tell whose comment it is), in the list and the exports", async () => {
    for (const q of ["3456 7893", "0812-3456", "budi@example.co.id"]) {
      for (const role of ["viewer", "perangkat"] as const) {
        const res = await api[role].get(`/api/villages/${villageId}/comments`).query({ q }).expect(403);
        expect(res.body.error.message).toMatch(/^q: /);
      }
      await api.perangkat.get(`/api/villages/${villageId}/exports/comments.csv`).query({ q }).expect(403);
    }
  });

  it("is allowed to admins and pimpinan, and ordinary words stay searchable for everyone", async () => {
    const found = (await api.pimpinan.get(`/api/villages/${villageId}/comments`).query({ q: "3456 7893" }).expect(200)).body.data as Dto[];
    expect(found.map((c) => c.id)).toContain(ids.n3);
    const words = (await api.viewer.get(`/api/villages/${villageId}/comments`).query({ q: "rusak" }).expect(200)).body.data as Dto[];
    expect(words.map((c) => c.id)).toContain(ids.n3);
  });
});

describe("weekly insights", () => {
  it("'perlu perhatian' and rising-term examples carry no names, phones or e-mails", async () => {
    // Mark the planted comments negative so they are the ones needing attention.
    for (const key of ["n1", "n2", "n3", "n6", "wa"]) await api.perangkat.patch(`/api/comments/${ids[key]}/labels`).send({ sentiment: "negatif" }).expect(200);
    const d = (await api.viewer.get(`/api/villages/${villageId}/insights?week=2026-W47`).expect(200)).body.data;
    expect(leaks(JSON.stringify(d))).toEqual([]);
    const attention = [...d.attention.mostNegative, ...d.attention.mostLiked] as Dto[];
    expect(attention.map((c) => c.id)).toEqual(expect.arrayContaining([ids.n1, ids.n2, ids.n3, ids.n6]));
    expect(attention.every((c) => PSEUDONYM.test(c.author))).toBe(true);
  });
});

describe("exports (always redacted: the file leaves the system)", () => {
  it("the CSV of a pimpinan masks names, texts and links", async () => {
    const res = await api.pimpinan.get(`/api/villages/${villageId}/exports/comments.csv?from=2026-11-16&to=2026-11-22`).buffer(true).parse(binaryParser).expect(200);
    const raw = (res.body as Buffer).toString("utf8");
    expect(leaks(raw)).toEqual([]);
    const rows = parse(res.body as Buffer, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(7);
    const n3 = rows.find((r) => r.teks.includes("kalau perlu info"))!;
    expect(n3.teks).toContain("(0812) •••• ••93 atau 0 8 1 2 • • • • • • 9 4");
    expect(n3.tautan).toBe("https://wa.me/62812••••••95");
    expect(rows.find((r) => r.teks.startsWith("Air PDAM"))!.teks).toContain("(0813) •••• ••88");
    expect(rows.find((r) => r.teks.startsWith("Dana desa"))!.teks).toBe(NOT_PII);
    expect(rows.every((r) => r.penulis.startsWith("warga-"))).toBe(true);
  });

  it("the XLSX of a pimpinan masks names, texts and links", async () => {
    const res = await api.pimpinan.get(`/api/villages/${villageId}/exports/report.xlsx?week=2026-W47`).buffer(true).parse(binaryParser).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const cells: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    const all = cells.join("\n");
    expect(leaks(all)).toEqual([]);
    expect(all).toContain("https://wa.me/62812••••••95");
    expect(all).toContain("(0812) •••• ••93");
    expect(all).toContain(NOT_PII);
  });

  it("the PDF quotes residents with every phone form masked", async () => {
    const res = await api.pimpinan.get(`/api/villages/${villageId}/reports/weekly.pdf?week=2026-W47&lang=id`).buffer(true).parse(binaryParser).expect(200);
    const text = pdfText(res.body as Buffer);
    expect(leaks(text)).toEqual([]);
    // The most-liked comment, with both numbers, is quoted: masked.
    expect(text.replace(/\s+/g, "")).toContain("(0812)••••••93atau0812••••••94");
    expect(text).toContain("Warga #1");
  });
});

describe("re-tagging after the detector changed", () => {
  it("stores the spans the new detector finds, so the personal-data filter includes the comment", async () => {
    const only = async () => ((await api.viewer.get(`/api/villages/${villageId}/comments?pii=only&limit=100`).expect(200)).body.data as Dto[]).map((c) => c.id);
    expect(await only()).not.toContain(ids.n6); // the filter reads the stored spans
    const summary = await retagVillage(env.db, villageId);
    expect(summary.retagged).toBe(1); // only the comment tagged by the older version
    const n6 = await env.db.prisma.comment.findFirstOrThrow({ where: { villageId, externalId: "n6" } });
    expect(n6.modelVersion?.startsWith(MODEL.version)).toBe(true); // plus the village's taxonomy hash
    expect(JSON.parse(n6.piiSpans!)).toEqual([{ type: "phone", start: n6.text.indexOf(STALE_PHONE), end: n6.text.indexOf(STALE_PHONE) + STALE_PHONE.length }]);
    expect(await only()).toContain(ids.n6);
  });
});
