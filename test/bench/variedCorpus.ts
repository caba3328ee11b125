// Realistically varied resident comments for ingest benchmarks. A fixed fragment list lets every
// per-word and per-text cache of the NLP and every page of the database see the same few hundred
// strings, which flatters throughput; real comments rarely repeat. Here each sentence is two clauses
// of real text (the village corpus in test/fixtures, and when ../shared/data is present the public
// SmSA and NusaX sentences) joined by a connector, or one clause with a village phrase (dusun, RT/RW,
// a name, a number), so no sentence repeats more than a few times in a million comments.
// Deterministic for a seed; reads the public sets only if they are there (the bench must run without).
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { mulberry32 } from "@suara-desa/shared/random";

const MAX_CLAUSE_WORDS = 22;

/** Clauses of 3..22 words from the village corpus and, when present, the public sets. */
export function loadClauses(root: string): { clauses: string[]; sources: string[] } {
  const texts: string[] = [];
  const sources: string[] = [];
  const village = path.join(root, "test/fixtures/village-corpus/comments.jsonl");
  for (const line of fs.readFileSync(village, "utf8").split("\n")) {
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
  sources.push("village corpus");
  const shared = process.env.SUARA_SHARED_DATA ?? path.resolve(root, "../shared/data");
  const smsa = path.join(shared, "smsa/train_preprocess.tsv");
  if (fs.existsSync(smsa)) {
    for (const line of fs.readFileSync(smsa, "utf8").split("\n")) {
      // SmSA is pre-tokenised ("tempat nya , enak ."): glue punctuation back.
      const text = line.split("\t")[0]?.replace(/ ([.,!?])/g, "$1");
      if (text) texts.push(text);
    }
    sources.push("SmSA");
  }
  for (const lang of ["indonesian", "sundanese", "javanese"]) {
    const file = path.join(shared, `nusax-senti/${lang}/train.csv`);
    if (!fs.existsSync(file)) continue;
    for (const r of parse(fs.readFileSync(file, "utf8"), { columns: true }) as Array<{ text: string }>) texts.push(r.text);
    sources.push(`NusaX ${lang}`);
  }
  const seen = new Set<string>();
  for (const t of texts) {
    for (const sentence of t.split(/(?<=[.!?])\s+/)) {
      for (const raw of sentence.split(/,\s+/)) {
        const clause = raw.replace(/[.!?]+$/, "").trim();
        const words = clause.split(/\s+/).length;
        if (words >= 3 && words <= MAX_CLAUSE_WORDS) seen.add(clause);
      }
    }
  }
  return { clauses: [...seen], sources };
}

const PERSONS = ["Asep", "Ujang", "Dedi", "Euis", "Neng", "Iwan", "Yayan", "Dadang", "Cucu", "Entin", "Ade", "Nining", "Tatang", "Rohman", "Wawan", "Eka", "Aceng", "Enok", "Dodi", "Yuyun", "Cecep", "Imas", "Ajat", "Oman", "Siti", "Tuti", "Jajang", "Elis", "Maman"];
const DUSUN = ["Krajan", "Sukamaju", "Mekarsari", "Karangjaya", "Pasirmulya", "Tegalwaru", "Sindangasih", "Jatiluhur", "Bojongsari", "Rancabali", "Cibuntu", "Babakan", "Legokhuni", "Kebonjati", "Tanjungsari", "Margamulya", "Cibeureum", "Sawahluhur"];
const GANGS = ["Mawar", "Melati", "Kenanga", "Anggrek", "Flamboyan", "Dahlia", "Teratai", "Cempaka", "Sawo", "Nangka", "Rambutan", "Mangga", "Jambu", "Kelapa", "Bambu", "Waru"];
const MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"];
const CONNECTORS = [", ", ", tapi ", " dan ", ", padahal ", " karena ", ", jadi ", " terus ", ", soalnya ", " tapi ", ", makanya "];
const PHRASES = [
  "di RT {rt} RW {rw}", "di dusun {dusun}", "kata pak {nama}", "sejak {hari} hari lalu", "di gang {gang} {n}", "bulan {bulan} kemarin",
  "udah {n} kali lapor", "dari jam {jam} pagi", "di kp {dusun} RT {rt}", "mohon pak kades {nama}", "sudah {n} minggu", "habis Rp {rp}rb",
  "hatur nuhun kang {nama}", "punten bu {nama}", "di RW {rw} {dusun}", "wis {hari} dina", "tanggal {hari} {bulan}",
];
const OPENERS = ["Pak kades,", "Min,", "Assalamualaikum,", "Punten,", "Tolong,", "Mohon maaf,", "Warga {dusun} mau tanya,", "Kang {nama},", "Bu {nama},", "Nuwun sewu,", "Admin desa,"];
const CLOSERS = ["Terima kasih.", "Mohon segera.", "Gimana ini?", "🙏", "👍", "Tolong ditindaklanjuti.", "hatur nuhun", "matur nuwun", "!!!"];

/** A generator of varied comments over `clauses`, deterministic for `seed`. */
export function commentGenerator(clauses: string[], seed: number): () => string {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const pad = (n: number) => String(n).padStart(2, "0");
  const slot = (key: string): string => {
    switch (key) {
      case "rt": return rnd() < 0.5 ? pad(int(1, 15)) : String(int(1, 15));
      case "rw": return rnd() < 0.5 ? pad(int(1, 8)) : String(int(1, 8));
      case "dusun": return pick(DUSUN);
      case "nama": return pick(PERSONS);
      case "gang": return pick(GANGS);
      case "bulan": return pick(MONTHS);
      case "hari": return String(int(2, 30));
      case "jam": return String(int(5, 10));
      case "rp": return String(int(5, 500));
      case "n": return String(int(2, 9));
      default: throw new Error(`generator: unknown slot {${key}}`);
    }
  };
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => slot(k));
  const sentence = (): string => {
    const a = pick(clauses);
    // Two clauses (about 80 k² pairs) or one clause with a village phrase: either way new text.
    const s = rnd() < 0.6 ? `${a}${pick(CONNECTORS)}${pick(clauses)}` : rnd() < 0.5 ? `${a} ${fill(pick(PHRASES))}` : `${fill(pick(PHRASES))} ${a}`;
    return s.charAt(0).toUpperCase() + s.slice(1) + (rnd() < 0.8 ? "." : rnd() < 0.5 ? "?" : "!");
  };
  return () => {
    const parts: string[] = [];
    if (rnd() < 0.4) parts.push(fill(pick(OPENERS)));
    const n = rnd() < 0.55 ? 1 : rnd() < 0.7 ? 2 : 3;
    for (let i = 0; i < n; i++) parts.push(sentence());
    if (rnd() < 0.35) parts.push(pick(CLOSERS));
    let text = parts.join(" ");
    if (rnd() < 0.25) text = text.toLowerCase();
    return text;
  };
}

/** Sentences of a generated text, as counted for repetition. */
export const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?])\s+/).map((s) => s.trim().toLowerCase()).filter((s) => s.split(" ").length >= 3);
