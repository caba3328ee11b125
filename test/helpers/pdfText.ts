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
  // Objects are walked in order and each stream is read by the /Length its dictionary declares, so
  // binary bodies are never searched. (Matching up to the next "endstream" lost a whole page whenever
  // its compressed bytes happened to end in "\r" — one PDF in a few hundred, varying with the clock
  // printed on the page.)
  for (let pos = raw.indexOf(" obj"); pos >= 0; pos = raw.indexOf(" obj", pos)) {
    const end = raw.indexOf("endobj", pos);
    const keyword = /stream\r?\n/g;
    keyword.lastIndex = pos;
    const stream = keyword.exec(raw);
    if (!stream || (end >= 0 && end < stream.index)) {
      if (end < 0) break;
      pos = end + 6;
      continue;
    }
    const dict = raw.slice(pos, stream.index);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (!length) throw new Error(`PDF stream at byte ${stream.index} has no direct /Length`);
    const start = stream.index + stream[0].length;
    const bytes = Buffer.from(raw.slice(start, start + Number(length[1])), "latin1");
    pos = start + bytes.length;
    const content = /\/FlateDecode/.test(dict) ? zlib.inflateSync(bytes).toString("latin1") : bytes.toString("latin1");
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
