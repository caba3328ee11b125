// WhatsApp chat export (.txt) -> comments. Exports differ by phone OS and language:
//   Android id-ID : 23/11/26 19.05 - Nama: pesan
//   iOS           : [23/11/2026, 19:05:12] Nama: pesan
//   Android en-US : 11/23/26, 7:05 PM - Name: msg
// A message continues on the following lines until the next header. System lines (encryption
// notice, joins, leaves, omitted media, deleted messages) are skipped. Times are local wall-clock
// times of the exporting phone, read in the village's time zone.
import { createHash } from "node:crypto";
import { MAX_AUTHOR_CHARS, MAX_FIELD_CHARS, MAX_TEXT_CHARS } from "../limits";
import { splitLines, type TextLine } from "../file/lines";
import type { IncomingComment } from "@suara-desa/core/ingest/types";

export interface WhatsAppParseResult {
  comments: IncomingComment[];
  rejected: Array<{ line: number; reason: string }>;
  /** System lines and media placeholders that were skipped on purpose. */
  skipped: number;
}

// Groups: 1 a, 2 b, 3 year, 4 hour, 5 minute, 6 second, 7 am/pm, 8 rest.
const HEADER =
  /^\[?(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4}),?\s+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?\]?\s*(?:-\s*)?(.*)$/;

// Bodies that stand for something that is not text.
const PLACEHOLDER = [
  /^<media tidak disertakan>$/i,
  /^<media omitted>$/i,
  /^(gambar|video|audio|stiker|dokumen|gif) tidak disertakan$/i,
  /^(image|video|audio|sticker|document|gif) omitted$/i,
  /^<(attached|terlampir): [^>]+>$/i,
  /^pesan ini (telah )?dihapus\.?$/i,
  /^anda menghapus pesan ini\.?$/i,
  /^this message was deleted\.?$/i,
  /^you deleted this message\.?$/i,
  /^null$/,
  /^pesan sekali lihat$/i,
  /^view once (message|photo|video)$/i,
];
// Notices that some exports attribute to the group itself ("Grup: Pesan dan panggilan…").
const SYSTEM_BODY = [/^pesan dan panggilan terenkripsi/i, /^messages and calls are end-to-end encrypted/i, /^pesan (ke diri sendiri )?terenkripsi/i];
const EDITED_SUFFIX = /\s*<(pesan ini diedit|this message was edited)>$/i;
// Invisible marks iOS puts before system lines and attachments.
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\ufeff]/g;

interface Header { a: number; b: number; year: number; hour: number; minute: number; second: number; ampm: string | null; rest: string }

function readHeader(line: string): Header | null {
  const m = HEADER.exec(line);
  if (!m) return null;
  return {
    a: Number(m[1]), b: Number(m[2]), year: m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]),
    hour: Number(m[4]), minute: Number(m[5]), second: m[6] ? Number(m[6]) : 0,
    ampm: m[7] ? m[7].toLowerCase() : null, rest: m[8],
  };
}

// Building a DateTimeFormat costs far more than using one; an export has one zone and many
// messages, so one formatter per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset (ms) of `timeZone` from UTC at instant `utcMs`. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - utcMs;
}

/** Local wall-clock time in `timeZone` -> UTC instant (two passes settle DST edges). */
export function zonedTimeToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let utc = wall - zoneOffsetMs(wall, timeZone);
  utc = wall - zoneOffsetMs(utc, timeZone);
  return new Date(utc);
}

/**
 * Decides the date order from every header line of a file, fed line by line (a first streamed
 * pass): day-first unless the file proves otherwise; 12-hour exports without proof are US
 * (month-first).
 */
export class DateOrderDetector {
  private dayAbove12 = false;
  private secondAbove12 = false;
  private headers = 0;
  private all12Hour = true;

