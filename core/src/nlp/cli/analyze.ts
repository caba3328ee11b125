// `npm run analyze -- <file|-> [--format text|csv|jsonl]`: runs the NLP pipeline over plain text
// (one comment per line), CSV (column `text`) or JSONL (field `text`) and writes one JSON object per
// input to stdout, in order. Bad input (missing file, unknown format, CSV without `text`, a JSONL line
// without a text) gets one error line on stderr and exit status 2, before anything is written.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createPipeline } from "../pipeline";
import { DEFAULT_TOPICS } from "../taxonomy";
import { parseCsv } from "../train/data";

export type InputFormat = "text" | "csv" | "jsonl";

/** A user-facing input error: printed as one line, exit status 2. */
export class InputError extends Error {}

const EXTENSIONS: Record<string, InputFormat> = { ".txt": "text", ".text": "text", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl" };

/** Picks the format from --format or the file extension (stdin defaults to plain text). */
export function detectFormat(file: string, explicit: string | undefined): InputFormat {
  if (explicit !== undefined) {
    if (explicit === "text" || explicit === "csv" || explicit === "jsonl") return explicit;
    throw new InputError(`--format: format tidak dikenal "${explicit}" (pakai text, csv atau jsonl)`);
  }
  if (file === "-") return "text";
  const fmt = EXTENSIONS[path.extname(file).toLowerCase()];
  if (!fmt) throw new InputError(`${file}: format tidak dikenal "${path.extname(file) || "(tanpa ekstensi)"}" — pakai .txt, .csv atau .jsonl, atau --format`);
  return fmt;
}

/** Extracts the comment texts from file content in the given format. */
export function readTexts(content: string, format: InputFormat, name: string): string[] {
  const src = content.replace(/^\uFEFF/, "");
  if (format === "text") return src.split(/\r?\n/).filter((l) => l.trim().length > 0);
  if (format === "csv") {
    const rows = parseCsv(src).filter((r) => r.length > 1 || (r[0] ?? "").trim().length > 0);
    if (rows.length === 0) throw new InputError(`${name}: CSV kosong (perlu header dengan kolom "text")`);
    const col = rows[0].map((h) => h.trim().toLowerCase()).indexOf("text");
    if (col < 0) throw new InputError(`${name}: CSV tanpa kolom "text" (header: ${rows[0].join(",")})`);
    return rows.slice(1).map((r, i) => {
      const t = r[col];
      if (t === undefined) throw new InputError(`${name}: baris data ${i + 2}: kolom "text" tidak ada`);
      return t;
    });
  }
  const out: string[] = [];
  src.split(/\r?\n/).forEach((line, i) => {
    if (line.trim().length === 0) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new InputError(`${name}:${i + 1}: bukan JSON yang sah`);
    }
    const text = (obj as { text?: unknown } | null)?.text;
    if (typeof text !== "string") throw new InputError(`${name}:${i + 1}: field "text" tidak ada atau bukan string`);
    out.push(text);
  });
  return out;
}

function parseArgs(argv: string[]): { file: string; format: string | undefined } {
  let file: string | undefined;
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--format") format = argv[++i];
    else if (a.startsWith("--format=")) format = a.slice("--format=".length);
    else if (file === undefined) file = a;
    else throw new InputError(`argumen tidak dikenal: ${a}`);
  }
  if (file === undefined) throw new InputError("pemakaian: npm run analyze -- <file.txt|file.csv|file.jsonl|-> [--format text|csv|jsonl]");
  return { file, format };
}

function main(): void {
  let texts: string[];
  try {
    const { file, format: explicit } = parseArgs(process.argv.slice(2));
    const format = detectFormat(file, explicit);
    if (file !== "-" && !existsSync(file)) throw new InputError(`${file}: berkas tidak ditemukan`);
    const content = readFileSync(file === "-" ? 0 : file, "utf8");
    texts = readTexts(content, format, file === "-" ? "stdin" : file);
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`analyze: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  // Whole-input batches let flood detection see repeats across the file; chunked to bound memory.
  const CHUNK = 20000;
  let spam = 0;
  const counts = { positif: 0, netral: 0, negatif: 0 };
  for (let s = 0; s < texts.length; s += CHUNK) {
    const batch = pipeline.analyzeBatch(texts.slice(s, s + CHUNK));
    const lines = batch.map((a) => {
      if (a.spam.isSpam) spam++;
      counts[a.sentiment.label]++;
      return JSON.stringify({
        text: a.text,
        language: a.language,
        sentiment: { label: a.sentiment.label, score: a.sentiment.score },
        topics: a.topics.map((t) => ({ key: t.key, score: t.score })),
        spam: a.spam.isSpam,
        intent: a.intent,
        intentScore: a.intentScore,
        urgent: a.urgent,
        urgentTerms: a.urgentTerms,
        pii: a.pii.map((p) => ({ type: p.type, start: p.start, end: p.end })),
        normalized: a.normalized,
      });
    });
    process.stdout.write(lines.join("\n") + (lines.length > 0 ? "\n" : ""));
  }
  process.stderr.write(
    `analyze: ${texts.length} komentar — positif ${counts.positif}, netral ${counts.netral}, negatif ${counts.negatif}, spam ${spam} (${pipeline.model.name} ${pipeline.model.version})\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("analyze.ts")) main();
