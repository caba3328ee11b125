// Exports and report generation under pressure and attack: extreme or impossible periods get a 400
// naming the field and store nothing; downloads stream (every CSV row, no silent cut at 100,000);
// a second export of the same user while the first is still being sent gets 429, and so does one
// past the server's limit; only requests from our own pages may generate; no data API answer may be
// cached. Walks 401 -> 400 -> 403 -> 200 like every API test.
import { spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import path from "node:path";
import type express from "express";
import { parse } from "csv-parse/sync";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReportArgs } from "@suara-desa/jobs/cli/report";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createApp } from "@suara-desa/server/app";
import { sqlRun } from "@suara-desa/core/db/sql";
import { ExportLimiter } from "@suara-desa/server/middleware/exportLimit";
import { exportRowPages } from "@suara-desa/core/services/reports/exportRows";
import { weeklyPeriod } from "@suara-desa/core/services/reports/period";
import { getReportData } from "@suara-desa/core/services/reports/reportData";
import { generatePdfReport } from "@suara-desa/core/services/reports/reportService";
import { ExportAborted } from "@suara-desa/core/services/reports/streamSink";
import { writeReportXlsx } from "@suara-desa/core/services/reports/xlsxReport";
import { createVillage, incomingComment } from "../factories/village";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: express.Express;
let limiter: ExportLimiter;
let villageId: number;
let villageCode: string;
/** perangkat desa of the village: may export. */
let api: ReturnType<typeof as>;

const storedReports = () => env.db.prisma.report.count({ where: { villageId } });
const exportAudits = () => env.db.prisma.auditLog.count({ where: { villageId, action: "export" } });

beforeAll(async () => {
  env = await createTempDatabase();
  limiter = new ExportLimiter({ perUser: 1, perServer: 2 });
  app = createApp({ db: env.db, clientDir: null, log: () => {}, exportLimiter: limiter });
  const v = await createVillage(env.db, { name: "Desa Ekspor" });
  villageId = v.id;
  villageCode = v.code;
  api = as(app, await loginAs(app, env.db, "perangkat", [villageId]));
  const texts = [
    "Lampu jalan di gang mawar mati sejak minggu lalu, gelap sekali kalau malam",
    "Jalan desa menuju sawah rusak parah dan berlubang setelah hujan deras",
    "Terima kasih pak kades, posyandu bulan ini pelayanannya ramah dan cepat",
    "Air PDAM di RT 04 mati tiga hari, warga harus beli air galon",
    "Sampah di dekat pasar menumpuk, baunya sampai ke sekolah dasar",
    "Kapan pembagian bantuan pupuk untuk kelompok tani dilaksanakan?",
    "Jembatan kecil di dusun dua retak, mohon diperiksa sebelum ambruk",
    "Pelayanan surat pengantar di kantor desa sekarang lebih cepat, mantap",
    "Saluran irigasi tersumbat lumpur, sawah kami kekeringan",
    "Anak-anak butuh lapangan bola yang layak, sekarang penuh ilalang",
    "Harga beras di warung naik terus, mohon ada operasi pasar",
    "Banjir kecil di depan masjid setiap hujan karena got mampet",
    "Sinyal internet di balai desa lemah, susah untuk belajar daring",
  ];
  const comments = texts.map((text, i) => incomingComment({ text, publishedAt: new Date(Date.UTC(2026, 10, 10 + i, 3)) }));
  const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments });
  await finishImport(env.db, villageId, r.days);
});
afterAll(() => env.cleanup());