  push(line: string): void {
    const h = readHeader(stripLeadingMarks(line));
    if (!h) return;
    this.headers++;
    if (h.a > 12) this.dayAbove12 = true;
    if (h.b > 12) this.secondAbove12 = true;
    if (h.ampm === null) this.all12Hour = false;
  }

  monthFirst(): boolean {
    if (this.dayAbove12) return false;
    if (this.secondAbove12) return true;
    return this.headers > 0 && this.all12Hour;
  }
}

function stripLeadingMarks(line: string): string {
  return line.replace(/^[\u200e\u200f\ufeff]+/, "");
}

// "Nama: pesan" — a sender name never contains a colon followed by a space before the text.
// Names share the import-wide limit; a longer "name" is rejected with its line, not guessed at.
const SENDER = new RegExp(`^[^:]{1,${MAX_AUTHOR_CHARS}}:(?: |$)`);
const LONG_SENDER = new RegExp(`^[^:]{${MAX_AUTHOR_CHARS + 1},}:(?: |$)`);

function isSystemBody(rest: string): boolean {
  return !SENDER.test(rest);
}

// WhatsApp writes an unsaved sender as the number with non-breaking hyphens (U+2011) and spaces,
// often wrapped in bidi marks (U+202A…U+202E, U+2066…U+2069); any dash or space counts.
const PHONE_SENDER_RE = /^[\u202A-\u202E\u2066-\u2069]*\+?[\d\s\u00A0\u2010-\u2015\u2212\-().]{8,}[\u202A-\u202E\u2066-\u2069]*$/;

function looksLikePhone(name: string): boolean {
  return PHONE_SENDER_RE.test(name) && /\d{3}/.test(name.replace(/\D+/g, ""));
}

/** Where a parser sends what it finds, in file order. */
export interface WhatsAppSink {
  comment(c: IncomingComment): void;
  reject(line: number, reason: string): void;
}

interface OpenMessage { author: string; at: Date; text: string; line: number; cut: boolean }

// Repeated identical messages are told apart by their occurrence number; remembering only the
// most recent distinct messages keeps memory flat on any export (repeats sit next to each other:
// same sender, same minute).
const REMEMBERED_MESSAGES = 20_000;

/**
 * Parses a WhatsApp export line by line (the date order comes from a first pass, see
 * DateOrderDetector), so an export of any size is read with bounded memory. Bad lines and
 * messages are reported with their 1-based line number.
 */
