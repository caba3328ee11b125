// The test reader of PDFs must not lose a page because of what its compressed bytes happen to be.
import PDFDocument from "pdfkit";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../helpers/pdfText";

function render(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ compress: true });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

/** The compressed page content of a one-page pdfkit document (its only Flate stream with a Tj/TJ). */
function pageStream(pdf: Buffer): Buffer {
  const raw = pdf.toString("latin1");
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*\/Filter \/FlateDecode[^>]*>>\s*stream\n/g)) {
    const start = m.index + m[0].length;
    const bytes = Buffer.from(raw.slice(start, start + Number(m[1])), "latin1");
    if (/T[jJ]/.test(zlib.inflateSync(bytes).toString("latin1"))) return bytes;
  }
  throw new Error("no page stream");
}

describe("pdfText", () => {
  it("reads a page whose compressed bytes end in a carriage return", async () => {
    let pdf: Buffer | null = null;
    let label = "";
    const seen = new Set<number>();
    for (let i = 0; i < 5000 && !pdf; i++) {
      label = `Porsi negatif ${"x".repeat(i % 50)} ${i}`;
      const candidate = await render(label);
      const last = pageStream(candidate).at(-1)!; seen.add(last); if (last === 0x0d) pdf = candidate;
    }
    expect(pdf, `a document whose page stream ends in \\r (${[...seen].sort((a, b) => a - b).join(",")})`).not.toBeNull();
    expect(pdfText(pdf!).split("\n")).toContain(label);
  });
});
