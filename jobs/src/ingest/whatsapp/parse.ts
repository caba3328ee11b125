// WhatsApp chat export (.txt) -> comments. Exports differ by phone OS and language:
//   Android id-ID : 23/11/26 19.05 - Nama: pesan
//   iOS           : [23/11/2026, 19:05:12] Nama: pesan
//   Android en-US : 11/23/26, 7:05 PM - Name: msg
// A message continues on the following lines until the next header. System lines (encryption
// notice, joins, leaves, omitted media, deleted messages) are skipped. Times are local wall-clock
// times of the exporting phone, read in the village's time zone.
import { createHash } from "node:crypto";
import type { IncomingComment } from "../types";

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

/** Offset (ms) of `timeZone` from UTC at instant `utcMs`. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(utcMs));
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

/** Day-first unless the file proves otherwise; 12-hour exports without proof are US (month-first). */
function detectMonthFirst(headers: Header[]): boolean {
  if (headers.some((h) => h.a > 12)) return false;
  if (headers.some((h) => h.b > 12)) return true;
  return headers.length > 0 && headers.every((h) => h.ampm !== null);
}

function isSystemBody(rest: string): boolean {
  // "Nama: pesan" — a sender name never contains a colon followed by a space before the text.
  return !/^[^:]{1,80}: /.test(rest) && !/^[^:]{1,80}:$/.test(rest);
}

function looksLikePhone(name: string): boolean {
  return /^\+?[\d\s\-()]{8,}$/.test(name);
}

/** Parses a WhatsApp chat export; bad lines are reported with their 1-based line number. */
export function parseWhatsApp(text: string, opts: { timeZone: string; chatName?: string }): WhatsAppParseResult {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  const lines = raw.map((l) => l.replace(/^[\u200e\u200f\ufeff]+/, ""));
  const headers = lines.map(readHeader);
  const monthFirst = detectMonthFirst(headers.filter((h): h is Header => h !== null));
  const rejected: WhatsAppParseResult["rejected"] = [];
  const messages: Array<{ author: string; at: Date; text: string; line: number }> = [];
  let skipped = 0;
  let current: { author: string; at: Date; text: string; line: number } | null = null;
  let inSystem = false;

  const flush = () => {
    if (current) messages.push(current);
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const h = headers[i];
    if (!h) {
      if (current) current.text += `\n${lines[i].replace(INVISIBLE, "")}`;
      else if (inSystem) continue; // a multi-line system notice
      else if (lines[i].trim() !== "") rejected.push({ line: lineNo, reason: "baris bukan awal pesan WhatsApp (tanggal/jam tidak dikenali)" });
      continue;
    }
    flush();
    inSystem = false;
    const day = monthFirst ? h.b : h.a;
    const month = monthFirst ? h.a : h.b;
    let hour = h.hour;
    if (h.ampm) {
      if (hour < 1 || hour > 12) { rejected.push({ line: lineNo, reason: `jam tidak valid: ${h.hour}` }); continue; }
      hour = (hour % 12) + (h.ampm === "p" ? 12 : 0);
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || h.minute > 59 || h.second > 59) {
      rejected.push({ line: lineNo, reason: `tanggal/jam tidak valid: ${lines[i].slice(0, 24)}` });
      continue;
    }
    const at = zonedTimeToUtc(h.year, month, day, hour, h.minute, h.second, opts.timeZone);
    const check = new Date(Date.UTC(h.year, month - 1, day));
    if (check.getUTCDate() !== day) { rejected.push({ line: lineNo, reason: `tanggal tidak ada: ${day}/${month}/${h.year}` }); continue; }
    if (isSystemBody(h.rest)) { skipped += 1; inSystem = true; continue; }
    const sep = h.rest.indexOf(":");
    const author = h.rest.slice(0, sep).replace(INVISIBLE, "").trim();
    const rawBody = h.rest.slice(sep + 1).replace(/^ /, "");
    // iOS marks system notices and attachments with a left-to-right mark before the body.
    if (/^[\u200e\u200f]/.test(rawBody) || author === opts.chatName || SYSTEM_BODY.some((re) => re.test(rawBody))) {
      skipped += 1;
      inSystem = true;
      continue;
    }
    current = { author, at, text: rawBody.replace(INVISIBLE, "").trim(), line: lineNo };
  }
  flush();

  const seen = new Map<string, number>();
  const comments: IncomingComment[] = [];
  for (const m of messages) {
    const body = m.text.replace(EDITED_SUFFIX, "").trim();
    if (body === "" || PLACEHOLDER.some((re) => re.test(body))) { skipped += 1; continue; }
    const iso = m.at.toISOString();
    const base = `${opts.chatName ?? ""}\u0000${m.author}\u0000${iso}\u0000${body}`;
    // The same person can send the same words twice in one minute ("up", "?"); both are kept.
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const hash = createHash("sha256").update(`${base}\u0000${occurrence}`).digest("hex").slice(0, 32);
    const phone = looksLikePhone(m.author);
    comments.push({
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
  return { comments, rejected, skipped };
}