describe("periods and dates: one schema, a 400 naming the field, nothing stored", () => {
  const bad = () => [
    [`/api/villages/${villageId}/reports/weekly.pdf?week=9999-W52`, "week: year must be between 2000 and 2100, got 9999"],
    [`/api/villages/${villageId}/exports/report.xlsx?week=9999-W52`, "week: year must be between 2000 and 2100, got 9999"],
    [`/api/villages/${villageId}/reports/monthly.pdf?month=0000-01`, "month: year must be between 2000 and 2100, got 0000"],
    [`/api/villages/${villageId}/reports/weekly.pdf?week=2025-W53`, "week: 2025 has weeks 01 to 52, got W53"],
    [`/api/villages/${villageId}/exports/comments.csv?from=2026-02-30`, "from: 2026-02-30 is not a calendar date"],
    [`/api/villages/${villageId}/exports/report.xlsx?week=2026-W46&to=2026-04-31`, "to: 2026-04-31 is not a calendar date"],
    [`/api/villages/${villageId}/comments?from=2026-02-30`, "from: 2026-02-30 is not a calendar date"],
    [`/api/villages/${villageId}/overview?week=9999-W52`, "week: year must be between 2000 and 2100, got 9999"],
  ] as const;

  it("needs a login first (401)", async () => {
    for (const [url] of bad()) await request(app).get(url).expect(401);
  });

  it("answers extreme and impossible periods with 400 naming the field, and stores no report", async () => {
    const before = await storedReports();
    for (const [url, message] of bad()) {
      const res = await api.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message, url).toBe(message);
    }
    expect(await storedReports()).toBe(before);
  });

  it("refuses an invalid period in the service too (scheduler, CLI), before anything is stored", async () => {
    const before = await storedReports();
    await expect(generatePdfReport(env.db, villageId, { kind: "weekly", period: "9999-W52", lang: "id", store: "always" })).rejects.toThrow(
      "week: year must be between 2000 and 2100",
    );
    await expect(generatePdfReport(env.db, villageId, { kind: "monthly", period: "0000-01", lang: "id", store: "always" })).rejects.toThrow(
      "month: year must be between 2000 and 2100",
    );
    expect(await storedReports()).toBe(before);
  });

  it("refuses a role that may not export (403), then serves a real period (200)", async () => {
    const viewer = as(app, await loginAs(app, env.db, "viewer", [villageId]));
    await viewer.get(`/api/villages/${villageId}/reports/weekly.pdf?week=2026-W46`).expect(403);
    const ok = await api.get(`/api/villages/${villageId}/reports/monthly.pdf?month=2026-11`).expect(200);
    expect(ok.headers["content-type"]).toBe("application/pdf");
    await api.get(`/api/villages/${villageId}/exports/comments.csv?from=2024-02-29&to=2026-12-31`).expect(200);
  });

  it("makes `npm run report` print the field and exit non-zero", () => {
    expect(parseReportArgs(["--village", villageCode, "--month", "0000-01"])).toEqual({
      ok: false,
      error: "--month: year must be between 2000 and 2100, got 0000",
    });
    const r = spawnSync(process.execPath, ["--import", "tsx", "jobs/src/cli/report.ts", "--village", villageCode, "--week", "9999-W52", "--format", "xlsx"], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: env.db.url, SCHEDULER: "off" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stderr).toContain("--week: year must be between 2000 and 2100, got 9999");
    expect(r.status).toBe(2);
  });
});

