// What a role not allowed raw personal data (viewer, perangkat) could learn about who wrote: ids
// derived from the author, a draft quote whose masks mark the author's name, a source named after a
// resident's phone number. Admin and pimpinan see the raw names.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { importWhatsApp } from "@suara-desa/jobs/ingest/whatsapp/importWhatsApp";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { binaryParser, pdfText } from "../helpers/pdfText";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let village: { id: number; code: string };
let viewer: ReturnType<typeof as>;
let perangkat: ReturnType<typeof as>;
let pimpinan: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;

const SENDER_PHONE = "+62 812-3456-7821";
const CHAT_PHONE = "+62 857-1122-3344";

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
  village = await createVillage(env.db, { name: "Jejak Penulis" });
  viewer = as(app, await loginAs(app, env.db, "viewer", [village.id]));
  perangkat = as(app, await loginAs(app, env.db, "perangkat", [village.id]));
  pimpinan = as(app, await loginAs(app, env.db, "pimpinan", [village.id]));
  admin = as(app, await loginAs(app, env.db, "admin", [village.id]));
  const group = path.join(env.dir, "WhatsApp Chat with Warga RW 02.txt");
  fs.writeFileSync(group, [
    `20/11/26 19.05 - ${SENDER_PHONE}: Jalan depan masjid rusak parah, tolong diperbaiki segera pak`,
    "20/11/26 19.07 - Bu Siti Aminah: Lampu jalan di gang mawar mati sudah seminggu",
  ].join("\n") + "\n");
  await importWhatsApp(env.db, group, { villageCode: village.code });
  // WhatsApp names a chat with an unsaved number after the number.
  const single = path.join(env.dir, `WhatsApp Chat with ${CHAT_PHONE}.txt`);
  fs.writeFileSync(single, `20/11/26 19.09 - ${CHAT_PHONE}: Selamat malam pak, lampu jalan di gang kenanga mati sudah seminggu\n`);
  await importWhatsApp(env.db, single, { villageCode: village.code });
  const csv = path.join(env.dir, "form.csv");
  fs.writeFileSync(csv, "text,published_at,author\nSelokan mampet di RT 04 tolong dibersihkan,2026-11-19T08:00:00+07:00,Haji Dudung\n");
  await importFile(env.db, csv, { villageCode: village.code });
});
afterAll(() => env.cleanup());

describe("ids and links made from the author", () => {
  it("are sent to no role: the hash of a WhatsApp or CSV row would confirm a guessed name or number", async () => {
    const stored = await env.db.prisma.comment.findMany({ where: { villageId: village.id }, select: { id: true, externalId: true } });
    expect(stored.map((c) => c.externalId)).toEqual(expect.arrayContaining([expect.stringMatching(/^wa:/), expect.stringMatching(/^h_/)]));
    for (const api of [viewer, perangkat, pimpinan, admin]) {
      const list = JSON.stringify((await api.get(`/api/villages/${village.id}/comments?limit=50`).expect(200)).body);
      const details = await Promise.all(stored.map(async (c) => JSON.stringify((await api.get(`/api/comments/${c.id}`).expect(200)).body)));
      expect([list, ...details].filter((body) => stored.some((c) => body.includes(c.externalId)))).toEqual([]);
    }
  });

  it("a post on X is linked without its author's username, except in the pimpinan's raw view", async () => {
    const url = "https://x.com/wawan_hermawan/status/1861234567890123456";
    const r = await storeBatch(env.db, { villageId: village.id, sourceId: null, posts: [], comments: [
      incomingComment({ platform: "x", externalId: "1861234567890123456", authorId: "4242", authorName: "Wawan (@wawan_hermawan)", url, text: "Lampu jalan di gang mawar mati lagi", publishedAt: new Date("2026-11-19T02:00:00Z") }),
    ] });
    await finishImport(env.db, village.id, r.days);
    const id = (await env.db.prisma.comment.findFirstOrThrow({ where: { villageId: village.id, externalId: "1861234567890123456" } })).id;
    for (const api of [viewer, perangkat, pimpinan]) {
      const listed = (await api.get(`/api/villages/${village.id}/comments?platform=x`).expect(200)).body.data;
      expect(listed.map((c: { url: string }) => c.url)).toEqual(["https://x.com/i/web/status/1861234567890123456"]);
    }
    expect((await pimpinan.get(`/api/comments/${id}?raw=1`).expect(200)).body.data.comment.url).toBe(url);
  });

  it("re-importing the same WhatsApp export and CSV adds no comment (their keys did not change)", async () => {
    const before = await env.db.prisma.comment.count({ where: { villageId: village.id } });
    const again = await importWhatsApp(env.db, path.join(env.dir, "WhatsApp Chat with Warga RW 02.txt"), { villageCode: village.code });
    const csv = await importFile(env.db, path.join(env.dir, "form.csv"), { villageCode: village.code });
    expect({ wa: again.new, csv: csv.new, count: await env.db.prisma.comment.count({ where: { villageId: village.id } }) }).toEqual({ wa: 0, csv: 0, count: before });
  });
});

