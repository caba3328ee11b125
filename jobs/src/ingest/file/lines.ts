// Splits streamed text into numbered lines (\n, \r\n or a lone \r) keeping at most `maxChars` of
// each, so a file without line breaks costs no more memory than one normal line. Used by JSONL
// and WhatsApp imports.
import { MAX_RECORD_CHARS } from "../limits";

export interface TextLine {
  /** 1-based physical line number. */
  line: number;
  /** The line without its break, cut to `maxChars` when `cut`. */
  text: string;
  /** The line was longer than `maxChars`: `text` holds only its start. */
  cut: boolean;
}

/** Incremental line splitter; call `push` per chunk and `end` once. */
export class LineReader {
  private parts: string[] = [];
  private kept = 0;
  private cut = false;
  private seen = false; // the current line has at least started (even if empty so far)
  private line = 1;
  private lastWasCR = false;

  constructor(private readonly maxChars: number = MAX_RECORD_CHARS) {}

  push(chunk: string, out: TextLine[] = []): TextLine[] {
    let start = 0;
    let i = 0;
    if (this.lastWasCR && chunk.length > 0) {
      this.lastWasCR = false;
      if (chunk.charCodeAt(0) === 0x0a) start = i = 1;
    }
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      this.keep(chunk, start, i);
      this.emit(out);
      if (c === 0x0d) {
        if (i + 1 < chunk.length) {
          if (chunk.charCodeAt(i + 1) === 0x0a) i++;
        } else {
          this.lastWasCR = true;
        }
      }
      start = i + 1;
    }
    this.keep(chunk, start, chunk.length);
    if (start < chunk.length) this.seen = true;
    return out;
  }

  end(out: TextLine[] = []): TextLine[] {
    if (this.seen || this.kept > 0 || this.cut) this.emit(out);
    return out;
  }

  private keep(chunk: string, from: number, to: number): void {
    const len = to - from;
    if (len <= 0 || this.cut) return;
    if (this.kept + len > this.maxChars) {
      const room = this.maxChars - this.kept;
      if (room > 0) this.parts.push(chunk.slice(from, from + room));
      this.kept = this.maxChars;
      this.cut = true;
      return;
    }
    this.parts.push(chunk.slice(from, to));
    this.kept += len;
  }

  private emit(out: TextLine[]): void {
    out.push({ line: this.line, text: this.parts.length === 1 ? this.parts[0] : this.parts.join(""), cut: this.cut });
    this.line++;
    this.parts = [];
    this.kept = 0;
    this.cut = false;
    this.seen = false;
  }
}

/** All lines of a whole string (tests and small inputs). */
export function splitLines(text: string, maxChars?: number): TextLine[] {
  const r = new LineReader(maxChars);
  return r.end(r.push(text));
}
