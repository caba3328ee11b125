// Reading a generated PDF back in tests: what a person would see printed, as text.
import zlib from "node:zlib";
import type request from "supertest";

/** Text of a PDF: content streams inflated, strings of TJ/Tj operators decoded (WinAnsi). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const winAnsi: Record<number, string> = { 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x85: "…" };
  const decodeHex = (hex: string) => {
    let out = "";
    for (let i = 0; i < hex.length; i += 2) {
      const b = parseInt(hex.slice(i, i + 2), 16);
      out += winAnsi[b] ?? String.fromCharCode(b);
    }
    return out;
  };
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1], "latin1")).toString("latin1");
    } catch {
      content = m[1]; // an uncompressed stream
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [op[2]];
      lines.push(hexes.map(decodeHex).join(""));
    }
  }
  return lines.join("\n");
}

/** supertest parser that keeps a binary body (PDF, XLSX, CSV with BOM) as one Buffer. */
export function binaryParser(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}
