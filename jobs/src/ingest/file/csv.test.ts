import { describe, expect, it } from "vitest";
import { CsvReader, parseCsv, type CsvRecord } from "./csv";

describe("CSV reader", () => {
  it("reads quoted commas, doubled quotes, line breaks and emoji, naming each record's first line", () => {
    const text = '\uFEFFtext,published_at\n"Jalan rusak, tolong ""segera"" 🙏",2026-11-20T10:00:00+07:00\n"baris satu\nbaris dua",2026-11-20 11:00\r\nbiasa,2026-11-21\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["text", "published_at"] },
      { line: 2, fields: ['Jalan rusak, tolong "segera" 🙏', "2026-11-20T10:00:00+07:00"] },
      { line: 3, fields: ["baris satu\nbaris dua", "2026-11-20 11:00"] },
      { line: 5, fields: ["biasa", "2026-11-21"] },
    ]);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    const text = 'a,b\n"x ""y""\nz",2\n3,"4,5"\n';
    const whole = parseCsv(text);
    const reader = new CsvReader();
    const out: CsvRecord[] = [];
    for (const ch of text) reader.push(ch, out);
    reader.end(out);
    expect(out).toEqual(whole);
  });

  it("skips blank lines and reports an unclosed quote with its line", () => {
    expect(parseCsv("a\n\n\nb\n").map((r) => r.line)).toEqual([1, 4]);
    expect(() => parseCsv('a\n"never closed\n')).toThrow(/line 2/);
  });
});
