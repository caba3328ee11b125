// `npm run bench:scale [-- --db sqlite|postgres] [--rows 1000000] [--villages 50] [--workers N]
// [--seconds 30] [--connections 20] [--keep]`: a multi-village deployment at full size. Generates
// comments evenly across real Karawang villages (one JSONL file each), ingests them through the real
// import path (parse -> NLP -> upsert -> rollups) in child processes — one for SQLite (one writer),
// --workers for PostgreSQL, as several `npm run worker` processes would — then drives the overview,
// explorer, topic and Tindak Lanjut inbox APIs of a server in its own process with autocannon. Prints rows/s, peak RSS,
// p50/p95/p99 and errors, ending with
// a summary block to paste into an issue. "cold" is the first, uncached request of each endpoint.
// PostgreSQL: BENCH_DATABASE_URL (default postgres:postgres@localhost:5432) names the server; a fresh
// database suara_desa_bench_<timestamp> is created on it and dropped at the end unless --keep.
// Figures only: time goals (ingest ≤ 120 s, p95 ≤ 50 ms) are printed, never asserted, since machines
// are shared. Exit 1 only on real failures: stored rows ≠ generated rows, a second pass that adds
// rows, any non-2xx or socket error under load, or a crash. Exit 2 on a bad flag.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase, type Database } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { createUser } from "@suara-desa/core/services/authService";
import { searchRegistry, type RegistryVillage } from "@suara-desa/core/services/registryService";
import { createProgress, parseArgs, runMain } from "@suara-desa/jobs/cli/progress";
import { DEFAULT_TOPIC_KEYS } from "@suara-desa/core/nlp/taxonomy";
import { mulberry32 } from "@suara-desa/shared/random";
import { addDays, addWeeks, isoWeekOfDay } from "@suara-desa/shared/time";
import type { WorkerDoneReport, WorkerFileReport } from "./scaleWorker";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORKER = path.join(ROOT, "test/bench/scaleWorker.ts");
const DEFAULT_PG_SERVER = "postgresql://postgres:postgres@localhost:5432/postgres";

// Twelve Asia/Jakarta weeks, Monday 2026-08-31 to Sunday 2026-11-22, so the weekly overview, its
// 12-week trend and an older week all have data.
const END_DAY = "2026-11-22";
const DAYS = 84;
const START_DAY = addDays(END_DAY, -(DAYS - 1));
const LATEST_WEEK = isoWeekOfDay(END_DAY);
const OLDER_WEEK = addWeeks(LATEST_WEEK, -3);
const TOPIC_KEY = "infrastruktur";

class UsageError extends Error {}
let interrupted = false;

