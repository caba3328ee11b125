// An incremental RFC 4180 CSV reader: quoted fields may hold commas, quotes ("") and line breaks.
// It yields each record with the physical line it started on, so errors can name the line.

export interface CsvRecord { line: number; fields: string[] }

/** Parses CSV text fed in chunks; call `push` per chunk and `end` once. */
export class CsvReader {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  private quotePending = false; // saw a quote inside a quoted field: either "" or the closing quote
  private line = 1;
  private recordLine = 1;
  private started = false;
  private lastWasCR = false;

  push(chunk: string, out: CsvRecord[] = []): CsvRecord[] {
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1; // UTF-8 BOM from Excel
    }
    for (; i < chunk.length; i++) {
      const ch = chunk[i];
      if (this.lastWasCR) {
        this.lastWasCR = false;
        if (ch === "\n") continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // closing quote; fall through to handle ch unquoted
        } else if (ch === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (ch === "\n") this.line++;
          else if (ch === "\r") { this.line++; this.field += "\n"; this.lastWasCR = true; continue; }
          this.field += ch;
          continue;
        }
      }
      if (ch === '"' && this.field === "") {
        this.inQuotes = true;
      } else if (ch === ",") {
        this.record.push(this.field);
        this.field = "";
      } else if (ch === "\n" || ch === "\r") {
        this.lastWasCR = ch === "\r";
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
      } else {
        this.field += ch;
      }
    }
    return out;
  }

  end(out: CsvRecord[] = []): CsvRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) throw new Error(`line ${this.recordLine}: quoted field is not closed`);
    if (this.field !== "" || this.record.length > 0) this.endRecord(out);
    return out;
  }

  private endRecord(out: CsvRecord[]): void {
    this.record.push(this.field);
    this.field = "";
    const rec = this.record;
    this.record = [];
    if (rec.length === 1 && rec[0].trim() === "") return; // blank line
    out.push({ line: this.recordLine, fields: rec });
  }
}

/** Parses a whole CSV string (tests and small files). */
export function parseCsv(text: string): CsvRecord[] {
  const r = new CsvReader();
  const out = r.push(text);
  return r.end(out);
}
