// Unit tests must not quote sentences of the test splits the model card is scored on (SmSA and NusaX
// test, the test part of test/fixtures/topics, the village corpus test split): a test that pins the
// model's answer on a test sentence is tuning on test. Any six-word run shared with such a sentence fails.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NUSAX_LANGS, readNusax, readSmsa, REPO_ROOT } from "@suara-desa/core/nlp/train/data";
import { loadLabelledTopics, readVillageTopicSplit } from "@suara-desa/core/nlp/train/evalTopics";

const norm = (s: string): string[] => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, "").split(/\s+/).filter(Boolean);

function windows(words: string[], n = 6): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(" "));
  return out;
}

function testFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) testFiles(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

describe("unit tests and the test splits", () => {
  it("no test file quotes six consecutive words of a test-split sentence", () => {
    const held = new Map<string, string>();
    const add = (source: string, text: string): void => {
      for (const w of windows(norm(text))) held.set(w, source);
    };
    for (const t of readSmsa("test")) add("SmSA test", t.text);
    for (const lang of NUSAX_LANGS) for (const t of readNusax(lang, "test")) add(`NusaX ${lang} test`, t.text);
    for (const r of loadLabelledTopics()) if (r.split === "test") add("topics fixture test", r.text);
    for (const r of readVillageTopicSplit("test")) add("village corpus test", r.text);
    expect(held.size).toBeGreaterThan(1000);

    const found: string[] = [];
    const self = path.resolve(import.meta.filename);
    for (const file of ["core", "server", "jobs", "shared", "client", "test"].flatMap((d) => testFiles(path.join(REPO_ROOT, d)))) {
      if (path.resolve(file) === self) continue;
      for (const m of readFileSync(file, "utf8").matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`/g)) {
        const hit = windows(norm(m[1] ?? m[2] ?? m[3] ?? "")).find((w) => held.has(w));
        if (hit) found.push(`${path.relative(REPO_ROOT, file)}: "${hit}" (${held.get(hit)})`);
      }
    }
    expect(found).toEqual([]);
  });
});
