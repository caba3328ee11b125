// Laporan Aspirasi Warga and exports: the PDF read back (village, period, topics, no raw personal
// data), the workbook read back with exceljs, the CSV round-tripped through csv-parse with exactly
// the rows of the comments API, stored reports and the weekly scheduler entry point, and the CLI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import express from "express";
import { parse } from "csv-parse/sync";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { loadSession } from "@suara-desa/server/auth/middleware";
import { errorHandler } from "@suara-desa/server/middleware/errorHandler";
import { reportsRouter } from "@suara-desa/server/routes/reports";
import { generateWeeklyReports } from "@suara-desa/core/services/reports/reportService";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { as, loginAs } from "../helpers/session";
import { binaryParser, pdfText } from "../helpers/pdfText";
import { readModelCard } from "@suara-desa/core/nlp/modelCard";
import { formatPercent } from "@suara-desa/core/services/reports/reportStrings";
import { createTempDatabase } from "../helpers/tempDb";

const NIK = "3215014506900001";
const PHONE = "081234567890";
const TRICKY = 'Jalan "Cikampek", rusak\nparah 😡👍 tolong, pak';
const FORMULA = "=1+1 jalan berlubang di dusun 2 belum diperbaiki";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: express.Express;
let villageId: number;
let villageCode: string;
let emptyVillageId: number;
/** perangkat desa of the village: may export. */
let api: ReturnType<typeof as>;


const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  env = await createTempDatabase();
  // Until app.ts mounts reportsRouter, mount it (behind the session middleware) in front of the app.
  app = express();
  app.set("query parser", "simple");
  app.use("/api", loadSession(env.db));
  app.use("/api", reportsRouter(env.db));
  app.use(createApp({ db: env.db, clientDir: null, log: () => {} }));
  app.use(errorHandler(() => {}));

  const v = await createVillage(env.db, { name: "Desa Sukamaju" });
  villageId = v.id;
  villageCode = v.code;
  emptyVillageId = (await createVillage(env.db, { name: "Desa Kosong" })).id;
  api = as(app, await loginAs(app, env.db, "perangkat", [villageId]));

  const person = (name: string) => ({ authorId: `id-${name}`, authorName: name });
  const comments = [
    // 2026-W47 (16–22 Nov, Jakarta)
    incomingComment({ ...person("Budi Santoso"), text: `Jalan di RT 03 rusak parah sudah sebulan, saya bisa ditelpon ${PHONE} pak`, publishedAt: at("2026-11-17T03:00:00Z"), likeCount: 50 }),
    incomingComment({ ...person("Siti Aminah"), text: `Jalan depan rumah rusak dan berlubang, NIK saya ${NIK} mohon didata untuk perbaikan`, publishedAt: at("2026-11-18T03:00:00Z"), likeCount: 45 }),
    incomingComment({ ...person("Asep Sunandar"), text: TRICKY, publishedAt: at("2026-11-18T05:00:00Z"), likeCount: 44 }),
    incomingComment({ ...person("Dedi"), text: FORMULA, publishedAt: at("2026-11-19T05:00:00Z"), likeCount: 1 }),
    incomingComment({ ...person("Euis"), text: "@kades air PDAM mati tiga hari, warga kesulitan air bersih", publishedAt: at("2026-11-19T06:00:00Z"), likeCount: 30, platform: "instagram" }),
    incomingComment({ ...person("Rina"), text: "Terima kasih pak kades, jalannya sudah diaspal, mantap sekali", publishedAt: at("2026-11-20T06:00:00Z"), likeCount: 12, platform: "instagram" }),
    incomingComment({ ...person("Ujang"), text: "Jembatan ambruk di kali cibeet, anak sekolah harus memutar jauh", publishedAt: at("2026-11-20T07:00:00Z"), likeCount: 20 }),
    incomingComment({ ...person("Neneng"), text: "jembatan ambruk belum ada perbaikan sama sekali", publishedAt: at("2026-11-21T07:00:00Z"), likeCount: 8, platform: "x" }),
    incomingComment({ ...person("Tono"), text: "Tolong jembatan ambruk segera diperbaiki sebelum musim hujan", publishedAt: at("2026-11-21T09:00:00Z"), likeCount: 5 }),
    incomingComment({ ...person("Yayan"), text: "Jembatan ambruk bikin warga susah ke pasar", publishedAt: at("2026-11-22T01:00:00Z"), likeCount: 3 }),
    incomingComment({ ...person("Bot"), text: "slot gacor maxwin hari ini, link di bio, deposit 10rb", publishedAt: at("2026-11-21T02:00:00Z"), platform: "x" }),
    // 2026-W46, the previous week
    incomingComment({ ...person("Budi Santoso"), text: "Jalan rusak lagi di RT 01", publishedAt: at("2026-11-10T02:00:00Z") }),
    incomingComment({ ...person("Euis"), text: "Air bersih susah sekali minggu ini", publishedAt: at("2026-11-11T02:00:00Z") }),
  ];
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
});
afterAll(() => env.cleanup());