describe("only our own pages may generate a download", () => {
  const weekly = () => `/api/villages/${villageId}/reports/weekly.pdf?week=2026-W46`;

  it("refuses cross-site and same-site requests (403 csrf) without generating, storing or auditing", async () => {
    await env.db.prisma.report.deleteMany({ where: { villageId } });
    const audits = await exportAudits();
    const attempts: Array<[string, Record<string, string>]> = [
      [weekly(), { "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate" }],
      [weekly(), { "Sec-Fetch-Site": "same-site" }],
      [weekly(), { Origin: "https://jahat.example" }],
      [weekly(), { Referer: "https://jahat.example/halaman" }],
      [`/api/villages/${villageId}/exports/comments.csv`, { "Sec-Fetch-Site": "cross-site" }],
      [`/api/villages/${villageId}/exports/report.xlsx?week=2026-W46`, { "Sec-Fetch-Site": "cross-site" }],
    ];
    for (const [url, headers] of attempts) {
      const res = await api.get(url).set(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error.code).toBe("csrf");
    }
    expect(await storedReports()).toBe(0);
    expect(await exportAudits()).toBe(audits);
  });

  it("serves clicks from the dashboard, typed addresses and scripts", async () => {
    const host = "127.0.0.1";
    for (const headers of [
      { "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors" },
      { "Sec-Fetch-Site": "none" },
      { Host: host, Referer: `http://${host}/laporan` },
      {},
    ]) {
      const res = await api.get(weekly()).set(headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
    }
    expect(await storedReports()).toBe(1); // the finished week, stored once and replaced after
    const [stored] = (await api.get(`/api/villages/${villageId}/reports`).expect(200)).body.data;
    await api.get(stored.downloadUrl).set("Sec-Fetch-Site", "cross-site").expect(403);
    await api.get(stored.downloadUrl).set("Sec-Fetch-Site", "same-origin").expect(200);
  });
});

describe("no data API answer may be cached", () => {
  it("sends Cache-Control: no-store on data APIs and every download", async () => {
    for (const url of [
      "/api/health",
      "/api/auth/me",
      `/api/villages/${villageId}/overview`,
      `/api/villages/${villageId}/comments`,
      `/api/villages/${villageId}/reports`,
      `/api/villages/${villageId}/reports/weekly.pdf?week=2026-W46`,
      `/api/villages/${villageId}/exports/comments.csv`,
      `/api/villages/${villageId}/exports/report.xlsx?week=2026-W46`,
    ]) {
      const res = await api.get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
    const [stored] = (await api.get(`/api/villages/${villageId}/reports`).expect(200)).body.data;
    expect((await api.get(stored.downloadUrl).expect(200)).headers["cache-control"]).toBe("no-store");
    // Errors too: a 404 of the API is no more cacheable than its data.
    expect((await api.get("/api/nothing-here").expect(404)).headers["cache-control"]).toBe("no-store");
  });
});

describe("exports stream", () => {
  it("sends the CSV and the workbook chunked, with no length known in advance", async () => {
    for (const url of [`/api/villages/${villageId}/exports/comments.csv`, `/api/villages/${villageId}/exports/report.xlsx?week=2026-W46`]) {
      const res = await api.get(url).expect(200);
      expect(res.headers["transfer-encoding"], url).toBe("chunked");
      expect(res.headers["content-length"], url).toBeUndefined();
    }
  });

  it("pages through the explorer's order and stops only where asked", async () => {
    const village = { id: villageId, timeZone: "Asia/Jakarta" };
    const q = { spam: "exclude", pii: "any", sort: "time" } as const;
    const pages = [];
    for await (const p of exportRowPages(env.db, village, q, { pageSize: 5 })) pages.push(p);
    expect(pages.map((p) => p.rows.length)).toEqual([5, 5, 3]);
    expect(pages.some((p) => p.truncated)).toBe(false);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(13);

    const cut = [];
    for await (const p of exportRowPages(env.db, village, q, { pageSize: 5, max: 7 })) cut.push(p);
    expect(cut.map((p) => [p.rows.length, p.truncated])).toEqual([[5, false], [2, true]]);
    expect(cut.flatMap((p) => p.rows.map((r) => r.id))).toEqual(ids.slice(0, 7));
  });
});

describe("a download the client gives up on", () => {
  it("stops the workbook: no more rows are read once the destination is gone", async () => {
    const data = await getReportData(env.db, villageId, weeklyPeriod("2026-W46"), { lang: "id", now: new Date() });
    let pulled = 0;
    async function* pages() {
      for (let p = 0; p < 1000; p++) {
        pulled++;
        const rows = Array.from({ length: 200 }, (_, i) => ({
          id: p * 200 + i, localTime: "2026-11-18 12:00", day: "2026-11-18", platform: "facebook", author: "warga-1234abcd",
          text: `Komentar nomor ${p * 200 + i} tentang ${"jalan rusak dan lampu mati ".repeat(4)}`, sentiment: "negatif", sentimentOrigin: "model",
          topics: "Infrastruktur", likes: i, language: "id", spam: false, personalData: false, url: "",
        }));
        yield { rows, truncated: false };
      }
    }
    // A client that accepts a little and then never again (its writes never complete), and
    // closes after a few pages have gone out.
    let received = 0;
    const client = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        received += chunk.length;
        if (received < 64 * 1024) cb();
        else setImmediate(() => client.destroy());
      },
    });
    await expect(writeReportXlsx(client, data, { pages: pages(), filters: "" })).rejects.toBeInstanceOf(ExportAborted);
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(1000);
  });
});

