// What a phone on a slow connection downloads: the app's script and the API's JSON come gzip-encoded
// when the browser asks for it (every browser does), and uncompressed when it does not. Downloads
// are sent as they are — the workbook and PDFs are compressed inside already, and the exports keep
// streaming — and still open as the files they are.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type express from "express";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createVillage, incomingComment } from "../factories/village";
import { loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: express.Express;
let clientDir: string;
let villageId: number;
let cookie: string;
let server: http.Server;
let port: number;
/** A bundle the size of a real one, repetitive like real code. */
const bundle = Array.from({ length: 4000 }, (_, i) => `export function widget${i}(props){return props.value+${i};}\n`).join("");

/** A request over a real socket: status, headers and the body bytes as they came, nothing decoded. */
function raw(url: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: url, headers: { Cookie: cookie, "Accept-Encoding": acceptEncoding, "Sec-Fetch-Site": "same-origin" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

beforeAll(async () => {
  env = await createTempDatabase();
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-client-"));
  fs.mkdirSync(path.join(clientDir, "assets"));
  fs.writeFileSync(path.join(clientDir, "index.html"), `<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>`);
  fs.writeFileSync(path.join(clientDir, "assets", "index.js"), bundle);
  app = createApp({ db: env.db, clientDir, log: () => {} });
  const v = await createVillage(env.db, { name: "Desa Ringkas" });
  villageId = v.id;
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
  ];
  const r = await storeBatch(env.db, {
    villageId, sourceId: null, posts: [],
    comments: texts.map((text, i) => incomingComment({ text, publishedAt: new Date(Date.UTC(2026, 10, 16 + (i % 6), 3 + i)) })),
  });
  await finishImport(env.db, villageId, r.days);
  cookie = await loginAs(app, env.db, "perangkat", [villageId]);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(clientDir, { recursive: true, force: true });
  return env.cleanup();
});

describe("what the browser loads", () => {
  it("sends the app's script gzip-encoded when asked, and the same script plain when not", async () => {
    const gz = await raw("/assets/index.js", "gzip, deflate");
    expect(gz.status).toBe(200);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gz.body.length).toBeLessThan(bundle.length / 3);
    expect(gunzipSync(gz.body).toString("utf8")).toBe(bundle);

    const plain = await raw("/assets/index.js", "identity");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(bundle);
  });

  it("sends the API's JSON gzip-encoded when asked", async () => {
    const url = `/api/villages/${villageId}/comments`;
    const gz = await raw(url, "gzip");
    expect(gz.status).toBe(200);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["cache-control"]).toBe("no-store");
    const data = JSON.parse(gunzipSync(gz.body).toString("utf8"));
    expect(data.data).toHaveLength(12);

    const plain = await raw(url, "identity");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString("utf8"))).toEqual(data);
  });
});

describe("downloads", () => {
  it("streams the CSV export uncompressed even when the browser accepts gzip, and it parses whole", async () => {
    const res = await raw(`/api/villages/${villageId}/exports/comments.csv`, "gzip, deflate, br");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["transfer-encoding"]).toBe("chunked");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(parse(res.body.toString("utf8"), { bom: true, columns: true })).toHaveLength(12);
  });

  it("sends the workbook and the PDF as they are: files that open", async () => {
    const xlsx = await raw(`/api/villages/${villageId}/exports/report.xlsx?week=2026-W47`, "gzip, deflate, br");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-encoding"]).toBeUndefined();
    expect(xlsx.body.subarray(0, 2).toString("latin1")).toBe("PK");

    const pdf = await raw(`/api/villages/${villageId}/reports/weekly.pdf?week=2026-W47`, "gzip, deflate, br");
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-encoding"]).toBeUndefined();
    expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