describe("weekly and monthly PDF", () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    const res = await api.get(`/api/villages/${villageId}/reports/weekly.pdf?week=2026-W47`).buffer(true).parse(binaryParser).expect(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="laporan-aspirasi-desa-sukamaju-2026-W47.pdf"');
    pdf = res.body as Buffer;
    text = pdfText(pdf);
  });

  it("is an A4 PDF naming the village, the period and the topics", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text).toContain("LAPORAN ASPIRASI WARGA");
    expect(text).toContain("Desa Sukamaju");
    expect(text).toContain("Minggu 47 · 16–22 November 2026");
    expect(text).toContain("Infrastruktur");
    expect(text).toContain("Air Bersih");
    expect(text).toMatch(/Halaman 1 dari \d/);
    expect(text).toContain("jembatan ambruk"); // rising term: new this week, in 4 comments
    // The cover says how fresh the data is (these comments were stored without any fetch or import run).
    expect(text.replace(/\s+/g, " ")).toContain("Sumber data belum pernah mengambil komentar");
  });

  it("does not compare a handful of comments in points: the share's change is told in counts, as on screen", () => {
    // 11 comments this week (1 spam), 2 the week before: below the review's small-sample rule.
    const lines = text.split("\n");
    const card = lines.indexOf("Porsi negatif");
    expect(card).toBeGreaterThanOrEqual(0);
    const change = lines.slice(card + 2, card + 5).join(" ").replace(/\s+/g, " ");
    expect(change).toMatch(/^\d+ negatif \(sebelumnya 2\); sampel kecil/);
    expect(change).not.toContain("poin");
  });

  it("has the Tindak lanjut section the BPD reads out: the review's response figures and the open issues by topic", async () => {
    const o = (await api.get(`/api/villages/${villageId}/overview?week=2026-W47`).expect(200)).body.data;
    expect(o.totals.needsReply).toBeGreaterThan(3);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Tindak lanjut aspirasi warga");
    // The same figures as the weekly review (one computation): issues, answered, overdue now.
    expect(flat).toContain(`Isu baru yang perlu dijawab ${o.totals.needsReply}`);
    expect(flat).toContain(`Dijawab di publik ${o.totals.answered} (0,0%)`);
    expect(flat).toContain(`Terlambat saat ini (dari isu periode ini) ${o.totals.overdue}`);
    expect(flat).toContain("Isu yang masih terbuka per topik");
    expect(flat).toContain("Isu terbuka untuk dibahas");
    // Open issues are quoted redacted, like every quote of the report.
    expect(flat).not.toContain(PHONE);
    expect(flat).not.toContain(NIK);
  });

  it("states the sentiment accuracy measured on test data, from the model card", () => {
    const card = readModelCard();
    expect(card).not.toBeNull();
    const smsa = card!.sentiment.model.find((f) => f.dataset === "smsa")!;
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("diukur pada data uji yang tidak dipakai untuk melatihnya");
    expect(flat).toContain(`SmSA (Indonesia) ${formatPercent(smsa.accuracy, "id")}`);
    expect(flat).not.toContain("belum diukur");
  });

  it("quotes residents with personal data masked and no names", () => {
    const flat = text.replace(/\s+/g, "");
    expect(flat).not.toContain(NIK);
    expect(flat).not.toContain(PHONE);
    expect(text).toContain("0812••••••90"); // the phone comment is quoted, masked
    expect(text).toContain("3215••••••••0001");
    expect(text).toContain("Warga #1");
    for (const name of ["Budi Santoso", "Siti Aminah", "Asep Sunandar"]) expect(text).not.toContain(name);
    expect(text).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
  });

  it("speaks English on lang=en and renders a month", async () => {
    const en = await api.get(`/api/villages/${villageId}/reports/weekly.pdf?week=2026-W47&lang=en`).buffer(true).parse(binaryParser).expect(200);
    expect(en.headers["content-disposition"]).toContain("laporan-aspirasi-desa-sukamaju-2026-W47-en.pdf");
    const t = pdfText(en.body as Buffer);
    expect(t).toContain("Weekly Report");
    expect(t).toContain("Infrastructure");
    const month = await api.get(`/api/villages/${villageId}/reports/monthly.pdf?month=2026-11`).buffer(true).parse(binaryParser).expect(200);
    const mt = pdfText(month.body as Buffer);
    expect(mt).toContain("Bulan November 2026");
    expect(mt).toContain("Tren sentimen 6 bulan terakhir");
  });

  it("answers bad parameters with 400 naming the field, unknown villages with 404", async () => {
    for (const [url, field] of [
      [`/api/villages/${villageId}/reports/weekly.pdf?week=2026-47`, "week"],
      [`/api/villages/${villageId}/reports/weekly.pdf?lang=fr`, "lang"],
      [`/api/villages/${villageId}/reports/monthly.pdf?month=2026-13`, "month"],
      [`/api/villages/abc/reports`, "villageId"],
      [`/api/villages/${villageId}/exports/comments.csv?sentiment=bagus`, "sentiment"],
      [`/api/villages/${villageId}/exports/comments.csv?from=2026-11-20&to=2026-11-01`, "from"],
      [`/api/villages/${villageId}/exports/report.xlsx?week=W47`, "week"],
      [`/api/reports/abc/download`, "id"],
    ] as const) {
      const res = await api.get(url).expect(400);
      expect(res.body.error.message).toContain(`${field}:`);
    }
    await as(app, await loginAs(app, env.db, "admin", [])).get(`/api/villages/9999/reports/weekly.pdf`).expect(404);
    await api.get(`/api/reports/9999/download`).expect(404);
  });

  it("needs a login (401) and a role that may export this village (403)", async () => {
    const url = `/api/villages/${villageId}/reports/weekly.pdf?week=2026-W47`;
    await request(app).get(url).expect(401);
    await request(app).get(`/api/villages/${villageId}/exports/comments.csv`).expect(401);
    const viewer = as(app, await loginAs(app, env.db, "viewer", [villageId]));
    expect((await viewer.get(url).expect(403)).body.error.code).toBe("forbidden");
    await viewer.get(`/api/villages/${villageId}/reports`).expect(403);
    const otherVillage = as(app, await loginAs(app, env.db, "pimpinan", [emptyVillageId]));
    await otherVillage.get(`/api/villages/${villageId}/exports/report.xlsx?week=2026-W47`).expect(403);
  });
});