describe("a village with 100,050 comments", () => {
  const COUNT = 100_050;
  let bigId: number;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    const big = await createVillage(env.db, { name: "Desa Besar" });
    bigId = big.id;
    // One second apart, newest first (as the stored format of each engine), like a real feed.
    const when = env.db.provider === "postgres"
      ? "CAST(@at AS timestamp(3)) - i * INTERVAL '1 second'"
      : "strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2026-11-18 05:00:00', '-' || i || ' seconds')";
    // Straight into the table: the export reads stored rows, and the NLP pipeline would make
    // seeding 100k rows take minutes.
    await sqlRun(env.db, `INSERT INTO "Comment" ("villageId", platform, "externalId", "authorPseudonym", text, "publishedAt", day,
        "likeCount", "fromVillage", "isSpam", "analyzedAt", "createdAt", "updatedAt")
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${COUNT})
      SELECT ${bigId}, 'file', 'besar-' || i, 'pseudonym-besar', 'Sampah menumpuk di gang ' || i, ${when}, '2026-11-18', 0, false, false,
        ${when}, ${when}, ${when} FROM n`,
    { at: new Date("2026-11-18T05:00:00Z") });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  }, 120_000);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("exports all of them to CSV (it used to stop at 100,000 without a word)", async () => {
    const admin = as(app, await loginAs(app, env.db, "admin", []));
    const res = await admin.get(`/api/villages/${bigId}/exports/comments.csv`).buffer(true).parse((r, cb) => {
      // Count lines without keeping 100k parsed rows around.
      let lines = 0;
      let last = "";
      r.on("data", (c: Buffer) => {
        const s = c.toString("utf8");
        for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) lines++;
        last = (last + s).slice(-200);
      });
      r.on("end", () => cb(null, { lines, last }));
    }).expect(200);
    const body = res.body as { lines: number; last: string };
    expect(body.lines).toBe(COUNT + 1); // the header and every row
    expect(body.last).toContain(`Sampah menumpuk di gang ${COUNT},`); // the oldest comes last
  }, 120_000);

  /**
   * Starts a download of the big village's CSV (about 10 MB) by a client that reads the headers and
   * then stops reading, like a phone on a bad connection: far more than the socket buffers hold,
   * so the export stays running until the test lets the client go. It accepts gzip like every
   * browser: the export must still wait for the client rather than pile up in a compressor.
   */
  function slowDownload(cookie: string): Promise<{ status: number; abandon(): void }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: `/api/villages/${bigId}/exports/comments.csv`, agent: false, headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin", "Accept-Encoding": "gzip, deflate, br" } }, (res) => {
        res.pause();
        resolve({ status: res.statusCode ?? 0, abandon: () => req.destroy() });
      });
      req.on("error", () => {}); // abandon() destroys it on purpose
      req.once("error", reject);
      req.end();
    });
  }

  const smallCsv = () => `/api/villages/${villageId}/exports/comments.csv`;

  it("answers a second export of the same user with 429 while the first is still being sent", async () => {
    const me = await loginAs(app, env.db, "admin", []);
    const first = await slowDownload(me);
    expect(first.status).toBe(200);
    expect(limiter.active()).toBe(1);

    const second = await request(app).get(`/api/villages/${villageId}/exports/report.xlsx?week=2026-W46`).set("Cookie", me).expect(429);
    expect(second.headers["retry-after"]).toBe("10");
    expect(second.body.error).toEqual({
      code: "too_many_exports",
      message: "Anda sudah menjalankan 1 unduhan sekaligus. Tunggu sampai unduhan sebelumnya selesai, lalu coba lagi.",
    });
    // Another user is not held up by it.
    const colleague = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
    await colleague.get(smallCsv()).expect(200);

    // The first download is given up: its slot comes back and the user can export again.
    first.abandon();
    await expect.poll(() => limiter.active(), { timeout: 15_000 }).toBe(0);
    const again = await request(app).get(smallCsv()).set("Cookie", me).buffer(true).expect(200);
    expect(parse(again.text, { bom: true, columns: true })).toHaveLength(13);
  });

  it("answers 429 past the server's limit, whoever asks", async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => loginAs(app, env.db, "admin", [])));
    const first = await slowDownload(a);
    const second = await slowDownload(b);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(limiter.active()).toBe(2);

    const third = await request(app).get(smallCsv()).set("Cookie", c).expect(429);
    expect(third.body.error.message).toBe("Server sedang menyiapkan banyak unduhan sekaligus. Coba lagi dalam beberapa detik.");

    first.abandon();
    await expect.poll(() => limiter.active(), { timeout: 15_000 }).toBe(1);
    await request(app).get(smallCsv()).set("Cookie", c).expect(200);
    second.abandon();
    await expect.poll(() => limiter.active(), { timeout: 15_000 }).toBe(0);
  });
});