interface Options {
  engine: "sqlite" | "postgres";
  rows: number;
  villages: number;
  workers: number;
  seconds: number;
  connections: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const { flags, positional } = parseArgs(argv, ["keep"]);
  const known = ["db", "rows", "villages", "workers", "seconds", "connections", "keep"];
  const unknown = Object.keys(flags).filter((f) => !known.includes(f));
  if (unknown.length || positional.length) {
    throw new UsageError(`unknown argument ${unknown.length ? `--${unknown[0]}` : `"${positional[0]}"`} (flags: ${known.map((k) => `--${k}`).join(", ")})`);
  }
  const int = (name: string, def: number, min: number, why = ""): number => {
    const v = flags[name];
    if (v === undefined) return def;
    const n = Number(v);
    if (v === true || !Number.isInteger(n) || n < min) throw new UsageError(`--${name}: expected a whole number ≥ ${min}${why}, got "${v === true ? "" : v}"`);
    return n;
  };
  const engine = flags.db ?? "sqlite";
  if (engine !== "sqlite" && engine !== "postgres") throw new UsageError(`--db: expected sqlite or postgres, got "${engine === true ? "" : engine}"`);
  const villages = int("villages", 50, 1);
  const rows = int("rows", 1_000_000, villages, " (at least one per village)");
  const requestedWorkers = int("workers", 2, 1);
  if (engine === "sqlite" && flags.workers !== undefined && requestedWorkers > 1) {
    console.log("note: --workers is ignored on SQLite (one writer): one import process");
  }
  return {
    engine,
    rows,
    villages,
    workers: engine === "sqlite" ? 1 : Math.min(requestedWorkers, villages),
    seconds: int("seconds", 30, 1),
    connections: int("connections", 20, 1),
    keep: flags.keep === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Deterministic generator. Each village has its own seed and its own vocabulary: its real name,
// six dusun names built from Sundanese syllables, a kepala desa. A comment is an opener, one or two
// complaint/praise bodies (13 topics, positive and negative, Indonesian formal and slang, Sundanese,
// Javanese, ~2% spam) with slots for places, RT/RW, people, amounts, days and phone numbers, and a
// closer; a share gets social-media noise (lower case, slang spellings, stretched letters, typos).
// Numbers, names and noise keep the NLP per-word caches from seeing only a few hundred words, as
// they would with one fixed fragment list.

const DUSUN_HEADS = ["Suka", "Mekar", "Karang", "Pasir", "Tegal", "Sindang", "Jati", "Bojong", "Ranca", "Cikadu", "Babakan", "Legok", "Kebon", "Gunung", "Tanjung", "Marga", "Cibeureum", "Pangkal", "Sawah", "Situ"];
const DUSUN_TAILS = ["jaya", "sari", "mulya", "asih", "makmur", "rahayu", "wangi", "manah", "kerta", "harja", "laksana", "mukti", "galih", "endah", "waringin", "luhur", "raja", "tani"];
const DUSUN_SIDES = ["Kulon", "Wetan", "Tengah", "Hilir", "Girang", "Kidul", "Lor"];
const PERSONS = ["Asep", "Ujang", "Dedi", "Euis", "Neng", "Iwan", "Yayan", "Dadang", "Cucu", "Entin", "Ade", "Nining", "Tatang", "Rohman", "Wawan", "Eka", "Aceng", "Enok", "Dodi", "Yuyun", "Cecep", "Imas", "Ajat", "Nurhayati", "Oman", "Siti", "Tuti", "Jajang", "Elis", "Maman"];
const GANGS = ["Mawar", "Melati", "Kenanga", "Anggrek", "Flamboyan", "Dahlia", "Teratai", "Cempaka", "Sawo", "Nangka", "Rambutan", "Mangga", "Jambu", "Durian", "Kelapa", "Bambu", "Waru", "Beringin"];
const MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];

const OPENERS = [
  "Pak kades {desa},", "Min,", "Assalamualaikum,", "Punten,", "Tolong,", "Mohon maaf,", "Warga {dusun} mau tanya,", "Kang {nama},",
  "Bu {nama},", "Pak {kades},", "Nuwun sewu,", "Admin desa {desa},", "Bapak ibu perangkat desa,", "", "", "",
];
const BODIES = [
  // infrastruktur
  "jalan di {dusun} rusak parah banyak lubang kalau hujan jadi kubangan dan motor sering jatuh",
  "jln ke {dusun} rusak bgt gk dibenerin udh lapor {n} kali tp blm ada tindakan sama sekali",
  "jembatan di {dusun} RT {rt} sudah miring, anak sekolah takut lewat tiap pagi",
  "terima kasih pak kades jalan {dusun} sudah dicor mulus, warga RT {rt}/RW {rw} senang sekali",
  "lampu jalan di gang {gang} mati sudah {hari} hari rawan maling kalau malam hari",
  "jalan ka sawah di {dusun} ruksak pisan teu acan dibenerkeun ti taun kamari",
  "dalane ning RT {rt} rusak banget wis suwe ora didandani yen udan lunyu",
  // air bersih
  "air pdam di RT {rt} mati sudah {hari} hari warga terpaksa beli galon {rp} buat masak dan mandi",
  "sumur bor bantuan desa di {dusun} alhamdulillah airnya jernih, makasih pak {kades}",
  "air bersih di RW {rw} keruh dan bau sejak {bulan}, anak anak jadi gatal gatal",
  // sampah dan lingkungan
  "sampah di tps {dusun} belum diangkut {hari} hari baunya sampai ke rumah warga",
  "selokan di gang {gang} mampet penuh sampah plastik, nyamuk banyak sekali",
  // banjir dan bencana
  "banjir lagi di {dusun} air masuk rumah setinggi {cm} cm saluran gak pernah dibersihkan",
  "cai asup ka imah di RT {rt} barang baseuh kabeh, solokan teu dibersihan, kumaha ieu teh",
  "tanah longsor di tebing {dusun} menutup jalan, mohon alat berat dikirim",
  // bansos
  "bansos blt bulan {bulan} kok belum cair padahal data sudah diperbarui di dtks sejak bulan lalu",
  "bantuan pkh di RW {rw} gak merata, yg mampu dapet tapi yg bener2 butuh malah gak dapet",
  "alhamdulillah blt dd sudah cair {rp}, sangat membantu warga {desa} yang kurang mampu",
  // kesehatan
  "posyandu {dusun} bulan ini jadwalnya kapan ya soalnya anak saya harus imunisasi campak",
  "bidan desa bu {nama} ramah dan sabar, pelayanan posyandu sekarang bagus sekali",
  "banyak warga RT {rt} kena dbd minggu ini, mohon fogging segera sebelum makin parah",
  // pendidikan
  "sekolah sd di {dusun} atapnya bocor kalau hujan murid dipulangkan lebih awal",
  "beasiswa untuk anak yatim di {desa} sangat membantu, semoga tahun depan ada lagi",
  // administrasi
  "bikin ktp di kantor desa {desa} lama banget udah {n} kali bolak balik belum jadi juga",
  "terima kasih pelayanan surat pengantar di kantor desa sekarang cepat, petugasnya pak {nama} ramah",
  "kenapa kantor desa jam {jam} pagi belum buka, warga sudah antri dari subuh",
  // keamanan dan ketertiban
  "motor warga {dusun} hilang lagi semalam, ronda malam harus diaktifkan lagi",
  "ada balap liar tiap malam minggu di jalan {dusun}, berisik dan bahaya buat anak",
  // pertanian
  "pupuk subsidi langka di kios tani {dusun} padahal sudah masuk musim tanam padi",
  "irigasi ke sawah {dusun} kering sejak {bulan}, padi bisa gagal panen",
  "hatur nuhun pak kuwu, saluran ka sawah tos dibenerkeun ayeuna cai lancar",
  // ekonomi dan umkm
  "pasar desa {desa} sepi, pedagang umkm butuh pelatihan jualan online",
  "harga beras naik jadi {rp} per liter, warga kecil makin susah",
  "pelatihan umkm kemarin bermanfaat, sekarang keripik ibu ibu {dusun} sudah dijual online",
  // anggaran dan transparansi
  "dana desa tahun ini {juta} juta dipakai buat apa aja pak, tolong transparan dipasang di baliho",
  "apbdes {desa} kok gak dipasang di papan informasi, warga mau tau rinciannya",
  // kegiatan sosial
  "acara 17an di {dusun} seru banget lomba balap karung rame, makasih karang taruna",
  "kerja bakti minggu besok di RW {rw} jam {jam} pagi, warga diharap hadir bawa cangkul",
  "pengajian akbar di masjid {dusun} malam jumat, semua warga diundang",
  // spam
  "slot gacor maxwin hari ini deposit {n}0rb bisa wd jutaan link di bio kak",
  "pinjaman cair {n} menit tanpa jaminan hubungi wa 08{phone}",
];
const SPAM_BODIES = 2;
const CLOSERS = [
  "Terima kasih.", "Mohon segera.", "Gimana ini?", "🙏", "👍", "😡😡", "Tolong ditindaklanjuti.", "hatur nuhun", "matur nuwun",
  "#{slug}", "cc @pemdes_{slug}", "!!!", "", "", "",
];
const SLANG: Array<[RegExp, string]> = [
  [/\byang\b/g, "yg"], [/\btidak\b/g, "gak"], [/\bsudah\b/g, "udh"], [/\bbelum\b/g, "blm"], [/\bsampai\b/g, "sampe"],
  [/\bterima kasih\b/g, "makasih"], [/\bsekali\b/g, "bgt"], [/\bkalau\b/g, "klo"],
];

interface VillageVocab { name: string; slug: string; dusun: string[]; kades: string }

function villageVocab(v: RegistryVillage, index: number): VillageVocab {
  const rnd = mulberry32(7_000 + index);
  const dusun = new Set<string>();
  while (dusun.size < 6) {
    const name = DUSUN_HEADS[Math.floor(rnd() * DUSUN_HEADS.length)] + DUSUN_TAILS[Math.floor(rnd() * DUSUN_TAILS.length)];
    dusun.add(rnd() < 0.3 ? `${name} ${DUSUN_SIDES[Math.floor(rnd() * DUSUN_SIDES.length)]}` : name);
  }
  return { name: v.name, slug: v.name.toLowerCase().replace(/[^a-z]/g, ""), dusun: [...dusun], kades: PERSONS[Math.floor(rnd() * PERSONS.length)] };
}

/** Writes `rows` comments of one village as JSONL; returns the file size in bytes. */
async function writeVillageFile(file: string, vocab: VillageVocab, index: number, rows: number): Promise<number> {
  const rnd = mulberry32(1_000 + index);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const pad = (n: number) => String(n).padStart(2, "0");
  const slot = (key: string): string => {
    switch (key) {
      case "desa": return rnd() < 0.5 ? vocab.name : vocab.name.toLowerCase();
      case "slug": return vocab.slug;
      case "dusun": return `${pick(["dusun", "Dusun", "dsn", "kampung", "kp"])} ${pick(vocab.dusun)}`;
      case "kades": return vocab.kades;
      case "nama": return pick(PERSONS);
      case "gang": return rnd() < 0.4 ? `${pick(GANGS)} ${int(1, 9)}` : pick(GANGS);
      case "rt": return rnd() < 0.5 ? pad(int(1, 15)) : String(int(1, 15));
      case "rw": return rnd() < 0.5 ? pad(int(1, 8)) : String(int(1, 8));
      case "n": return String(int(2, 9));
      case "hari": return String(int(2, 30));
      case "cm": return String(int(2, 15) * 10);
      case "rp": return rnd() < 0.6 ? `Rp ${int(4, 100) * 5}rb` : `Rp${int(1, 3)}.${int(100, 999)}.000`;
      case "juta": return String(int(80, 1500));
      case "bulan": return pick(MONTHS);
      case "jam": return String(int(6, 9));
      case "phone": return String(int(100_000_000, 999_999_999));
      default: throw new Error(`generator: unknown slot {${key}}`);
    }
  };
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => slot(k));
  const noisy = (text: string): string => {
    let t = text;
    if (rnd() < 0.25) t = t.toLowerCase();
    if (rnd() < 0.2) for (const [re, short] of SLANG) t = t.replace(re, short);
    if (rnd() < 0.2) {
      const words = t.split(" ");
      const w = Math.floor(rnd() * words.length);
      const word = words[w];
      if (/^\p{L}{3,}$/u.test(word)) {
        // A stretched last letter ("parahhh") or two letters swapped: words no cache has seen.
        const at = Math.floor(rnd() * (word.length - 1));
        words[w] = rnd() < 0.6 ? word + word.at(-1)!.repeat(int(2, 4)) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
        t = words.join(" ");
      }
    }
    return t;
  };