export class WhatsAppParser {
  /** System lines and media placeholders skipped on purpose. */
  skipped = 0;
  private current: OpenMessage | null = null;
  private inSystem = false;
  private inRejected = false;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly opts: { timeZone: string; chatName?: string; monthFirst: boolean },
    private readonly sink: WhatsAppSink,
  ) {}

  push(l: TextLine): void {
    const line = stripLeadingMarks(l.text);
    const h = readHeader(line);
    if (!h) {
      const cur = this.current;
      if (cur) {
        const more = line.replace(INVISIBLE, "");
        if (l.cut || cur.text.length + 1 + more.length > MAX_FIELD_CHARS) cur.cut = true;
        if (!cur.cut) cur.text += `\n${more}`;
      } else if (this.inSystem || this.inRejected) {
        // a multi-line system notice, or the rest of a rejected message
      } else if (line.trim() !== "") {
        this.sink.reject(l.line, "baris bukan awal pesan WhatsApp (tanggal/jam tidak dikenali)");
      }
      return;
    }
    this.flush();
    this.inSystem = false;
    this.inRejected = false;
    const monthFirst = this.opts.monthFirst;
    const day = monthFirst ? h.b : h.a;
    const month = monthFirst ? h.a : h.b;
    let hour = h.hour;
    if (h.ampm) {
      if (hour < 1 || hour > 12) { this.sink.reject(l.line, `jam tidak valid: ${h.hour}`); return; }
      hour = (hour % 12) + (h.ampm === "p" ? 12 : 0);
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || h.minute > 59 || h.second > 59) {
      this.sink.reject(l.line, `tanggal/jam tidak valid: ${line.slice(0, 24)}`);
      return;
    }
    const at = zonedTimeToUtc(h.year, month, day, hour, h.minute, h.second, this.opts.timeZone);
    const check = new Date(Date.UTC(h.year, month - 1, day));
    if (check.getUTCDate() !== day) { this.sink.reject(l.line, `tanggal tidak ada: ${day}/${month}/${h.year}`); return; }
    if (isSystemBody(h.rest)) {
      if (LONG_SENDER.test(h.rest)) {
        this.sink.reject(l.line, `nama pengirim: lebih dari ${MAX_AUTHOR_CHARS} karakter`);
        this.inRejected = true;
        return;
      }
      this.skipped += 1;
      this.inSystem = true;
      return;
    }
    const sep = h.rest.indexOf(":");
    const author = h.rest.slice(0, sep).replace(INVISIBLE, "").trim();
    const rawBody = h.rest.slice(sep + 1).replace(/^ /, "");
    // iOS marks system notices and attachments with a left-to-right mark before the body.
    if (/^[\u200e\u200f]/.test(rawBody) || author === this.opts.chatName || SYSTEM_BODY.some((re) => re.test(rawBody))) {
      this.skipped += 1;
      this.inSystem = true;
      return;
    }
    this.current = { author, at, text: rawBody.replace(INVISIBLE, "").trim(), line: l.line, cut: l.cut };
  }

  /** Call once after the last line. */
  end(): void {
    this.flush();
  }

  private flush(): void {
    const m = this.current;
    this.current = null;
    if (!m) return;
    const body = m.text.replace(EDITED_SUFFIX, "").trim();
    if (m.cut || body.length > MAX_TEXT_CHARS) {
      this.sink.reject(m.line, `pesan: lebih dari ${MAX_TEXT_CHARS} karakter`);
      return;
    }
    if (body === "" || PLACEHOLDER.some((re) => re.test(body))) { this.skipped += 1; return; }
    const iso = m.at.toISOString();
    const base = `${this.opts.chatName ?? ""}\u0000${m.author}\u0000${iso}\u0000${body}`;
    // The same person can send the same words twice in one minute ("up", "?"); both are kept.
    const seenKey = createHash("sha256").update(base).digest("base64");
    const occurrence = this.seen.get(seenKey) ?? 0;
    this.seen.delete(seenKey);
    this.seen.set(seenKey, occurrence + 1);
    if (this.seen.size > REMEMBERED_MESSAGES) this.seen.delete(this.seen.keys().next().value as string);
    const hash = createHash("sha256").update(`${base}\u0000${occurrence}`).digest("hex").slice(0, 32);
    const phone = looksLikePhone(m.author);
    this.sink.comment({
      platform: "file",
      externalId: `wa:${hash}`,
      postExternalId: null,
      parentExternalId: null,
      authorId: phone ? m.author.replace(/\D/g, "") : m.author,
      // A sender saved only as a phone number must not be shown: the number is personal data.
      authorName: phone ? null : m.author,
      text: body,
      publishedAt: m.at,
      likeCount: 0,
      url: null,
    });
  }
}

/** Parses a whole WhatsApp chat export held in a string (tests, small inputs). */
export function parseWhatsApp(text: string, opts: { timeZone: string; chatName?: string }): WhatsAppParseResult {
  const lines = splitLines(text, MAX_FIELD_CHARS);
  const order = new DateOrderDetector();
  for (const l of lines) order.push(l.text);
  const result: WhatsAppParseResult = { comments: [], rejected: [], skipped: 0 };
  const parser = new WhatsAppParser({ ...opts, monthFirst: order.monthFirst() }, {
    comment: (c) => result.comments.push(c),
    reject: (line, reason) => result.rejected.push({ line, reason }),
  });
  for (const l of lines) parser.push(l);
  parser.end();
  result.skipped = parser.skipped;
  return result;
}
