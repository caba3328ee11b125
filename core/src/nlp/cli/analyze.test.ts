import { describe, expect, it } from "vitest";
import { detectFormat, InputError, readTexts } from "./analyze";

describe("analyze CLI input", () => {
  it("picks the format from the extension or --format", () => {
    expect(detectFormat("komentar.txt", undefined)).toBe("text");
    expect(detectFormat("KOMENTAR.CSV", undefined)).toBe("csv");
    expect(detectFormat("x.jsonl", undefined)).toBe("jsonl");
    expect(detectFormat("-", undefined)).toBe("text");
    expect(detectFormat("-", "csv")).toBe("csv");
    expect(() => detectFormat("laporan.pdf", undefined)).toThrow(/format tidak dikenal ".pdf"/);
    expect(() => detectFormat("x.txt", "xml")).toThrow(InputError);
  });

  it("reads plain text one comment per line, skipping blank lines", () => {
    expect(readTexts("jln rusak bgt\r\n\nHatur nuhun\nDalane rusak\n", "text", "a.txt")).toEqual(["jln rusak bgt", "Hatur nuhun", "Dalane rusak"]);
  });

  it("reads the text column of RFC-4180 CSV, quotes and newlines included", () => {
    const csv = 'id,text\n1,"jalan rusak, parah"\n2,"kata ""kutip""\nbaris dua"\n';
    expect(readTexts(csv, "csv", "a.csv")).toEqual(["jalan rusak, parah", 'kata "kutip"\nbaris dua']);
  });

  it("rejects a CSV without a text column, naming the header", () => {
    expect(() => readTexts("id,body\n1,halo\n", "csv", "a.csv")).toThrow(/a.csv: CSV tanpa kolom "text" \(header: id,body\)/);
  });

  it("reads JSONL and names the line of a bad record", () => {
    expect(readTexts('{"text":"mantap"}\n\n{"text":"slot gacor","id":2}\n', "jsonl", "a.jsonl")).toEqual(["mantap", "slot gacor"]);
    expect(() => readTexts('{"text":"ok"}\n{"txt":1}\n', "jsonl", "a.jsonl")).toThrow(/a.jsonl:2: field "text"/);
    expect(() => readTexts('{"text":"ok"}\nnot json\n', "jsonl", "a.jsonl")).toThrow(/a.jsonl:2: bukan JSON/);
  });
});