  const out = fs.createWriteStream(file);
  let chunk: string[] = [];
  const flush = async () => {
    if (!out.write(chunk.join(""))) await new Promise<void>((r) => out.once("drain", () => r()));
    chunk = [];
  };
  for (let i = 0; i < rows; i++) {
    const spam = rnd() < 0.02;
    const body = spam ? BODIES[BODIES.length - 1 - Math.floor(rnd() * SPAM_BODIES)] : BODIES[Math.floor(rnd() * (BODIES.length - SPAM_BODIES))];
    const second = !spam && rnd() < 0.35 ? fill(pick(BODIES.slice(0, -SPAM_BODIES))) : "";
    const text = noisy([fill(pick(OPENERS)), second ? `${fill(body)}. ${second}` : fill(body), fill(pick(CLOSERS))].filter(Boolean).join(" "));
    // More comments in recent weeks (density grows linearly); daytime hours mostly.
    const day = addDays(START_DAY, Math.floor(DAYS * Math.sqrt(rnd())));
    const hour = rnd() < 0.9 ? int(6, 22) : int(0, 23);
    const platform = rnd() < 0.55 ? "facebook" : rnd() < 0.65 ? "instagram" : "x";
    chunk.push(JSON.stringify({
      id: `scale-${index}-${i}`,
      platform,
      author: `warga_${index}_${Math.floor(rnd() * Math.max(50, rows / 8))}`,
      text,
      published_at: `${day}T${pad(hour)}:${pad(int(0, 59))}:${pad(int(0, 59))}+07:00`,
      likes: Math.floor(rnd() * rnd() * 60),
    }) + "\n");
    if (chunk.length >= 2000) await flush();
  }
  await flush();
  await new Promise<void>((r) => out.end(() => r()));
  return fs.statSync(file).size;
}

