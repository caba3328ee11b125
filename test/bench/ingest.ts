// `npm run bench:ingest [-- --rows 1000000] [--batch 2000]`: generated JSONL -> parse -> NLP ->
// SQLite upsert -> rollups -> cases, through the real import path. The text is realistically varied
// (variedCorpus.ts: real sentences recombined with village phrases, no sentence repeated more than a
// few times), so NLP and database caches see what a real import gives them. Prints rows/s, peak RSS,
// where the time went (parse, NLP, DB write, rollups, full-text index, cases) and the load average
// of this shared machine, then imports the same file again (which must add 0). Figures only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { newIngestTimings, type IngestTimings } from "@suara-desa/core/ingest/timings";
import { importFile } from "@suara-desa/jobs/ingest/file/importFile";
import { parseArgs } from "@suara-desa/jobs/cli/progress";
import { mulberry32 } from "@suara-desa/shared/random";
import { commentGenerator, loadClauses, sentencesOf } from "./variedCorpus";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { flags } = parseArgs(process.argv.slice(2));
const ROWS = Number(flags.rows ?? 1_000_000);
const BATCH = flags.batch === undefined ? undefined : Number(flags.batch);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

const { clauses, sources } = loadClauses(ROOT);
console.log(`text: ${clauses.length.toLocaleString("en-US")} clauses from ${sources.join(", ")}`);
const nextText = commentGenerator(clauses, 42);
const rnd = mulberry32(43);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-bench-ingest-"));
const file = path.join(dir, "comments.jsonl");
const out = fs.createWriteStream(file);
const start = Date.UTC(2026, 0, 1);
// Repetition is counted on the first 100,000 rows (a map of every sentence of a million would be the
// bench's own memory peak); the generator's odds are the same all the way.
const SAMPLE = 100_000;
const repeats = new Map<string, number>();
for (let i = 0; i < ROWS; i++) {
  const text = nextText();
  if (i < SAMPLE) for (const s of sentencesOf(text)) repeats.set(s, (repeats.get(s) ?? 0) + 1);
  const line = JSON.stringify({
    id: `b${i}`,
    platform: ["facebook", "instagram", "x"][Math.floor(rnd() * 3)],
    author: `warga${Math.floor(rnd() * 20000)}`,
    text,
    published_at: new Date(start + Math.floor(rnd() * 330 * 86_400_000)).toISOString(),
    likes: Math.floor(rnd() * rnd() * 50),
  });
  if (!out.write(line + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
}
await new Promise<void>((r) => out.end(() => r()));
const counts = [...repeats.values()];
const maxRepeat = counts.reduce((m, n) => Math.max(m, n), 0);
const over3 = counts.filter((n) => n > 3).length;
repeats.clear();
console.log(`generated ${ROWS} rows (${(fs.statSync(file).size / 1e6).toFixed(0)} MB); first ${Math.min(ROWS, SAMPLE).toLocaleString("en-US")} rows: ` +
  `${counts.length.toLocaleString("en-US")} distinct sentences, most repeated ${maxRepeat}×, ${over3} repeated more than 3×`);

const db = await openDatabase(`file:${path.join(dir, "bench.db")}`);
await prepareDatabase(db);
const village = await db.prisma.village.create({ data: { code: "32.15.04.2006", name: "Mulyasari", kecamatan: "Ciampel", kabupaten: "Karawang" } });
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

const fmt = (t: IngestTimings) => (Object.entries(t) as Array<[string, number]>).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`).join(", ");
for (const pass of ["first", "second"]) {
  const timings = newIngestTimings();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const s = await importFile(db, file, { villageCode: village.code, batchSize: BATCH, timings });
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(`${pass} pass: read ${s.read}, new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected} in ${secs.toFixed(1)} s = ${Math.round(s.read / secs)} rows/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, all threads (load ${load()})`);
  console.log(`  seconds by phase (phases on other threads overlap): ${fmt(timings)}`);
}
clearInterval(sampler);
console.log(`peak RSS ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB; rollup rows ${await db.prisma.dailyRollup.count()}; cases ${await db.prisma.followUpCase.count()}; ${os.cpus().length} cores`);
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
