// `npm run bench:import [-- --case field50,csv,whatsapp] [--field-mb 50] [--csv-mb 200] [--wa-mb 50] [--readers-only]`:
// peak memory of the real import path (read -> NLP -> SQLite -> rollups) on generated files that
// used to blow it up: one 50 MB quoted field, a 200 MB ordinary CSV, a large WhatsApp export.
// --readers-only runs just the readers (encoding, CSV/line reader, row checks, WhatsApp parser),
// to show their share apart from the store. Each run is its own process so its peak RSS is its
// own. Figures only; no assertions.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "@suara-desa/jobs/cli/progress";
import type { CsvRecord } from "@suara-desa/jobs/ingest/file/csv";
import { mulberry32 } from "@suara-desa/shared/random";

const { positional, flags } = parseArgs(process.argv.slice(2), ["child", "readers-only"]);

async function writeLines(file: string, targetBytes: number, next: (i: number) => string): Promise<number> {
  const out = fs.createWriteStream(file);
  let bytes = 0;
  let i = 0;
  while (bytes < targetBytes) {
    const line = next(i++);
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return i;
}

const rnd = mulberry32(7);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
const bodies = [
  "jalan di dusun krajan rusak parah banyak lubang kalau hujan jadi kubangan",
  "air pdam mati sudah tiga hari warga terpaksa beli air galon",
  "bansos blt bulan ini kok belum cair padahal data sudah diperbarui",
  "terima kasih pelayanan ktp di kantor desa sekarang cepat dan ramah",
  "sampah di tps belum diangkut seminggu baunya sampai ke rumah warga",
  "lampu jalan di gang mawar mati sudah sebulan rawan maling",
];

/** One CSV row with a single quoted text field of `mb` MB, between ordinary rows. */
async function genField(file: string, mb: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write("text,published_at,author\nJalan rusak,2026-11-20 08:00,Ujang\n\"");
  const piece = 'jalan rusak, ""tolong"" segera\ndiperbaiki ya pak ';
  const block = piece.repeat(Math.ceil((1 << 20) / piece.length));
  for (let written = 0; written < mb * (1 << 20); written += block.length) {
    if (!out.write(block)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  out.write('",2026-11-20 09:00,Ujang\nAir mati,2026-11-20 10:00,Bu Siti\n');
  await new Promise<void>((r) => out.end(() => r()));
}

async function genCsv(file: string, mb: number): Promise<number> {
  const start = Date.UTC(2026, 0, 1);
  return writeLines(file, mb * 1e6, (i) =>
    i === 0
      ? "id,text,published_at,author,likes,platform\n"
      : `b${i},"${pick(bodies)} (${i % 997})",${new Date(start + Math.floor(rnd() * 330 * 86_400_000)).toISOString()},warga${Math.floor(rnd() * 20000)},${i % 50},facebook\n`,
  );
}

async function genWhatsApp(file: string, mb: number): Promise<number> {
  const start = Date.UTC(2026, 0, 1);
  return writeLines(file, mb * 1e6, (i) => {
    const d = new Date(start + i * 20_000);
    const stamp = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/26 ${String(d.getUTCHours()).padStart(2, "0")}.${String(d.getUTCMinutes()).padStart(2, "0")}`;
    const more = i % 5 === 0 ? `\n${pick(bodies)}` : ""; // some messages span lines
    return `${stamp} - Warga ${Math.floor(rnd() * 300)}: ${pick(bodies)} (${i % 997})${more}\n`;
  });
}

/** The reading side alone: every row is decoded, split and checked, nothing is stored. */
async function readOnly(kind: string, file: string): Promise<{ read: number; new: number; rejected: number; firstRejected: { line: number; reason: string } | null }> {
  const { detectEncoding, readText } = await import("@suara-desa/jobs/ingest/file/encoding");
  const { CsvReader } = await import("@suara-desa/jobs/ingest/file/csv");
  const { LineReader } = await import("@suara-desa/jobs/ingest/file/lines");
  const { rowToComment } = await import("@suara-desa/jobs/ingest/file/rows");
  const { DateOrderDetector, WhatsAppParser } = await import("@suara-desa/jobs/ingest/whatsapp/parse");
  const { MAX_FIELD_CHARS } = await import("@suara-desa/jobs/ingest/limits");
  const enc = await detectEncoding(file);
  const r = { read: 0, new: 0, rejected: 0, firstRejected: null as { line: number; reason: string } | null };
  const reject = (line: number, reason: string) => {
    r.read++;
    r.rejected++;
    r.firstRejected ??= { line, reason };
  };
  if (kind === "whatsapp") {
    const order = new DateOrderDetector();
    const pass1 = new LineReader(MAX_FIELD_CHARS);
    for await (const c of readText(file, enc.encoding)) for (const l of pass1.push(c.text)) order.push(l.text);
    const parser = new WhatsAppParser({ timeZone: "Asia/Jakarta", chatName: "Warga", monthFirst: order.monthFirst() }, {
      comment: () => { r.read++; r.new++; },
      reject,
    });
    const pass2 = new LineReader(MAX_FIELD_CHARS);
    for await (const c of readText(file, enc.encoding)) for (const l of pass2.push(c.text)) parser.push(l);
    for (const l of pass2.end()) parser.push(l);
    parser.end();
    return r;
  }
  const csv = new CsvReader();
  let header: string[] | null = null;
  const onRecords = (recs: CsvRecord[]) => {
    for (const rec of recs) {
      if (!header) { header = rec.fields; continue; }
      if (rec.tooLong) { reject(rec.line, `field ${rec.tooLong[0] + 1}: too long`); continue; }
      const row = Object.fromEntries(header.map((h, i) => [h, rec.fields[i]]));
      const res = rowToComment(row, "Asia/Jakarta");
      if (res.ok) { r.read++; r.new++; } else reject(rec.line, res.reason);
    }
  };
  for await (const c of readText(file, enc.encoding)) onRecords(csv.push(c.text));
  onRecords(csv.end());
  return r;
}

if (flags.child) {
  // Child: one import into a fresh SQLite database, then its own peak RSS.
  const [kind, file, dbDir] = positional;
  if (flags["readers-only"]) {
    const t0 = performance.now();
    const s = await readOnly(kind, file);
    process.stdout.write(JSON.stringify({ ...s, secs: (performance.now() - t0) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + "\n");
    process.exit(0);
  }
  const { openDatabase } = await import("@suara-desa/core/db/client");
  const { prepareDatabase } = await import("@suara-desa/core/db/prepare");
  const { importFile } = await import("@suara-desa/jobs/ingest/file/importFile");
  const { importWhatsApp } = await import("@suara-desa/jobs/ingest/whatsapp/importWhatsApp");
  const db = await openDatabase(`file:${path.join(dbDir, `${kind}.db`)}`);
  await prepareDatabase(db);
  const village = await db.prisma.village.create({ data: { code: "32.15.04.2006", name: "Mulyasari", kecamatan: "Ciampel", kabupaten: "Karawang" } });
  const t0 = performance.now();
  const s = kind === "whatsapp" ? await importWhatsApp(db, file, { villageCode: village.code }) : await importFile(db, file, { villageCode: village.code });
  const secs = (performance.now() - t0) / 1000;
  await db.close();
  process.stdout.write(JSON.stringify({ read: s.read, new: s.new, rejected: s.rejected, firstRejected: s.rejectedRows[0] ?? null, secs, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + "\n");
} else {
  const cases = String(flags.case ?? "field50,csv,whatsapp").split(",");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-bench-import-"));
  const self = fileURLToPath(import.meta.url);
  try {
    for (const kind of cases) {
      const file = path.join(dir, kind === "whatsapp" ? "Chat WhatsApp dengan Warga.txt" : `${kind}.csv`);
      if (kind === "field50") await genField(file, Number(flags["field-mb"] ?? 50));
      else if (kind === "csv") await genCsv(file, Number(flags["csv-mb"] ?? 200));
      else if (kind === "whatsapp") await genWhatsApp(file, Number(flags["wa-mb"] ?? 50));
      else throw new Error(`--case: unknown case "${kind}" (field50, csv, whatsapp)`);
      const size = fs.statSync(file).size / 1e6;
      const childArgs = ["--import", "tsx", self, "--child", ...(flags["readers-only"] ? ["--readers-only"] : []), kind, file, dir];
      const out = execFileSync(process.execPath, childArgs, { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
      const r = JSON.parse(out.trim().split("\n").pop()!);
      const reason = r.firstRejected ? `; first rejected: line ${r.firstRejected.line}: ${r.firstRejected.reason}` : "";
      console.log(`${kind}${flags["readers-only"] ? " (readers only)" : ""}: ${size.toFixed(0)} MB file, read ${r.read}, new ${r.new}, rejected ${r.rejected} in ${r.secs.toFixed(1)} s; peak RSS ${r.maxRssMB.toFixed(0)} MB${reason}`);
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