// ---------------------------------------------------------------------------------------------
// Database

interface BenchDatabase { url: string; label: string; drop(): Promise<void> }

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

async function createBenchDatabase(engine: Options["engine"], dir: string): Promise<BenchDatabase> {
  if (engine === "sqlite") {
    const file = path.join(dir, "bench.db");
    return { url: `file:${file}`, label: file, drop: async () => {} };
  }
  const server = process.env.BENCH_DATABASE_URL || DEFAULT_PG_SERVER;
  const name = `suara_desa_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`--db postgres: cannot connect to ${redact(server)} (set BENCH_DATABASE_URL): ${(e as Error).message}`);
  }
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: redact(url.toString()),
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Runs what autovacuum's next round would, so latencies do not depend on whether that round happened
 * to fall before or during the API phase: VACUUM on the tables whose dead rows are above its vacuum
 * threshold (an import's case claims leave one dead version of most comments; a vacuum of them in the
 * middle of the measurement takes a core), ANALYZE on those whose changed rows are above its analyze
 * threshold. Tables under both thresholds (e.g. the 13-row "Topic") are left as a server would have them.
 */
async function vacuumAsAutovacuumWould(pool: pg.Pool): Promise<{ vacuumed: string[]; analyzed: string[] }> {
  const { rows } = await pool.query<{ relname: string; vacuum: boolean; analyze: boolean }>(`SELECT s.relname,
      s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::int
        + current_setting('autovacuum_vacuum_scale_factor')::float8 * GREATEST(c.reltuples, 0) AS vacuum,
      s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::int
        + current_setting('autovacuum_analyze_scale_factor')::float8 * GREATEST(c.reltuples, 0) AS analyze
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid ORDER BY s.relname`);
  const out = { vacuumed: [] as string[], analyzed: [] as string[] };
  for (const r of rows) {
    const name = `"${r.relname.replace(/"/g, '""')}"`;
    if (r.vacuum) {
      await pool.query(`VACUUM ${r.analyze ? "(ANALYZE) " : ""}${name}`);
      out.vacuumed.push(r.relname);
    } else if (r.analyze) {
      await pool.query(`ANALYZE ${name}`);
    }
    if (r.analyze) out.analyzed.push(r.relname);
  }
  return out;
}

