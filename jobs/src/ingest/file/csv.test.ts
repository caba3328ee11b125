import { describe, expect, it } from "vitest";
import { MAX_COLUMNS, MAX_FIELD_CHARS } from "../limits";
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

describe("CSV reader limits (memory stays bounded whatever the file holds)", () => {
  it("cuts a field longer than the field limit, flags it, and goes on with the next record on the right line", () => {
    const huge = "x".repeat(MAX_FIELD_CHARS * 40) + "\n" + "y".repeat(MAX_FIELD_CHARS);
    const text = `text,published_at\n"${huge}",2026-11-20\nbiasa,2026-11-21\n`;
    const recs = parseCsv(text);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(recs[1].tooLong).toEqual([0]);
    expect(recs[1].fields[0].length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(recs[1].fields[1]).toBe("2026-11-20");
    expect(recs[2]).toEqual({ line: 4, fields: ["biasa", "2026-11-21"] });
  });

  it("keeps a field of exactly the limit whole", () => {
    const exact = "z".repeat(MAX_FIELD_CHARS);
    expect(parseCsv(`${exact},1\n`)).toEqual([{ line: 1, fields: [exact, "1"] }]);
  });

  it("counts columns beyond the column limit without keeping them", () => {
    const recs = parseCsv("a,b\n" + ",".repeat(MAX_COLUMNS * 5) + "\n");
    expect(recs[1].fields).toHaveLength(MAX_COLUMNS);
    expect(recs[1].fieldCount).toBe(MAX_COLUMNS * 5 + 1);
  });

  it("flags a record whose fields together pass the record limit", () => {
    const recs = parseCsv(`${"a".repeat(60)},${"b".repeat(60)}\nkecil,1\n`, { maxRecordChars: 100 });
    expect(recs[0].recordTooLong).toBe(true);
    expect(recs[1]).toEqual({ line: 2, fields: ["kecil", "1"] });
  });

  it("gives the same records and flags whatever the chunk boundaries", () => {
    const text = `a,b\r\n"${"q".repeat(30)}\r\n""x""",2\r\n3,"${"w".repeat(25)}"\r\n"",""\n`;
    const limits = { maxFieldChars: 20 };
    const whole = parseCsv(text, limits);
    for (const size of [1, 2, 3, 7]) {
      const reader = new CsvReader(limits);
      const out: CsvRecord[] = [];
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size), out);
      reader.end(out);
      expect(out).toEqual(whole);
    }
    expect(whole.map((r) => [r.line, r.tooLong ?? []])).toEqual([[1, []], [2, [0]], [4, [1]], [5, []]]);
    expect(whole[1].fields[0]).toBe("q".repeat(20));
    expect(whole[3].fields).toEqual(["", ""]);
  });
});
