// Personal data in comments: NIK (national ID number), KK (family card) number, phone numbers and
// e-mail addresses. Offsets refer to the ORIGINAL text so the API and exports can redact exactly.
import type { NlpContext, PiiSpan, Stage } from "./types";

// Province codes in use (Dukcapil): Sumatra 11-19, Java 31-36, Bali/Nusa Tenggara 51-53,
// Kalimantan 61-65, Sulawesi 71-76, Maluku 81-82, Papua 91-96.
const PROVINCES = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]);

// What people put between the digits of a number. White space of any kind and any length (also the
// no-break and thin spaces phones insert, zero-width spaces, line breaks: a report or a WhatsApp
// message collapses them to one space, so the number must be found whatever the text holds), and
// marks: dots, slashes, hyphen-minus, the Unicode hyphens and dashes U+2010–U+2015 (contact lists
// and word processors substitute them; WhatsApp shows saved numbers with U+2011), the minus U+2212.
const WS = "\\s\\u200b-\\u200d\\u2060";
const MARK = ".\\-\\u2010-\\u2015\\u2212/";
const SEP = WS + MARK;
// Between two digit groups of a phone: white space and up to three marks or brackets.
const PHONE_GAP = `[${WS}]*(?:[${MARK}()][${WS}]*){0,3}`;
// Between two digit groups of a NIK: white space and at most one mark.
const NIK_GAP = `(?:[${WS}]+(?:[${MARK}][${WS}]*)?|[${MARK}][${WS}]*)?`;

