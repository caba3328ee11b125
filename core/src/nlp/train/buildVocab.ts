// Builds core/src/nlp/data/vocab.txt: words seen at least 3 times in the *train* splits of SmSA and
// NusaX (all three languages). Normalisation uses it to undo elongations ("bagusss" -> bagus),
// choose between leetspeak readings and split hashtags. Run: npx tsx core/src/nlp/train/buildVocab.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "../resources";
import { NUSAX_LANGS, readNusax, readSmsa } from "./data";

/** Counts train-split words and writes the vocabulary file; returns the number of words. */
export function buildVocab(): number {
  const counts = new Map<string, number>();
  const texts = [...readSmsa("train"), ...NUSAX_LANGS.flatMap((l) => readNusax(l, "train"))].map((t) => t.text);
  for (const text of texts) {
    for (const w of text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // Spam vocabulary so leetspeak readings resolve ("s1ot" -> slot, "m4xw1n" -> maxwin).
  const extra = ["slot", "gacor", "maxwin", "togel", "judi", "jackpot", "deposit", "scatter", "zeus", "olympus", "link", "bio", "jalan", "rusak", "banjir", "sampah"];
  const words = [...counts].filter(([w, c]) => c >= 3 && w.length >= 2 && !/(\p{L})\1\1/u.test(w)).map(([w]) => w);
  const all = [...new Set([...words, ...extra])].sort();
  const header = "# Words seen >= 3 times in SmSA train + NusaX-Senti train (ind/sun/jav); CC BY-SA 4.0 derived. Built by train/buildVocab.ts";
  writeFileSync(path.join(DATA_DIR, "vocab.txt"), `${header}\n${all.join("\n")}\n`);
  return all.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`vocab.txt: ${buildVocab()} words`);
}
