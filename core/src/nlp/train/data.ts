// Readers for the labelled corpora in ../shared/data (training and evaluation only; the product
// never reads them). Missing data gets one clear error naming the folder.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Sentiment } from "@suara-desa/shared/contracts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, "../../../..");
export const SHARED_DATA = path.resolve(REPO_ROOT, "../shared/data");

export type Split = "train" | "valid" | "test";
export type NusaxLang = "indonesian" | "sundanese" | "javanese";
export const NUSAX_LANGS: NusaxLang[] = ["indonesian", "sundanese", "javanese"];

export interface LabelledText {
  id: string;
  text: string;
  label: Sentiment;
}

const LABELS: Record<string, Sentiment> = { positive: "positif", neutral: "netral", negative: "negatif" };

function sharedFile(rel: string): string {
  const file = path.join(SHARED_DATA, rel);
  if (!existsSync(file)) {
    throw new Error(`Data latih tidak ditemukan: ${file} (expected the shared corpora at ${SHARED_DATA})`);
  }
  return file;
}

/** Parses RFC-4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** SmSA split (IndoNLU): lower-cased, tokenised reviews and comments. */
export function readSmsa(split: Split): LabelledText[] {
  const file = sharedFile(`smsa/${split}_preprocess.tsv`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((line, i) => {
      const tab = line.lastIndexOf("\t");
      const label = LABELS[line.slice(tab + 1).trim()];
      if (tab < 0 || !label) throw new Error(`${file}:${i + 1}: expected text<TAB>label`);
      return { id: `smsa-${split}-${i}`, text: line.slice(0, tab), label };
    });
}

/** NusaX-Senti split for one language (parallel across languages by id). */
export function readNusax(lang: NusaxLang, split: Split): LabelledText[] {
  const file = sharedFile(`nusax-senti/${lang}/${split}.csv`);
  const rows = parseCsv(readFileSync(file, "utf8"));
  const [head, ...body] = rows;
  const ti = head.indexOf("text");
  const li = head.indexOf("label");
  const ii = head.indexOf("id");
  return body
    .filter((r) => r.length > 1)
    .map((r, i) => {
      const label = LABELS[r[li]];
      if (!label) throw new Error(`${file}:${i + 2}: unknown label ${r[li]}`);
      return { id: `nusax-${lang}-${r[ii]}`, text: r[ti], label };
    });
}

/** Lower-cased letter/digit tokens for near-duplicate checks. */
export function tokenSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Removes every item whose token Jaccard with any reference text is >= threshold. */
export function removeNearDuplicates(items: LabelledText[], references: string[], threshold = 0.5): { kept: LabelledText[]; removed: number } {
  const refSets = references.map(tokenSet);
  const index = new Map<string, number[]>();
  refSets.forEach((s, i) => {
    for (const t of s) {
      let l = index.get(t);
      if (!l) index.set(t, (l = []));
      l.push(i);
    }
  });
  const kept: LabelledText[] = [];
  let removed = 0;
  for (const item of items) {
    const s = tokenSet(item.text);
    const overlap = new Map<number, number>();
    for (const t of s) for (const r of index.get(t) ?? []) overlap.set(r, (overlap.get(r) ?? 0) + 1);
    let dup = false;
    for (const [r, inter] of overlap) {
      const union = s.size + refSets[r].size - inter;
      if (union > 0 && inter / union >= threshold) {
        dup = true;
        break;
      }
    }
    if (dup) removed++;
    else kept.push(item);
  }
  return { kept, removed };
}

/**
 * Where a training script writes a model file: `--out DIR` (used by `npm run check:models` to
 * retrain into a temporary directory) or else the shipped path.
 */
export function modelOutPath(shipped: string, argv: readonly string[] = process.argv): string {
  const i = argv.indexOf("--out");
  if (i < 0) return shipped;
  const dir = argv[i + 1];
  if (!dir) throw new Error("--out: expected a directory");
  return path.join(dir, path.basename(shipped));
}