describe("stored reports", () => {
  it("stores a finished week, lists it and serves the file", async () => {
    await api.get(`/api/villages/${villageId}/reports/weekly.pdf?week=2026-W47`).expect(200);
    const list = await api.get(`/api/villages/${villageId}/reports`).expect(200);
    const r = list.body.data.find((x: { period: string; language: string }) => x.period === "2026-W47" && x.language === "id");
    expect(r).toMatchObject({ kind: "weekly", format: "pdf", fileName: "laporan-aspirasi-desa-sukamaju-2026-W47.pdf", createdBy: expect.stringMatching(/^perangkat-\d+$/) });
    const file = await api.get(r.downloadUrl).buffer(true).parse(binaryParser).expect(200);
    expect((file.body as Buffer).length).toBe(r.bytes);
    expect(file.headers["content-disposition"]).toContain("laporan-aspirasi-desa-sukamaju-2026-W47.pdf");
    // Another village's official cannot fetch it by id.
    const other = as(app, await loginAs(app, env.db, "pimpinan", [emptyVillageId]));
    await other.get(r.downloadUrl).expect(404);
    const audits = await env.db.prisma.auditLog.findMany({ where: { action: "export", villageId } });
    expect(audits.map((a) => a.target)).toEqual(expect.arrayContaining(["report:weekly:2026-W47", `report:${r.id}`]));
  });

  it("generates last week's report for every village on Monday morning", async () => {
    // Monday 23 Nov 07:00 WIB = 00:00 UTC.
    const results = await generateWeeklyReports(env.db, new Date("2026-11-23T00:00:00Z"));
    expect(results.find((r) => r.villageId === villageId)).toMatchObject({ week: "2026-W47", status: "stored" });
    expect(results.find((r) => r.villageId === emptyVillageId)).toMatchObject({ week: "2026-W47", status: "empty", reportId: null });
    const stored = await env.db.prisma.report.findFirst({ where: { villageId, period: "2026-W47", language: "id" } });
    expect(stored?.createdBy).toBeNull();
    // The file is in the database, so any server or worker machine can serve it.
    const withFile = await env.db.prisma.report.findUnique({ where: { id: stored!.id } });
    expect(Buffer.from(withFile!.content!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(withFile!.filePath).toBe(`${villageCode}/laporan-aspirasi-desa-sukamaju-2026-W47.pdf`);
    const runs = await env.db.prisma.jobRun.count({ where: { kind: "report" } });
    expect(runs).toBe(2);
  });
});

describe("CSV export", () => {
  async function apiIds(query: Record<string, string>): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await api
        .get(`/api/villages/${villageId}/comments`)
        .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      ids.push(...res.body.data.map((c: { id: number }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return ids;
  }

  async function csvRows(query: Record<string, string>): Promise<{ raw: Buffer; rows: Array<Record<string, string>>; disposition: string }> {
    const res = await api.get(`/api/villages/${villageId}/exports/comments.csv`).query(query).buffer(true).parse(binaryParser).expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const raw = res.body as Buffer;
    return { raw, rows: parse(raw, { bom: true, columns: true, skip_empty_lines: false }) as Array<Record<string, string>>, disposition: res.headers["content-disposition"] };
  }

  it("starts with a BOM and round-trips commas, quotes, line breaks and emoji", async () => {
    const { raw, rows, disposition } = await csvRows({ from: "2026-11-16", to: "2026-11-22" });
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(disposition).toContain("komentar-desa-sukamaju-2026-11-16_2026-11-22.csv");
    const tricky = rows.find((r) => r.teks.includes("Cikampek"));
    expect(tricky?.teks).toBe(TRICKY);
    expect(rows.find((r) => r.teks.includes("berlubang di dusun"))?.teks).toBe(`'${FORMULA}`);
    const masked = rows.find((r) => r.teks.includes("ditelpon"));
    expect(masked?.teks).not.toContain(PHONE);
    expect(masked?.data_pribadi_disamarkan).toBe("ya");
    expect(rows.every((r) => r.penulis.startsWith("warga-"))).toBe(true);
    expect(raw.toString("utf8")).not.toContain("Budi Santoso");
  });

  it("has exactly the rows the comments API returns for the same filters", async () => {
    for (const query of [
      {},
      { from: "2026-11-16", to: "2026-11-22" },
      { topic: "infrastruktur" },
      { sentiment: "negatif", platform: "facebook" },
      { spam: "only" },
      { spam: "include", sort: "likes" },
      { q: "jembatan" },
      { pii: "only" },
    ] as Array<Record<string, string>>) {
      const expected = await apiIds(query);
      const { rows } = await csvRows(query);
      expect(rows.map((r) => Number(r.id)), JSON.stringify(query)).toEqual(expected);
    }
  });

  it("names each author as the comments list does for the same reader, so rows can be matched", async () => {
    const list = await api.get(`/api/villages/${villageId}/comments`).query({ limit: 100 }).expect(200);
    const shown = new Map<number, string>(list.body.data.map((c: { id: number; author: string }) => [c.id, c.author]));
    const { rows } = await csvRows({});
    const matched = rows.filter((r) => shown.has(Number(r.id)));
    expect(matched.length).toBeGreaterThan(0);
    for (const r of matched) expect(r.penulis).toBe(shown.get(Number(r.id)));
  });
});

describe("XLSX export", () => {
  it("has the Ringkasan, Komentar and Topik sheets with neutralised formula cells", async () => {
    const res = await api.get(`/api/villages/${villageId}/exports/report.xlsx?week=2026-W47`).buffer(true).parse(binaryParser).expect(200);
    expect(res.headers["content-disposition"]).toContain("laporan-aspirasi-desa-sukamaju-2026-W47.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ringkasan", "Komentar", "Topik", "Kasus"]);

    const sum = wb.getWorksheet("Ringkasan")!;
    const cells: string[] = [];
    sum.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.join("|")).toContain("Desa Sukamaju");
    expect(cells.join("|")).toContain("2026-W47");

    const com = wb.getWorksheet("Komentar")!;
    const header = (com.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["id", "waktu_lokal", "platform", "penulis", "teks"]);
    // Dates are the village's wall time: a real date cell, and words in the summary.
    const firstTime = com.getRow(2).getCell(2);
    expect(firstTime.value).toBeInstanceOf(Date);
    expect(firstTime.numFmt).toBe("d mmm yyyy hh:mm");
    const generated = cells.find((_, i) => cells[i - 1] === "Dibuat");
    expect(generated).toMatch(/^\d{1,2} \p{L}{3} \d{4} \d{2}\.\d{2} WIB$/u);
    expect(cells.join("|")).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const textCol = header.indexOf("teks") + 1;
    const texts: ExcelJS.Cell[] = [];
    com.eachRow((row, n) => n > 1 && texts.push(row.getCell(textCol)));
    // The week only (no dates in the filter), spam excluded: 10 comments.
    expect(texts).toHaveLength(10);
    expect(texts.map((c) => c.value)).toContain(TRICKY);
    const formula = texts.find((c) => String(c.value).includes("berlubang di dusun"))!;
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe(`'${FORMULA}`);
    expect(texts.some((c) => String(c.value).includes(NIK))).toBe(false);

    const top = wb.getWorksheet("Topik")!;
    const names: string[] = [];
    top.eachRow((row, n) => n > 1 && names.push(String(row.getCell(2).value)));
    expect(names).toContain("Infrastruktur");

    const cases = wb.getWorksheet("Kasus")!;
    expect((cases.getRow(1).values as unknown[]).slice(1, 7)).toEqual(["No. isu", "Dibuka", "Topik", "Maksud", "Darurat", "Status"]);
    const rows: string[][] = [];
    cases.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1).map(String)));
    const listed = (await api.get(`/api/villages/${villageId}/cases?limit=200`).expect(200)).body.total;
    expect(rows).toHaveLength(listed);
    // Local dates, words for statuses, and no personal data.
    expect(rows[0][1]).toMatch(/^\d{1,2} Nov 2026/);
    expect(rows.map((r) => r[5])).toContain("Perlu jawaban");
    expect(rows.flat().join("|")).not.toContain(NIK);
  });
});

