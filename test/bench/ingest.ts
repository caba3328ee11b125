// `npm run bench:ingest [-- --rows 1000000]`: generated JSONL -> parse -> NLP -> SQLite upsert ->
// rollups, through the real import path. Prints rows/s and peak RSS, then imports the same file again
// (which must add 0). Figures only; no assertions on time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { parseArgs } from "@suara-desa/jobs/cli/progress";
import { mulberry32 } from "@suara-desa/shared/random";

const { flags } = parseArgs(process.argv.slice(2));
const ROWS = Number(flags.rows ?? 1_000_000);

// Deterministic generator: 20–40-word resident comments from fragments.
const rnd = mulberry32(42);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
const openers = ["Pak kades,", "Min,", "Assalamualaikum,", "Punten,", "Tolong,", "Mohon maaf,", "Warga sini mau tanya,", ""];
const bodies = [
  "jalan di dusun krajan rusak parah banyak lubang kalau hujan jadi kubangan dan motor sering jatuh",
  "air pdam mati sudah tiga hari warga terpaksa beli air galon untuk masak dan mandi anak anak",
  "bansos blt bulan ini kok belum cair padahal data sudah diperbarui di dtks sejak bulan lalu",
  "terima kasih pelayanan ktp di kantor desa sekarang cepat dan petugasnya ramah sekali",
  "sampah di tps belum diangkut seminggu baunya sampai ke rumah warga mohon segera ditindak",
  "posyandu bulan ini jadwalnya kapan ya soalnya anak saya harus imunisasi campak",
  "jln rusak bgt gk dibenerin udh lapor berkali kali tp blm ada tindakan sama sekali",
  "pupuk subsidi langka di kios tani padahal sudah masuk musim tanam padi tahun ini",
  "hatur nuhun pak kuwu jalan ka sawah tos dibenerkeun ayeuna tos mulus pisan",
  "lampu jalan di gang mawar mati sudah sebulan rawan maling kalau malam hari",
];
const closers = ["Terima kasih.", "Mohon segera.", "Gimana ini?", "🙏", "👍", "Tolong ditindaklanjuti.", ""];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-bench-ingest-"));
const file = path.join(dir, "comments.jsonl");
const out = fs.createWriteStream(file);
const start = Date.UTC(2026, 0, 1);
let written = 0;
for (let i = 0; i < ROWS; i++) {
  const line = JSON.stringify({
    id: `b${i}`,
    platform: pick(["facebook", "instagram", "x"]),
    author: `warga${Math.floor(rnd() * 20000)}`,
    text: [pick(openers), pick(bodies), `(${i % 997})`, pick(closers)].filter(Boolean).join(" "),
    published_at: new Date(start + Math.floor(rnd() * 330 * 86_400_000)).toISOString(),
    likes: Math.floor(rnd() * rnd() * 50),
  });
  if (!out.write(line + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  written++;
}
await new Promise<void>((r) => out.end(() => r()));
console.log(`generated ${written} rows (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);

const db = await openDatabase(`file:${path.join(dir, "bench.db")}`);
await prepareDatabase(db);
const village = await db.prisma.village.create({ data: { code: "32.15.04.2006", name: "Mulyasari", kecamatan: "Ciampel", kabupaten: "Karawang" } });
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

for (const pass of ["first", "second"]) {
  const t0 = performance.now();
  const s = await importFile(db, file, { villageCode: village.code, batchSize: 5000 });
  const secs = (performance.now() - t0) / 1000;
  console.log(`${pass} pass: read ${s.read}, new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected} in ${secs.toFixed(1)} s = ${Math.round(s.read / secs)} rows/s`);
}
clearInterval(sampler);
console.log(`peak RSS ${(peakRss / 1e6).toFixed(0)} MB; rollup rows ${await db.prisma.dailyRollup.count()}`);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