describe("one resident writing to two villages", () => {
  it("has a different pseudonym in each village's list (the exports print the same label), so two offices cannot join their lists on it", async () => {
    const other = await createVillage(env.db, { name: "Desa Tetangga" });
    const otherViewer = as(app, await loginAs(app, env.db, "viewer", [other.id]));
    const text = (v: string) => `Jembatan gantung di ${v} goyang, mohon dicek sebelum musim hujan`;
    for (const v of [village, other]) {
      const r = await storeBatch(env.db, { villageId: v.id, sourceId: null, posts: [], comments: [incomingComment({ platform: "facebook", externalId: `fb-same-${v.id}`, authorId: "fb-user-4411", authorName: "Pak Warsito", text: text(v.code), publishedAt: new Date("2026-11-21T02:00:00Z") })] });
      await finishImport(env.db, v.id, r.days);
    }
    const authorIn = async (api: ReturnType<typeof as>, v: { id: number; code: string }) => {
      const rows = (await api.get(`/api/villages/${v.id}/comments?limit=50`).expect(200)).body.data as Array<{ text: string; author: string }>;
      return rows.find((r) => r.text === text(v.code))!.author;
    };
    const here = await authorIn(viewer, village);
    const there = await authorIn(otherViewer, other);
    expect(here).toMatch(/^warga-[0-9a-f]{6}$/);
    expect(there).toMatch(/^warga-[0-9a-f]{6}$/);
    expect(here).not.toBe(there);
    const stored = await env.db.prisma.comment.findMany({ where: { externalId: { startsWith: "fb-same-" } }, select: { authorPseudonym: true } });
    expect(new Set(stored.map((c) => c.authorPseudonym)).size).toBe(1);
  });
});

describe("a WhatsApp chat named after a resident's number", () => {
  it("is shown masked on Sumber Data to a viewer and a perangkat, in full to an admin and the pimpinan", async () => {
    const sources = async (api: ReturnType<typeof as>) => JSON.stringify((await api.get(`/api/villages/${village.id}/sources`).expect(200)).body.data);
    for (const api of [viewer, perangkat]) {
      const body = await sources(api);
      expect(body).not.toContain("1122-3344");
      expect(body).toContain("WhatsApp: Warga RW 02");
    }
    for (const api of [admin, pimpinan]) expect(await sources(api)).toContain(`WhatsApp: ${CHAT_PHONE}`);
  });

  it("is masked in the weekly PDF's sources table", async () => {
    const pdf = await perangkat.get(`/api/villages/${village.id}/reports/weekly.pdf?week=2026-W47`).buffer(true).parse(binaryParser).expect(200);
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, " ");
    expect(text).toContain("Warga RW 02");
    expect(text).not.toContain("1122-3344");
  });
});

describe("the draft public quote of a case", () => {
  let caseId: number;
  beforeAll(async () => {
    const r = await storeBatch(env.db, {
      villageId: village.id, sourceId: null, posts: [],
      comments: [incomingComment({
        externalId: "sq1", authorId: "fb-777", authorName: "Wawan Hermawan", publishedAt: new Date("2026-11-20T02:00:00Z"),
        text: "Pak kades, saya wawan dari RT 02, pertanian kami kebanjiran, kapan saluran diperbaiki?",
      })],
    });
    await finishImport(env.db, village.id, r.days);
    caseId = (await env.db.prisma.comment.findFirstOrThrow({ where: { villageId: village.id, externalId: "sq1" } })).caseId!;
  });

  it("is not given to a viewer or a perangkat, whose text is beside it and whose author is a pseudonym", async () => {
    for (const api of [viewer, perangkat]) {
      const d = (await api.get(`/api/cases/${caseId}`).expect(200)).body.data;
      expect(d.comments[0].comment.author).toMatch(/^warga-/);
      expect(d.suggestedQuote).toBe("");
    }
  });

  it("is given to the pimpinan and an admin, who see the names: names masked", async () => {
    for (const api of [pimpinan, admin]) {
      const d = (await api.get(`/api/cases/${caseId}`).expect(200)).body.data;
      expect(d.suggestedQuote).toBe("Pak kades, saya ••• dari RT 02, pertanian kami kebanjiran, kapan saluran diperbaiki?");
    }
  });
});