describe("what each download holds", () => {
  async function workbook(url: string): Promise<ExcelJS.Workbook> {
    const res = await api.get(url).buffer(true).parse(binaryParser).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return wb;
  }
  const summaryCells = (wb: ExcelJS.Workbook) => {
    const cells: string[] = [];
    wb.getWorksheet("Ringkasan")!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    return cells;
  };
  const commentIds = (wb: ExcelJS.Workbook) => {
    const ids: number[] = [];
    wb.getWorksheet("Komentar")!.eachRow((row, n) => n > 1 && ids.push(Number(row.getCell(1).value)));
    return ids;
  };

  it("names the CSV's columns by what they hold: the local time and the calendar date", async () => {
    const res = await api.get(`/api/villages/${villageId}/exports/comments.csv?from=2026-11-16&to=2026-11-22`).buffer(true).parse(binaryParser).expect(200);
    const rows = parse(res.body as Buffer, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]).slice(0, 3)).toEqual(["id", "waktu_lokal", "tanggal"]);
    for (const r of rows) {
      expect(r.tanggal).toMatch(/^2026-11-(1[6-9]|2[0-2])$/);
      expect(r.waktu_lokal.startsWith(r.tanggal)).toBe(true);
    }
  });

  it("describes the workbook's filter in words", async () => {
    const wb = await workbook(`/api/villages/${villageId}/exports/report.xlsx?week=2026-W47&topic=infrastruktur&sentiment=negatif&spam=include`);
    const cells = summaryCells(wb);
    const filter = cells[cells.indexOf("Filter") + 1];
    expect(filter).toBe("Topik: Infrastruktur; Sentimen: negatif; Dari tanggal: 16 November 2026; Sampai tanggal: 22 November 2026; Spam ikut dihitung");
  });

  it("gives the explorer's workbook (no week) exactly the filter's comments, like its CSV", async () => {
    const wb = await workbook(`/api/villages/${villageId}/exports/report.xlsx?topic=infrastruktur`);
    const csv = await api.get(`/api/villages/${villageId}/exports/comments.csv?topic=infrastruktur`).buffer(true).parse(binaryParser).expect(200);
    const csvIds = (parse(csv.body as Buffer, { bom: true, columns: true }) as Array<{ id: string }>).map((r) => Number(r.id));
    // Both weeks' road complaints, not only the latest week's.
    expect(csvIds.length).toBeGreaterThan(0);
    expect(commentIds(wb)).toEqual(csvIds);
    const days = await env.db.prisma.comment.findMany({ where: { id: { in: csvIds } }, select: { day: true } });
    expect(days.some((d) => d.day < "2026-11-16")).toBe(true);
    // The summary covers the latest week with data, and says the filter in words.
    const cells = summaryCells(wb);
    expect(cells.join("|")).toContain("2026-W47");
    expect(cells[cells.indexOf("Filter") + 1]).toBe("Topik: Infrastruktur");
  });

  it("exports names only for a role allowed raw personal data that asks for them, and audits it", async () => {
    const url = `/api/villages/${villageId}/exports/comments.csv?from=2026-11-16&to=2026-11-22&names=1`;
    expect((await api.get(url).expect(403)).body.error.message).toContain("data pribadi");
    const pimpinan = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
    const res = await pimpinan.get(url).buffer(true).parse(binaryParser).expect(200);
    const rows = parse(res.body as Buffer, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.penulis)).toContain("Budi Santoso");
    // Text stays masked: names were asked for, not personal numbers.
    expect((res.body as Buffer).toString("utf8")).not.toContain(PHONE);
    const wb = await (async () => {
      const x = await pimpinan.get(`/api/villages/${villageId}/exports/report.xlsx?week=2026-W47&names=1`).buffer(true).parse(binaryParser).expect(200);
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(x.body as unknown as Parameters<typeof w.xlsx.load>[0]);
      return w;
    })();
    const authors: string[] = [];
    wb.getWorksheet("Komentar")!.eachRow((row, n) => n > 1 && authors.push(String(row.getCell(4).value)));
    expect(authors).toContain("Siti Aminah");
    expect(summaryCells(wb).join("|")).toContain("Nama penulis dicantumkan");
    const audits = await env.db.prisma.auditLog.findMany({ where: { action: "export", villageId }, orderBy: { id: "desc" }, take: 2 });
    expect(audits.map((a) => JSON.parse(a.details ?? "{}").names)).toEqual([true, true]);
    // Without names=1 the same role gets the pseudonyms the list shows.
    const plain = await pimpinan.get(url.replace("&names=1", "")).buffer(true).parse(binaryParser).expect(200);
    expect((plain.body as Buffer).toString("utf8")).not.toContain("Budi Santoso");
  });
});

describe("npm run report (CLI)", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "jobs/src/cli/report.ts", ...args], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: env.db.url, SCHEDULER: "off" },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("writes the weekly PDF to --out and prints a summary line", () => {
    const out = path.join(env.dir, "cli", "laporan.pdf");
    const r = cli(["--village", villageCode, "--week", "2026-W47", "--out", out]);
    expect(r.stderr).not.toContain("error");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/report: laporan-aspirasi-desa-sukamaju-2026-W47\.pdf written to .*laporan\.pdf \(\d+\.\d KB\)/);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("names the bad flag", () => {
    const r = cli(["--village", villageCode, "--week", "47"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--week: must be an ISO week");
  });
});
