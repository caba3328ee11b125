// Personal data in comments: NIK (national ID number), KK (family card) number, phone numbers and
// e-mail addresses. Offsets refer to the ORIGINAL text so the API and exports can redact exactly.
import type { NlpContext, PiiSpan, Stage } from "./types";

// Province codes in use (Dukcapil): Sumatra 11-19, Java 31-36, Bali/Nusa Tenggara 51-53,
// Kalimantan 61-65, Sulawesi 71-76, Maluku 81-82, Papua 91-96.
const PROVINCES = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]);

// What people put between the digits of a number: spaces (also the no-break ones phones insert),
// dots, hyphen-minus, the Unicode hyphens and dashes U+2010–U+2015 (phone contact lists and word
// processors substitute them; WhatsApp shows saved numbers with U+2011) and the minus sign U+2212.
const SEP = " \\u00a0\\u202f.\\-\\u2010-\\u2015\\u2212";

// 16 digits, contiguous or in 4-digit groups separated by one separator; not inside a longer number.
const SIXTEEN_RE = new RegExp(`(?<![\\d])(?:\\d{16}|\\d{4}([${SEP}])\\d{4}\\1\\d{4}\\1\\d{4})(?![\\d])`, "g");
// A possible Indonesian mobile number: a prefix (+62, 62, 0, optionally bracketed) and digits with
// up to three separator or bracket characters between them. Deliberately broad; phoneLength()
// decides which part of it, if any, is a phone number.
const PHONE_CANDIDATE_RE = new RegExp(`(?<![\\d+])(?:\\([${SEP}]?)?(?:\\+[${SEP}]?(?:\\([${SEP}]?)?62|62|0)(?:[${SEP}()]{0,3}\\d){8,16}`, "g");
// Links that open a WhatsApp chat with a number: whatever the digits look like, they are a phone.
const WA_LINK_RE = /(?:\bwa\.me\/|\bwhatsapp\.com\/send\/?\?(?:[^\s#&]*&){0,8}phone=)(?:\+|%2b)?(\d{6,15})(?!\d)/gi;
const WA_HINT_RE = /wa\.me|whatsapp\.com/i;
const EMAIL_RE = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
// "no KK", "nomor kartu keluarga", "KK:" shortly before the number.
const KK_CONTEXT_RE = /(?:\bkk\b|kartu\s+keluarga|\bno\.?\s*kk\b)[^\d]{0,20}$/i;
const NIK_CONTEXT_RE = /(?:\bnik\b|\bktp\b|nomor\s+induk)[^\d]{0,20}$/i;
// Money is written with dots every three digits and "Rp" in front: never a phone.
const MONEY_CONTEXT_RE = /\brp\.?\s*$/i;
const NON_DIGIT_RE = /\D/g;
// Every kind of personal data we detect has four digits with at most one separator between
// them (the operator code "0812", the "62812" of a link, a NIK group, spaced digits) or an "@".
const ANY_PII_RE = new RegExp(`@|\\d[${SEP}]?\\d[${SEP}]?\\d[${SEP}]?\\d`);
// A display name with eight or more digits in one number is an identifier (a phone saved as the
// contact name, also foreign ones the mobile rules do not know), not a name.
const NUMBER_IN_NAME_RE = new RegExp(`\\d(?:[${SEP}()+]{0,3}\\d){7}`);

/** Region part valid: known province, regency and district codes not 00. */
export function validRegion(d: string): boolean {
  return PROVINCES.has(Number(d.slice(0, 2))) && d.slice(2, 4) !== "00" && d.slice(4, 6) !== "00";
}

/** NIK rules: valid region, birth date DDMMYY with DD+40 for women, serial not 0000. */
export function isValidNik(digits: string): boolean {
  if (!/^\d{16}$/.test(digits) || !validRegion(digits)) return false;
  let day = Number(digits.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(digits.slice(8, 10));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && digits.slice(12) !== "0000";
}

/** Plausible KK number: valid region and a non-zero serial (its date part is the issue date). */
export function isPlausibleKk(digits: string): boolean {
  return /^\d{16}$/.test(digits) && validRegion(digits) && digits.slice(12) !== "0000";
}

interface DigitGroup { start: number; end: number }

/** Runs of digits in `s` with their offsets. */
function digitGroups(s: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = s.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    if (isDigit && start < 0) start = i;
    else if (!isDigit && start >= 0) {
      groups.push({ start, end: i });
      start = -1;
    }
  }
  return groups;
}

/**
 * Whether the first `k` digit groups of candidate `s` are one Indonesian mobile number as people
 * write it: +62 / 62 / 0 (also "+62 (0)"), then 8 and 8–11 more digits (the national number is
 * 9–12 digits), the start of the operator code kept together ("0812", "081 234", "+62 812" — not
 * "08-12-2024"), no other single digits unless every digit stands alone ("0 8 1 2 …"), and not a
 * sum of money ("62.850.000.000": dots every three digits).
 */
function isMobileNumber(s: string, groups: DigitGroup[], k: number): boolean {
  let digits = "";
  for (let i = 0; i < k; i++) digits += s.slice(groups[i].start, groups[i].end);
  let national: number;
  if (digits.startsWith("62")) national = digits[2] === "0" ? 3 : 2;
  else if (digits[0] === "0") national = 1;
  else return false;
  const length = digits.length - national;
  if (digits[national] !== "8" || length < 9 || length > 12) return false;
  let allSingle = true;
  for (let i = 0; i < k; i++) if (groups[i].end - groups[i].start !== 1) allSingle = false;
  if (allSingle) return true;
  // The group where the national number starts holds at least its first two digits (081, +62 81).
  const len = (i: number) => groups[i].end - groups[i].start;
  let first = 0;
  let before = 0; // digits in the groups before `first`
  while (before + len(first) <= national) before += len(first++);
  if (len(first) - (national - before) < 2 && !isPairs(s, groups, k)) return false;
  for (let i = first + 1; i < k; i++) if (len(i) < 2) return false;
  if (!s.slice(0, groups[0].start).includes("+") && digits[0] !== "0" && len(0) <= 3) {
    let thousands = true;
    for (let i = 1; i < k && thousands; i++) thousands = len(i) === 3 && s.slice(groups[i - 1].end, groups[i].start) === ".";
    if (thousands) return false;
  }
  return true;
}

/** "08 57 11 22 90 43": a number read out in pairs (not "08.12.34", a time, nor a date with a year). */
function isPairs(s: string, groups: DigitGroup[], k: number): boolean {
  for (let i = 0; i < k; i++) {
    if (groups[i].end - groups[i].start !== 2) return false;
    if (i > 0 && s.slice(groups[i - 1].end, groups[i].start).includes(".")) return false;
  }
  return true;
}

/**
 * Length of the mobile number at the start of candidate `s` (0 if none). Trailing groups are
 * dropped until the rest is a number, so "0812 3456 7890 2 kali" still finds the phone.
 */
function phoneLength(s: string, nextIsDigit: boolean): number {
  const groups = digitGroups(s);
  for (let k = groups.length; k >= 1; k--) {
    // The candidate stopped inside a longer run of digits: that run is some other number.
    if (k === groups.length && nextIsDigit) continue;
    if (isMobileNumber(s, groups, k)) return groups[k - 1].end;
  }
  return 0;
}

function overlaps(spans: PiiSpan[], s: number, e: number): boolean {
  for (const x of spans) if (s < x.end && e > x.start) return true;
  return false;
}

/** Finds NIK, KK, phone and e-mail spans (sorted, non-overlapping) in the original text. */
export function findPii(text: string): PiiSpan[] {
  if (!ANY_PII_RE.test(text)) return [];
  const spans: PiiSpan[] = [];
  // exec loops rather than matchAll: this runs on every comment, and the iterator costs more than the regex.
  SIXTEEN_RE.lastIndex = 0;
  for (let m = SIXTEEN_RE.exec(text); m; m = SIXTEEN_RE.exec(text)) {
    const start = m.index;
    const digits = m[0].replace(NON_DIGIT_RE, "");
    const before = text.slice(Math.max(0, start - 30), start);
    const kkContext = KK_CONTEXT_RE.test(before);
    if (kkContext && isPlausibleKk(digits)) spans.push({ type: "kk", start, end: start + m[0].length });
    else if (isValidNik(digits)) spans.push({ type: "nik", start, end: start + m[0].length });
    // Fails NIK date rules but has a real region: a KK number (or a mistyped NIK) either way personal.
    else if (isPlausibleKk(digits)) spans.push({ type: NIK_CONTEXT_RE.test(before) ? "nik" : "kk", start, end: start + m[0].length });
  }
  if (text.includes("@")) {
    EMAIL_RE.lastIndex = 0;
    for (let m = EMAIL_RE.exec(text); m; m = EMAIL_RE.exec(text)) {
      if (!overlaps(spans, m.index, m.index + m[0].length)) spans.push({ type: "email", start: m.index, end: m.index + m[0].length });
    }
  }
  if (WA_HINT_RE.test(text)) {
    WA_LINK_RE.lastIndex = 0;
    for (let m = WA_LINK_RE.exec(text); m; m = WA_LINK_RE.exec(text)) {
      const end = m.index + m[0].length;
      const start = end - m[1].length;
      if (!overlaps(spans, start, end)) spans.push({ type: "phone", start, end });
    }
  }
  const re = PHONE_CANDIDATE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const next = text.charCodeAt(start + m[0].length);
    const money = MONEY_CONTEXT_RE.test(text.slice(Math.max(0, start - 4), start));
    const length = money ? 0 : phoneLength(m[0], next >= 48 && next <= 57);
    if (length > 0 && !overlaps(spans, start, start + length)) spans.push({ type: "phone", start, end: start + length });
    // Look again right after the phone (or the failed start): a second number may follow in the candidate.
    re.lastIndex = start + Math.max(1, length);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Pipeline stage: personal-data spans in the ORIGINAL comment text. */
export const detectPii: Stage<string, PiiSpan[]> = (text: string, _ctx: NlpContext) => findPii(text);

/**
 * Whether an author's display name is (or contains) personal data: a phone number, e-mail, NIK or
 * KK, or any number of eight or more digits (a phone saved as the contact name, foreign ones too).
 * Such a name is never shown, to any role: it is an identifier, not a name.
 */
export function nameHasPersonalData(name: string): boolean {
  return NUMBER_IN_NAME_RE.test(name) || findPii(name).length > 0;
}

const MASK = "•";

/** Masks the digits of `s` except the first `keepHead` and last `keepTail` digits; separators stay. */
function maskDigits(s: string, keepHead: number, keepTail: number): string {
  const total = s.replace(NON_DIGIT_RE, "").length;
  let seen = 0;
  let out = "";
  for (const ch of s) {
    if (ch >= "0" && ch <= "9") {
      out += seen < keepHead || seen >= total - keepTail ? ch : MASK;
      seen++;
    } else out += ch;
  }
  return out;
}

function redactOne(value: string, type: PiiSpan["type"]): string {
  switch (type) {
    case "nik":
    case "kk":
      return maskDigits(value, 4, 4);
    case "phone": {
      // Keep the operator prefix (0812 / +62812 / 62812 / +62 0812) and the last two digits.
      const digits = value.replace(NON_DIGIT_RE, "");
      const head = digits.startsWith("620") ? 6 : digits.startsWith("62") ? 5 : 4;
      return maskDigits(value, head, 2);
    }
    case "email": {
      const at = value.indexOf("@");
      return value[0] + MASK.repeat(Math.max(1, at - 1)) + value.slice(at);
    }
    default:
      // Spans read back from the database are not type-checked: an unknown kind must not print "undefined".
      throw new Error(`redact: unknown span type ${String(type)}`);
  }
}

/**
 * Replaces each span with a masked form of the same length (3215••••••••0001, 0812••••••78,
 * a••••@gmail.com). Spans may come in any order; overlapping or out-of-range spans are an error.
 */
export function redact(text: string, spans: PiiSpan[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos || s.end > text.length || s.start >= s.end) {
      throw new Error(`redact: span ${s.type} [${s.start}, ${s.end}) overlaps another or lies outside the text (length ${text.length})`);
    }
    out += text.slice(pos, s.start) + redactOne(text.slice(s.start, s.end), s.type);
    pos = s.end;
  }
  return out + text.slice(pos);
}

/**
 * Masks every piece of personal data in `text`: the spans stored at ingest, then whatever the
 * current detector finds in what is left. Stored spans come from the detector of their model
 * version: until a retag they miss forms added since, and spans that no longer fit the text are
 * replaced by a fresh detection. `found` says whether anything was masked.
 */
export function redactPersonalData(text: string, stored: PiiSpan[] = []): { text: string; found: boolean } {
  let out = text;
  let found = stored.length > 0;
  if (found) {
    try {
      out = redact(text, stored);
    } catch {
      out = text;
      found = false;
    }
  }
  const residual = findPii(out);
  if (residual.length) {
    out = redact(out, residual);
    found = true;
  }
  return { text: out, found };
}

/**
 * A link with its phone numbers and e-mail addresses masked (wa.me/62812••••••95, mailto:). Long
 * digit runs in a link are platform ids (a Facebook post id can pass for a KK number), not NIK.
 */
export function redactLink(url: string): string {
  const spans = findPii(url).filter((s) => s.type === "phone" || s.type === "email");
  return spans.length ? redact(url, spans) : url;
}

