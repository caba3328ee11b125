// Free text written by officials on a case (a note, "diteruskan ke", its reference, a reason, the
// public title) can hold a resident's number: it is shown masked to roles not allowed raw personal
// data, in the workbook, and a public title with personal data is refused like a public quote.
import ExcelJS from "exceljs";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { binaryParser } from "../helpers/pdfText";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let village: { id: number; code: string };
let viewer: ReturnType<typeof as>;
let perangkat: ReturnType<typeof as>;
let pimpinan: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let forwarded: number;
let dismissed: number;

const NOTE_PHONE = "081298765432";
const NOTE_EMAIL = "budi.s@gmail.com";
const FORWARD_PHONE = "081298765433";
const REF_PHONE = "081298765434";
const REASON_PHONE = "081298765435";
const RAW = [NOTE_PHONE, NOTE_EMAIL, FORWARD_PHONE, REF_PHONE, REASON_PHONE];
const leaked = (body: string) => RAW.filter((r) => body.includes(r));

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
  village = await createVillage(env.db, { name: "Catatan Perangkat" });
  viewer = as(app, await loginAs(app, env.db, "viewer", [village.id]));
  perangkat = as(app, await loginAs(app, env.db, "perangkat", [village.id]));
  pimpinan = as(app, await loginAs(app, env.db, "pimpinan", [village.id]));
  admin = as(app, await loginAs(app, env.db, "admin", [village.id]));
  const r = await storeBatch(env.db, {
    villageId: village.id, sourceId: null, posts: [],
    comments: [
      incomingComment({ externalId: "c1", authorId: "u1", authorName: "Budi Santoso", text: "Jalan RT 03 rusak parah, kapan diperbaiki pak?", publishedAt: new Date("2026-11-17T02:00:00Z") }),
      incomingComment({ externalId: "c2", authorId: "u2", authorName: "Siti", text: "Kapan pendataan bantuan sosial dibuka lagi?", publishedAt: new Date("2026-11-17T03:00:00Z") }),
    ],
  });
  await finishImport(env.db, village.id, r.days);
  const caseOf = async (ext: string) => (await env.db.prisma.comment.findFirstOrThrow({ where: { villageId: village.id, externalId: ext } })).caseId!;
  forwarded = await caseOf("c1");
  dismissed = await caseOf("c2");
  await perangkat.patch(`/api/cases/${forwarded}`).send({ note: `sudah ditelepon ke ${NOTE_PHONE}, email ${NOTE_EMAIL}` }).expect(200);
  await perangkat.patch(`/api/cases/${forwarded}`).send({ status: "diteruskan", forwardedTo: `Dinas PUPR, pelapor ${FORWARD_PHONE}`, forwardRef: `WA ${REF_PHONE}` }).expect(200);
  await perangkat.patch(`/api/cases/${dismissed}`).send({ status: "tidak_perlu", reason: `sudah dijawab lewat telepon ${REASON_PHONE}` }).expect(200);
});
afterAll(() => env.cleanup());

describe("officials' notes, forwarding and reasons", () => {
  it("are masked in the case detail and the inbox for a viewer and a perangkat", async () => {
    for (const api of [viewer, perangkat]) {
      const detail = (await api.get(`/api/cases/${forwarded}`).expect(200)).body.data;
      expect(leaked(JSON.stringify(detail))).toEqual([]);
      expect(detail.case.forwardedTo).toMatch(/^Dinas PUPR, pelapor /);
      expect(detail.events.find((e: { kind: string }) => e.kind === "note").details.text).toMatch(/^sudah ditelepon ke /);
      expect(leaked(JSON.stringify((await api.get(`/api/cases/${dismissed}`).expect(200)).body))).toEqual([]);
      for (const status of ["diteruskan", "tidak_perlu"]) {
        expect(leaked(JSON.stringify((await api.get(`/api/villages/${village.id}/cases?status=${status}`).expect(200)).body))).toEqual([]);
      }
    }
  });

  it("are shown as written to the pimpinan and an admin, in the detail and the inbox", async () => {
    for (const api of [pimpinan, admin]) {
      const detail = JSON.stringify((await api.get(`/api/cases/${forwarded}`).expect(200)).body) + JSON.stringify((await api.get(`/api/cases/${dismissed}`).expect(200)).body);
      expect(leaked(detail)).toEqual(RAW);
      const list = (await api.get(`/api/villages/${village.id}/cases?status=diteruskan`).expect(200)).body.data;
      expect(list.map((c: { forwardedTo: string }) => c.forwardedTo)).toEqual([`Dinas PUPR, pelapor ${FORWARD_PHONE}`]);
    }
  });

  it("are masked in the workbook's Kasus sheet", async () => {
    const res = await perangkat.get(`/api/villages/${village.id}/exports/report.xlsx?week=2026-W47`).buffer(true).parse(binaryParser).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const cells: string[] = [];
    wb.getWorksheet("Kasus")!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.some((c) => c.startsWith("Dinas PUPR, pelapor "))).toBe(true);
    expect(leaked(cells.join("\n"))).toEqual([]);
  });
});

describe("a case's public title", () => {
  it("with a phone number or NIK is refused (400 naming the field) and never reaches the public page", async () => {
    await pimpinan.put(`/api/villages/${village.id}/public`).send({ enabled: true }).expect(200);
    const r = await perangkat.patch(`/api/cases/${forwarded}`).send({ publicTitle: "Jalan RT 03 - hubungi 081234567890 NIK 3215041205900001" }).expect(400);
    expect(r.body.error.message).toBe("publicTitle: berisi data pribadi (NIK, nomor telepon atau e-mail); samarkan dulu");
    const page = JSON.stringify((await request(app).get(`/api/public/villages/${village.code}`).expect(200)).body);
    expect(page).not.toContain("081234567890");
    expect(page).not.toContain("Jalan RT 03 - hubungi");
  });

  it("naming a resident who wrote in the case is refused; a plain title is published", async () => {
    const named = await perangkat.patch(`/api/cases/${forwarded}`).send({ publicTitle: "Jalan RT 03 yang dilaporkan Pak Santoso" }).expect(400);
    expect(named.body.error.message).toBe("publicTitle: menyebut nama warga yang menulis; samarkan dulu");
    await perangkat.patch(`/api/cases/${forwarded}`).send({ publicTitle: "Perbaikan jalan RT 03" }).expect(200);
    const page = (await request(app).get(`/api/public/villages/${village.code}`).expect(200)).body.data;
    expect(page.cases.map((c: { title: string }) => c.title)).toEqual(["Perbaikan jalan RT 03"]);
  });
});
