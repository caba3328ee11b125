import { describe, expect, it } from "vitest";
import { LineReader, splitLines, type TextLine } from "./lines";

describe("line reader", () => {
  it("numbers lines ending in \\n, \\r\\n or a lone \\r, whatever the chunk boundaries", () => {
    const text = "satu\r\ndua\rtiga\n\nlima";
    const whole = splitLines(text);
    expect(whole.map((l) => [l.line, l.text])).toEqual([[1, "satu"], [2, "dua"], [3, "tiga"], [4, ""], [5, "lima"]]);
    for (const size of [1, 2, 5]) {
      const r = new LineReader();
      const out: TextLine[] = [];
      for (let i = 0; i < text.length; i += size) r.push(text.slice(i, i + size), out);
      expect(r.end(out)).toEqual(whole);
    }
  });

  it("keeps only the start of an over-long line, flags it, and numbers the next line right", () => {
    const r = new LineReader(10);
    const out: TextLine[] = [];
    for (let i = 0; i < 1000; i++) r.push("0123456789", out);
    r.push("\nberikut\n", out);
    expect(r.end(out)).toEqual([
      { line: 1, text: "0123456789", cut: true },
      { line: 2, text: "berikut", cut: false },
    ]);
  });
});