/** The first `n` desa of Kabupaten Karawang in the official registry, then the rest of Jawa Barat. */
function pickVillages(n: number): RegistryVillage[] {
  const picked = new Map<string, RegistryVillage>();
  for (const q of ["32.15", "32."]) {
    for (const v of searchRegistry({ q, limit: 100_000 })) {
      if (picked.size >= n) break;
      if (v.kind === "desa") picked.set(v.code, v);
    }
  }
  if (picked.size < n) throw new UsageError(`--villages: at most ${picked.size} (the desa of Jawa Barat in the registry)`);
  return [...picked.values()];
}

// ---------------------------------------------------------------------------------------------
// Ingest in child processes

interface WorkerResult { files: WorkerFileReport[]; peakRss: number; cpuSeconds: number; timings: WorkerDoneReport["timings"] | null }

/** "parse 1.2, lookup 0.3, …" in seconds. */
const fmtPhases = (t: WorkerDoneReport["timings"]) => (Object.entries(t) as Array<[string, number]>).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`).join(", ");

/** Runs one scaleWorker per job list; rejects (after stopping the others) when one fails. */
function runWorkers(url: string, groups: string[][], children: Set<ChildProcess>, onFile: (r: WorkerFileReport) => void): Promise<WorkerResult[]> {
  return Promise.all(groups.map((jobs, k) => new Promise<WorkerResult>((resolve, reject) => {
    // BENCH_CPU_PROF=<dir>: each import process writes a V8 CPU profile there (where the time goes).
    const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const child = spawn(process.execPath, [...prof, "--import", "tsx", WORKER, url, ...jobs], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    const result: WorkerResult = { files: [], peakRss: 0, cpuSeconds: 0, timings: null };
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr = (stderr + String(d)).slice(-4000)));
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return void process.stderr.write(`[worker ${k + 1}] ${line}\n`);
      const r = JSON.parse(line) as WorkerFileReport | WorkerDoneReport;
      if (r.type === "file") {
        result.files.push(r);
        onFile(r);
      } else {
        result.peakRss = r.peakRss;
        result.cpuSeconds = r.cpuSeconds;
        result.timings = r.timings;
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      children.delete(child);
      if (code === 0) return resolve(result);
      for (const other of children) other.kill("SIGTERM");
      reject(new Error(`import worker ${k + 1} ${signal ? `was killed (${signal})` : `exited with code ${code}`}:\n${stderr.trim()}`));
    });
  })));
}

// ---------------------------------------------------------------------------------------------
// API load

interface LoadResult {
  name: string;
  coldMs: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  detail: string;
}

/** Nearest-rank percentile of sorted values. */
const SERVER = path.join(ROOT, "test/bench/scaleServer.ts");

/** Starts the API server in its own process (killed with the other children at cleanup). */
function startApiServer(url: string, children: Set<ChildProcess>): Promise<{ port: number; pid: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER, url], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr = (stderr + String(d)).slice(-4000)));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", (line) => resolve({ port: (JSON.parse(line) as { port: number }).port, pid: child.pid! }));
    child.once("exit", (code) => reject(new Error(`API server exited with ${code}: ${stderr}`)));
  });
}

/** A process's peak resident set (Linux /proc VmHWM), or null where there is no /proc. */
function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function loadTarget(name: string, url: string, cookie: string, opts: Options): Promise<LoadResult> {
  // The first request is uncached (derived views are memoised per village for a minute): shown as
  // "cold"; under load most overview requests are cache hits, as on a busy dashboard.
  const t0 = performance.now();
  const first = await fetch(url, { headers: { cookie } });
  const body = await first.text();
  const coldMs = performance.now() - t0;
  if (!first.ok) {
    return { name, coldMs, p50: NaN, p95: NaN, p99: NaN, rps: 0, errors: 1, detail: `HTTP ${first.status}: ${body.slice(0, 200)}` };
  }
  // autocannon's histogram has whole-ms buckets and no p95: keep every 2xx latency instead.
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: opts.connections, duration: opts.seconds, headers: { cookie } }, (err, r) => (err ? reject(err) : resolve(r)));
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status < 200 || status >= 300) return;
      if (n === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[n++] = ms;
    });
  });
  const sorted = latencies.subarray(0, n).sort();
  const bad = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith("2")).map(([code, s]) => `${s.count}× HTTP ${code}`);
  if (result.errors) bad.push(`${result.errors} socket errors (${result.timeouts} timeouts)`);
  return {
    name, coldMs,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    rps: (n + result.non2xx) / result.duration,
    errors: result.non2xx + result.errors,
    detail: bad.join(", "),
  };
}

// ---------------------------------------------------------------------------------------------
// Output

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");
const fmtMs = (n: number) => (Number.isNaN(n) ? "—" : n < 10 ? n.toFixed(2) : n.toFixed(1));
const fmtBytes = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${Math.round(b / 1e6)} MB`);

