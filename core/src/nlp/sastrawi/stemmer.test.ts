import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stemToken } from "../topics";

const require = createRequire(import.meta.url);
const stemmer = require("./stemmer.cjs") as { stem(word: string): string };

// Word -> stem as `natural` 8.1.1 (stemmers/indonesian/stemmer_id) gave them before it was vendored:
// every word of the village corpus, the labelled topic set, vocab.txt, the formal side of the
// normalisation lexicons and the taxonomy, plus affix and reduplication edge cases
// (see test/fixtures/stems/README.md).
const FIXTURE = path.resolve(__dirname, "../../../../test/fixtures/stems/stems-id.tsv");
const rows = fs
  .readFileSync(FIXTURE, "utf8")
  .split("\n")
  .filter((line) => line !== "")
  .map((line, i) => {
    const cols = line.split("\t");
    if (cols.length !== 2) throw new Error(`stems-id.tsv line ${i + 1}: expected "word<TAB>stem"`);
    return cols as [string, string];
  });

describe("vendored Sastrawi stemmer", () => {
  it("covers a varied word list", () => {
    expect(rows.length).toBeGreaterThan(12_000);
    expect(rows.filter(([w, s]) => w !== s).length).toBeGreaterThan(3_000);
    expect(rows.filter(([w]) => w.includes("-")).length).toBeGreaterThan(300);
  });

  it("gives the stems natural 8.1.1 gave, word for word", () => {
    const differing = rows.filter(([word, stem]) => stemmer.stem(word) !== stem).map(([word, stem]) => `${word}: ${stemmer.stem(word)} (expected ${stem})`);
    expect(differing).toEqual([]);
  });

  it("handles case, confixes and reduplication", () => {
    expect(stemmer.stem("DIPERBAIKI")).toBe("baik");
    expect(stemmer.stem("pengaduan")).toBe("adu");
    expect(stemmer.stem("berbalas-balasan")).toBe("balas");
    expect(stemmer.stem("meniru-nirukan")).toBe("tiru");
    expect(stemmer.stem("jembatannya")).toBe("jembatan");
  });

  it("leaves no state on the global object", () => {
    stemmer.stem("diperbaiki");
    expect("currentWord" in globalThis).toBe(false);
    expect("removal" in globalThis).toBe(false);
  });

  it("is what the topic stage stems with", () => {
    expect(stemToken("perbaikan")).toBe("baik");
    expect(stemToken("diperbaiki")).toBe(stemmer.stem("diperbaiki"));
  });
});