// 16 digits, broken (if at all) only between digit pairs — 4-4-4-4, 6-6-4 (region, birth date,
// serial), 2.2.2.6.4, mixed separators — and not inside a longer number.
const SIXTEEN_RE = new RegExp(`(?<!\\d)\\d{2}(?:${NIK_GAP}\\d{2}){5}${NIK_GAP}\\d{4}(?!\\d)`, "g");
// A possible Indonesian mobile number: a prefix (+62, 0062, 62, 0, optionally bracketed) and digits
// with white space and up to three marks or brackets between them. Deliberately broad;
// phoneLength() decides which part of it, if any, is a phone number.
// Landlines are candidates too (the shortest, "022 12345", has 7 digits after its "0").
const PHONE_CANDIDATE_RE = new RegExp(`(?<![\\d+])(?:\\([${WS}]*)?(?:\\+[${WS}]*(?:\\([${WS}]*)?62|62|0)(?:${PHONE_GAP}\\d){7,16}`, "g");
// A landline: an area code (0 + 2 or 3 digits, not 08 which is mobile) in brackets or followed by a
// separator, then the subscriber's 5–8 digits in up to three groups (the first of 3 or more). No
// slash: "045/123/2026" is a letter number.
const LINE_MARK = ".\\-\\u2010-\\u2015\\u2212";
const LINE_GAP = `[${WS}]*(?:[${LINE_MARK}][${WS}]*)?`;
// Sticky: tried at the start of a phone candidate that is not a mobile number.
const LANDLINE_RE = new RegExp(`(?:\\([${WS}]*0[2-79]\\d{1,2}[${WS}]*\\)|0[2-79]\\d{1,2}(?=[${WS}${LINE_MARK}]))${LINE_GAP}[1-9]\\d{2,7}(?:${LINE_GAP}\\d{2,4}){0,2}(?!\\d)`, "y");
const CALL_CENTRE_RE = /^1[45]00|^14\d{3}(?!\d)/;
// Links that open a WhatsApp chat with a number: whatever the digits look like, they are a phone.
const WA_LINK_RE = /(?:\bwa\.me\/|\bwhatsapp\.com\/send\/?\?(?:[^\s#&]*&){0,8}phone=)(?:\+|%2b)?(\d{6,15})(?!\d)/gi;
const WA_HINT_RE = /wa\.me|whatsapp\.com/i;
const EMAIL_RE = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
// The "@" written out or spaced so that filters miss it: "ani [at] gmail.com", "ani(at)gmail.com",
// "dedi @ yahoo.co.id", and "%40" in a link. The domain must end in a mail top-level domain, so
// "ketemu @ balai.desa" stays a sentence.
const AT_FORM = `(?:[${WS}]*(?:@|[[({][${WS}]*at[${WS}]*[\\])}])[${WS}]*|%40)`;
const MAIL_TLD = "(?:com|net|org|id|co|info|biz|me|io|edu|gov|ac|sch|my|sg|uk|us|au|xyz|online)";
const SPELLED_EMAIL_RE = new RegExp(`(?<![\\w.+%-])[a-z0-9][a-z0-9._%+-]{0,63}?${AT_FORM}[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9-]+)*\\.${MAIL_TLD}(?![a-z0-9])`, "gi");
const AT_HINT_RE = new RegExp(`%40|[[({][${WS}]*at[${WS}]*[\\])}]`, "i");
const AROUND_AT_RE = new RegExp(`[${WS}]`);
const AT_MARK_RE = new RegExp(`[${WS}]*(?:@|[[({]|%40)`);
// "no KK", "nomor kartu keluarga", "KK:" shortly before the number.
const KK_CONTEXT_RE = /(?:\bkk\b|kartu\s+keluarga|\bno\.?\s*kk\b)[^\d]{0,20}$/i;
const NIK_CONTEXT_RE = /(?:\bnik\b|\bktp\b|nomor\s+induk)[^\d]{0,20}$/i;
// A link's query parameter named for an identity number ("?nik=", "&no_kk=").
const ID_PARAM_RE = /(?:nik|ktp|kk|induk)[\w-]*=$/i;
// Money is written with dots every three digits and "Rp" in front: never a phone.
const MONEY_CONTEXT_RE = /\brp\.?\s*$/i;
const NON_DIGIT_RE = /\D/g;
// Every kind of personal data we detect has four digits with at most one separator between
// them (the operator code "0812", the "62812" of a link, a NIK group, spaced digits), an "@" or
// an "@" written out.
const ANY_PII_RE = new RegExp(`@|%40|\\d[${SEP}]?\\d[${SEP}]?\\d[${SEP}]?\\d|[[({][${WS}]*at[${WS}]*[\\])}]`, "i");
// A display name with eight or more digits in one number is an identifier (a phone saved as the
// contact name, also foreign ones the mobile rules do not know), not a name.
const NUMBER_IN_NAME_RE = new RegExp(`\\d(?:[${WS}${LINE_MARK}()+]{0,3}\\d){7}`);

/** Whether `text` may hold an e-mail address with the "@" written out ("[at]", "(at)", "%40"): no digit or "@" needed. */
export function mayHaveSpelledEmail(text: string): boolean {
  // Most comments have no "at" right after a bracket: character searches spare them the regex.
  if (text.includes("%40")) return true;
  for (const open of ["(", "[", "{"]) {
    for (let i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
      let j = i + 1;
      while (text.charCodeAt(j) === 32) j++;
      if ((text.charCodeAt(j) | 32) === 97 && (text.charCodeAt(j + 1) | 32) === 116) return AT_HINT_RE.test(text);
    }
  }
  return false;
}

/** Whether an "@" in `text` has white space beside it ("dedi @ yahoo.co.id"). */
function hasSpacedAt(text: string): boolean {
  for (let i = text.indexOf("@"); i >= 0; i = text.indexOf("@", i + 1)) {
    if (AROUND_AT_RE.test(text[i - 1] ?? "") || AROUND_AT_RE.test(text[i + 1] ?? "")) return true;
  }
  return false;
}

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
 * write it: +62 / 0062 / 62 / 0 (also "+62 (0)"), then 8 and 8–11 more digits (the national number is
 * 9–12 digits), the start of the operator code kept together ("0812", "081 234", "+62 812" — not
 * "08-12-2024"), no other single digits unless every digit stands alone ("0 8 1 2 …"), and not a
 * sum of money ("62.850.000.000": dots every three digits).
 */
function isMobileNumber(s: string, groups: DigitGroup[], k: number): boolean {
  let digits = "";
  for (let i = 0; i < k; i++) digits += s.slice(groups[i].start, groups[i].end);
  let national: number;
  if (digits.startsWith("0062")) national = digits[4] === "0" ? 5 : 4;
  else if (digits.startsWith("62")) national = digits[2] === "0" ? 3 : 2;
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

/**
 * Length of the landline number at the start of candidate `s` (0 if none): the area code, then
 * the longest run of subscriber groups holding 5–8 digits that is not a sum of money ("022 500.000").
 * A company's call-centre number ("021 1500755", "021 14045") is not a person's.
 */
function landlineLength(s: string): number {
  const groups = digitGroups(s);
  if (groups.length < 2 || CALL_CENTRE_RE.test(s.slice(groups[1].start))) return 0;
  let digits = 0;
  let best = 0;
  let thousands = true;
  for (let i = 1; i < groups.length; i++) {
    digits += groups[i].end - groups[i].start;
    if (i > 1) thousands &&= groups[i].end - groups[i].start === 3 && s.slice(groups[i - 1].end, groups[i].start) === ".";
    if (digits > 8) break;
    if (digits >= 5 && !(i > 1 && thousands)) best = groups[i].end;
  }
  return best;
}

/** Length of the landline number starting at `start` in `text` (0 if none). */
function landlineAt(text: string, start: number): number {
  LANDLINE_RE.lastIndex = start;
  const m = LANDLINE_RE.exec(text);
  return m ? landlineLength(m[0]) : 0;
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
  const at = text.includes("@");
  if (at) {
    EMAIL_RE.lastIndex = 0;
    for (let m = EMAIL_RE.exec(text); m; m = EMAIL_RE.exec(text)) {
      if (!overlaps(spans, m.index, m.index + m[0].length)) spans.push({ type: "email", start: m.index, end: m.index + m[0].length });
    }
  }
  // The spelled-out forms only when the text has one of their marks (the regex is tried at every word).
  if ((at && hasSpacedAt(text)) || mayHaveSpelledEmail(text)) {
    SPELLED_EMAIL_RE.lastIndex = 0;
    for (let m = SPELLED_EMAIL_RE.exec(text); m; m = SPELLED_EMAIL_RE.exec(text)) {
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
    let length = money ? 0 : phoneLength(m[0], next >= 48 && next <= 57);
    if (length === 0 && !money) length = landlineAt(text, start);
    if (length > 0 && !overlaps(spans, start, start + length)) spans.push({ type: "phone", start, end: start + length });
    // Look again right after the phone (or the failed start): a second number may follow in the candidate.
    re.lastIndex = start + Math.max(1, length);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A phone span that is a landline (an area code, not a mobile 08… number), with or without +62. */
function isLandline(text: string, span: PiiSpan): boolean {
  if (span.type !== "phone") return false;
  const national = text.slice(span.start, span.end).replace(/\D+/g, "").replace(/^(?:00)?62/, "0");
  return /^0[1-79]/.test(national);
}

/**
 * Personal data in a text an official writes for the public (a reply, a reply template, a public title): what
 * findPii finds except landlines — "hubungi kantor desa (0265) 331234" gives the office's number, not a resident's.
 * A resident's words (a public quote) are checked with findPii itself.
 */
export function findPiiInOfficialText(text: string): PiiSpan[] {
  return findPii(text).filter((s) => !isLandline(text, s));
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
      // Keep the operator prefix (0812 / +62812 / 62812 / +62 0812 / 0062812) or a landline's area
      // code (022, 0267) and the last two digits.
      const digits = value.replace(NON_DIGIT_RE, "");
      const area = /\d+/.exec(value)![0];
      const head = digits.startsWith("0062") ? (digits[4] === "0" ? 8 : 7) : digits.startsWith("620") ? 6 : digits.startsWith("62") ? 5
        : area.length <= 4 && area[0] === "0" && area[1] !== "8" && area.length >= 3 ? area.length : 4;
      return maskDigits(value, head, 2);
    }
    case "email": {
      // The local part is masked up to the "@" however it is written ("@", " @ ", "[at]", "%40").
      const at = AT_MARK_RE.exec(value)?.index ?? value.indexOf("@");
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
 * A link with its phone numbers and e-mail addresses masked (wa.me/62812••••••95, mailto:,
 * ?email=ani%40gmail.com). Long digit runs in a link are platform ids (a Facebook post id can pass
 * for a KK number), not NIK — unless a query parameter names them one ("?nik=", "&no_kk=").
 */
export function redactLink(url: string): string {
  const spans = findPii(url).filter((s) => s.type === "phone" || s.type === "email" || ID_PARAM_RE.test(url.slice(Math.max(0, s.start - 20), s.start)));
  return spans.length ? redact(url, spans) : url;
}

