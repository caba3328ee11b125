// An incremental RFC 4180 CSV reader: quoted fields may hold commas, quotes ("") and line breaks.
// It yields each record with the physical line it started on, so errors can name the line.
// Memory is bounded whatever the input: a field keeps at most `maxFieldChars` characters and a
// record at most `maxRecordChars` (the rest is scanned, not kept) and at most `maxColumns` fields
// (further ones are only counted). Such records are still emitted, flagged, so the importer can
// reject exactly that row and go on with the next one.
// csv-parse was considered: it stops the whole parse at its record-size limit and reports the
// line a record ends on, not the line it starts on, which is what an office looks up in Excel.
import { MAX_COLUMNS, MAX_FIELD_CHARS, MAX_RECORD_CHARS } from "../limits";

export interface CsvRecord {
  line: number;
  fields: string[];
  /** Number of fields in the file when more than `fields` holds (beyond `maxColumns`). */
  fieldCount?: number;
  /** Indexes of fields longer than `maxFieldChars`: their value in `fields` is cut. */
  tooLong?: number[];
  /** The record's fields together exceeded `maxRecordChars`; `fields` is incomplete. */
  recordTooLong?: boolean;
}

export interface CsvLimits { maxFieldChars: number; maxRecordChars: number; maxColumns: number }

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Parses CSV text fed in chunks; call `push` per chunk and `end` once. */
export class CsvReader {
  private readonly limits: CsvLimits;
  // The current field is kept as slices of the input (joined once at its end) so a long field
  // costs one copy, not one string per character.
  private parts: string[] = [];
  private fieldLen = 0; // characters seen in the current field, kept or not
  private keptLen = 0;
  private fieldCut = false;
  private record: string[] = [];
  private fieldCount = 0;
  private recordKept = 0;
  private recordCut = false;
  private tooLong: number[] = [];
  private inQuotes = false;
  private quotePending = false; // saw a quote inside a quoted field: either "" or the closing quote
  private line = 1;
  private recordLine = 1;
  private started = false;
  private lastWasCR = false;

  constructor(limits: Partial<CsvLimits> = {}) {
    this.limits = { maxFieldChars: MAX_FIELD_CHARS, maxRecordChars: MAX_RECORD_CHARS, maxColumns: MAX_COLUMNS, ...limits };
  }

  push(chunk: string, out: CsvRecord[] = []): CsvRecord[] {
    let i = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1; // UTF-8 BOM from Excel
    }
    const n = chunk.length;
    let run = i; // start of the pending run of ordinary characters, appended in one slice
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.lastWasCR) {
        this.lastWasCR = false;
        if (c === LF) {
          run = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          // "" is a literal quote: it starts the next run, so it is kept as one character.
          if (c === QUOTE) continue;
          this.inQuotes = false; // closing quote; fall through to handle c unquoted
        } else if (c === QUOTE) {
          this.append(chunk, run, i);
          this.quotePending = true;
          run = i + 1;
          continue;
        } else if (c === LF) {
          this.line++;
          continue;
        } else if (c === CR) {
          this.append(chunk, run, i);
          this.line++;
          this.append("\n", 0, 1);
          this.lastWasCR = true;
          run = i + 1;
          continue;
        } else {
          continue;
        }
      }
      if (c === QUOTE && this.fieldLen === 0 && run === i) {
        this.inQuotes = true;
        run = i + 1;
      } else if (c === COMMA) {
        this.append(chunk, run, i);
        this.endField();
        run = i + 1;
      } else if (c === LF || c === CR) {
        this.append(chunk, run, i);
        this.lastWasCR = c === CR;
        this.endField();
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        run = i + 1;
      }
    }
    this.append(chunk, run, n);
    return out;
  }

  end(out: CsvRecord[] = []): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) throw new Error(`line ${this.recordLine}: quoted field is not closed`);
    if (this.fieldLen > 0 || this.fieldCount > 0) {
      this.endField();
      this.endRecord(out);
    }
    return out;
  }

  /** Adds chunk[from, to) to the current field, keeping only what the limits allow. */
  private append(chunk: string, from: number, to: number): void {
    const len = to - from;
    if (len <= 0) return;
    this.fieldLen += len;
    if (this.fieldCut || this.recordCut) return;
    // Keep exactly up to the limit, so what is kept does not depend on where chunks end.
    let keep = len;
    if (this.keptLen + keep > this.limits.maxFieldChars) {
      keep = this.limits.maxFieldChars - this.keptLen;
      this.fieldCut = true;
    }
    if (this.recordKept + keep > this.limits.maxRecordChars) {
      keep = this.limits.maxRecordChars - this.recordKept;
      this.recordCut = true;
    }
    if (keep <= 0) return;
    this.parts.push(from === 0 && keep === chunk.length ? chunk : chunk.slice(from, from + keep));
    this.keptLen += keep;
    this.recordKept += keep;
  }

  private endField(): void {
    if (this.fieldCount < this.limits.maxColumns) {
      this.record.push(this.parts.length === 1 ? this.parts[0] : this.parts.join(""));
      if (this.fieldCut) this.tooLong.push(this.fieldCount);
    }
    this.fieldCount++;
    this.parts = [];
    this.fieldLen = 0;
    this.keptLen = 0;
    this.fieldCut = false;
  }

  private endRecord(out: CsvRecord[]): void {
    const rec: CsvRecord = { line: this.recordLine, fields: this.record };
    if (this.fieldCount > this.record.length) rec.fieldCount = this.fieldCount;
    if (this.tooLong.length > 0) rec.tooLong = this.tooLong;
    if (this.recordCut) rec.recordTooLong = true;
    const blank = this.fieldCount === 1 && !rec.tooLong && !rec.recordTooLong && this.record[0].trim() === "";
    this.record = [];
    this.fieldCount = 0;
    this.recordKept = 0;
    this.recordCut = false;
    this.tooLong = [];
    if (!blank) out.push(rec);
  }
}

/** Parses a whole CSV string (tests and small files). */
export function parseCsv(text: string, limits?: Partial<CsvLimits>): CsvRecord[] {
  const r = new CsvReader(limits);
  const out = r.push(text);
  return r.end(out);
}