/** A table that reads in a terminal and pastes as Markdown: text left, numbers right. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ");
  return [line(head), widths.map((w, i) => (i === 0 ? "-".repeat(w) : "-".repeat(w - 1) + ":")).join(" | "), ...rows.map(line)];
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const failures: string[] = [];
  const children = new Set<ChildProcess>();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "suara-desa-bench-scale-"));
  let target: BenchDatabase | null = null;
  let db: Database | null = null;
  // One cleanup, shared by the normal end, a crash and Ctrl-C (which also reaches the workers):
  // whichever path exits first has waited for the database to be dropped.
  let cleaning: Promise<void> | null = null;
  const cleanup = () => (cleaning ??= (async () => {
    for (const c of children) c.kill("SIGTERM");
    await db?.close().catch(() => {});
    if (opts.keep) {
      console.log(`kept: ${target?.label ?? "(no database)"}; JSONL files in ${dir}`);
      return;
    }
    await target?.drop().catch((e: Error) => console.error(`could not drop the bench database: ${e.message}`));
    fs.rmSync(dir, { recursive: true, force: true });
  })());
  process.once("SIGINT", () => {
    interrupted = true;
    console.error("\ninterrupted: cleaning up");
    void cleanup().finally(() => process.exit(130));
  });

  try {
    const workersNote = opts.engine === "postgres" ? `, ${opts.workers} import worker${opts.workers > 1 ? "s" : ""}` : ", 1 import process";
    const title = `bench:scale — ${opts.engine}, ${fmtInt(opts.rows)} comments, ${opts.villages} village${opts.villages > 1 ? "s" : ""}${workersNote}`;
    console.log(title);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${fmtBytes(os.totalmem())} RAM, Node ${process.version}`);

    target = await createBenchDatabase(opts.engine, dir);
    db = await openDatabase(target.url, { poolSize: 20 });
    await prepareDatabase(db);
    console.log(`database: ${target.label}`);
    const registry = pickVillages(opts.villages);
    const villages = [];
    for (const [i, v] of registry.entries()) {
      const row = await db.prisma.village.create({ data: { code: v.code, name: v.name, kecamatan: v.kecamatan, kabupaten: v.kabupaten, province: v.province } });
      const rows = Math.floor(opts.rows / opts.villages) + (i < opts.rows % opts.villages ? 1 : 0);
      villages.push({ id: row.id, code: v.code, name: v.name, vocab: villageVocab(v, i), rows, file: path.join(dir, `${v.code}.jsonl`) });
    }

    // Generate (not part of the ingest time).
    let t0 = performance.now();
    let bytes = 0;
    const genProgress = createProgress("generate");
    for (const [i, v] of villages.entries()) {
      bytes += await writeVillageFile(v.file, v.vocab, i, v.rows);
      genProgress.update(i + 1, villages.length, `${i + 1}/${villages.length} villages`);
    }
    genProgress.done();
    const genSeconds = (performance.now() - t0) / 1000;
    const genLine = `generate: ${fmtInt(opts.rows)} rows (${fmtBytes(bytes)} JSONL, ${START_DAY}..${END_DAY}) in ${genSeconds.toFixed(1)} s`;
    console.log(genLine);

    // Ingest: villages dealt round-robin to the workers so each has a similar share.
    const groups: string[][] = Array.from({ length: opts.workers }, () => []);
    villages.forEach((v, i) => groups[i % opts.workers].push(`${v.code}=${v.file}`));
    const ingestProgress = createProgress("ingest");
    let rowsDone = 0;
    let filesDone = 0;
    t0 = performance.now();
    const results = await runWorkers(target.url, groups, children, (r) => {
      rowsDone += r.read;
      filesDone++;
      ingestProgress.update(rowsDone, opts.rows, `${filesDone}/${villages.length} villages`);
    });
    ingestProgress.done();
    const wallSeconds = (performance.now() - t0) / 1000;
    const files = results.flatMap((r) => r.files);
    const ingestSeconds = (Math.max(...files.map((f) => f.endedAt)) - Math.min(...files.map((f) => f.startedAt))) / 1000;
    const peaks = results.map((r) => r.peakRss);
    const rejected = files.filter((f) => f.rejected > 0);
    for (const f of rejected) failures.push(`${f.code}: ${f.rejected} rows rejected (first: ${f.firstRejection})`);
    results.forEach((r, k) => {
      const rows = r.files.reduce((s, f) => s + f.read, 0);
      const busy = r.files.reduce((s, f) => s + f.seconds, 0);
      console.log(`  worker ${k + 1}: ${r.files.length} villages, ${fmtInt(rows)} rows in ${busy.toFixed(1)} s = ${fmtInt(rows / busy)} rows/s, peak RSS ${fmtBytes(r.peakRss)}, CPU ${r.cpuSeconds.toFixed(1)} s (all threads; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")})`);
      if (r.timings) console.log(`    seconds by phase (phases on the NLP threads overlap the others): ${fmtPhases(r.timings)}`);
    });

    const stored = await db.prisma.comment.count();
    if (stored !== opts.rows) {
      const msg = `ROW COUNT MISMATCH: generated ${fmtInt(opts.rows)}, stored ${fmtInt(stored)} (workers reported ${fmtInt(files.reduce((s, f) => s + f.new, 0))} new)`;
      console.error(`\n!!! ${msg} !!!\n`);
      failures.push(msg);
    }
    const rollups = await db.prisma.dailyRollup.count();
    const peakNote = opts.workers > 1 ? `${fmtBytes(Math.max(...peaks))} (max process), ${fmtBytes(peaks.reduce((a, b) => a + b, 0))} (sum)` : fmtBytes(peaks[0]);
    const ingestLine = `ingest: ${fmtInt(stored)} rows in ${ingestSeconds.toFixed(1)} s = ${fmtInt(stored / ingestSeconds)} rows/s; peak RSS ${peakNote}`;
    console.log(`${ingestLine}\n  (wall with process start-up ${wallSeconds.toFixed(1)} s; ${fmtInt(rollups)} daily rollup rows)`);

    // Second pass over one village: idempotency, and the cost of re-reading a file that is stored.
    const mid = villages[Math.floor(villages.length / 2)];
    const [again] = await runWorkers(target.url, [[`${mid.code}=${mid.file}`]], children, () => {});
    const pass = again.files[0];
    const secondLine = `second pass (1 village, ${fmtInt(pass.read)} rows): ${fmtInt(pass.new)} new, ${fmtInt(pass.updated)} updated in ${pass.seconds.toFixed(1)} s`;
    console.log(secondLine);
    if (pass.new !== 0 || pass.updated !== 0) failures.push(`second pass over ${mid.code} changed rows: ${pass.new} new, ${pass.updated} updated (expected 0)`);

    // API
    let analyzeLine: string | null = null;
    if (db.pg) {
      const { vacuumed, analyzed } = await vacuumAsAutovacuumWould(db.pg);
      analyzeLine = `postgres: VACUUM ${vacuumed.length ? vacuumed.join(", ") : "nothing"}; ANALYZE ${analyzed.length ? analyzed.join(", ") : "nothing"} (what autovacuum's next round would; tables below its thresholds left as they are)`;
      console.log(analyzeLine);
    }
    const apiServer = await startApiServer(target.url, children);
    const port = apiServer.port;
    const other = villages[0] === mid ? null : villages[0];
    await createUser(db, { username: "bench", password: "bench-password-1", role: "pimpinan", villageIds: [mid.id, ...(other ? [other.id] : [])] });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "bench", password: "bench-password-1" }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    if (!login.ok || !cookie) throw new Error(`bench login failed: HTTP ${login.status} ${await login.text()}`);
    if (!DEFAULT_TOPIC_KEYS.includes(TOPIC_KEY)) throw new Error(`topic "${TOPIC_KEY}" is not in the taxonomy`);

    const base = (v: { id: number }) => `http://127.0.0.1:${port}/api/villages/${v.id}`;
    const targets: Array<[string, string]> = [
      // Named: without a week the overview is the current week's, empty for this data.
      [`overview (latest week, ${LATEST_WEEK})`, `${base(mid)}/overview?week=${LATEST_WEEK}`],
      [`overview ${OLDER_WEEK}`, `${base(mid)}/overview?week=${OLDER_WEEK}`],
      ["explorer: first page (30)", `${base(mid)}/comments?limit=30`],
      ["explorer: topic + sentiment", `${base(mid)}/comments?topic=${TOPIC_KEY}&sentiment=negatif&limit=30`],
      ["explorer: full-text search", `${base(mid)}/comments?q=jalan%20rusak&limit=30`],
      [`topic page (${TOPIC_KEY})`, `${base(mid)}/topics/${TOPIC_KEY}`],
      ["Tindak Lanjut inbox: open issues, first page (50)", `${base(mid)}/cases?status=open&limit=50`],
      ["Tindak Lanjut inbox: urgent + overdue", `${base(mid)}/cases?urgent=1&overdue=1&limit=50`],
      ...(other ? [[`overview, other village (${other.name})`, `${base(other)}/overview?week=${LATEST_WEEK}`] as [string, string]] : []),
    ];
    const apiHead = `API: village ${mid.name} (${mid.code}, ${fmtInt(mid.rows)} comments) unless noted; ${opts.connections} connections, ${opts.seconds} s each`;
    console.log(apiHead);
    const loads: LoadResult[] = [];
    for (const [name, url] of targets) {
      const r = await loadTarget(name, url, cookie, opts);
      loads.push(r);
      console.log(`  ${name}: cold ${fmtMs(r.coldMs)} ms, p50 ${fmtMs(r.p50)}, p95 ${fmtMs(r.p95)}, p99 ${fmtMs(r.p99)} ms, ${fmtInt(r.rps)} req/s, ${r.errors} errors${r.detail ? ` (${r.detail})` : ""}`);
      if (r.errors) failures.push(`${name}: ${r.errors} errors — ${r.detail}`);
    }
    const serverPeak = peakRssOf(apiServer.pid);

    // Summary
    const worst = loads.filter((l) => !Number.isNaN(l.p95)).sort((a, b) => b.p95 - a.p95)[0];
    const errors = loads.reduce((s, l) => s + l.errors, 0);
    console.log(["", title, genLine, ingestLine, secondLine, ...(analyzeLine ? [analyzeLine] : []), apiHead,
      ...table(["endpoint", "cold ms", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors"],
        loads.map((l) => [l.name, fmtMs(l.coldMs), fmtMs(l.p50), fmtMs(l.p95), fmtMs(l.p99), fmtInt(l.rps), String(l.errors)])),
      `API server process (its own, as in production) peak RSS ${serverPeak === null ? "n/a" : fmtBytes(serverPeak)}`,
      `goals (printed, not asserted): ingest ≤ 120 s → ${ingestSeconds.toFixed(1)} s; p95 ≤ 50 ms → worst ${worst ? `${fmtMs(worst.p95)} ms (${worst.name})` : "—"}; 0 errors → ${errors}`,
    ].join("\n"));
    for (const f of failures) console.error(`FAILED: ${f}`);
    return failures.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

runMain(main, (e) => (interrupted ? 130 : e instanceof UsageError ? 2 : 1));
