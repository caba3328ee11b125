// Personal data in comments: NIK (national ID number), KK (family card) number, phone numbers and
// e-mail addresses. Offsets refer to the ORIGINAL text so the API and exports can redact exactly.
import type { NlpContext, PiiSpan, Stage } from "./types";

// Province codes in use (Dukcapil): Sumatra 11-19, Java 31-36, Bali/Nusa Tenggara 51-53,
// Kalimantan 61-65, Sulawesi 71-76, Maluku 81-82, Papua 91-96.
const PROVINCES = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96]);

// 16 digits, contiguous or in 4-digit groups separated by one space/dot/dash; not inside a longer number.
const SIXTEEN_RE = /(?<![\d])(?:\d{16}|\d{4}([ .-])\d{4}\1\d{4}\1\d{4})(?![\d])/g;
// Indonesian mobile numbers: 08…, 628…, +628…, with optional space/dot/dash separators.
const PHONE_RE = /(?<![\d+])(?:\+62|62|0)[ .-]?8\d(?:[ .-]?\d){7,10}(?![\d])/g;
const EMAIL_RE = /(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/g;
// "no KK", "nomor kartu keluarga", "KK:" shortly before the number.
const KK_CONTEXT_RE = /(?:\bkk\b|kartu\s+keluarga|\bno\.?\s*kk\b)[^\d]{0,20}$/i;
const NIK_CONTEXT_RE = /(?:\bnik\b|\bktp\b|nomor\s+induk)[^\d]{0,20}$/i;
const NON_DIGIT_RE = /\D/g;
const ANY_PII_RE = /@|\d[ .-]?\d[ .-]?\d[ .-]?\d/;

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

/** Finds NIK, KK, phone and e-mail spans (sorted, non-overlapping) in the original text. */
export function findPii(text: string): PiiSpan[] {
  // Every kind of personal data we detect has at least 9 digits or an "@".
  if (!ANY_PII_RE.test(text)) return [];
  const spans: PiiSpan[] = [];
  for (const m of text.matchAll(SIXTEEN_RE)) {
    const start = m.index;
    const digits = m[0].replace(NON_DIGIT_RE, "");
    const before = text.slice(Math.max(0, start - 30), start);
    const kkContext = KK_CONTEXT_RE.test(before);
    if (kkContext && isPlausibleKk(digits)) spans.push({ type: "kk", start, end: start + m[0].length });
    else if (isValidNik(digits)) spans.push({ type: "nik", start, end: start + m[0].length });
    // Fails NIK date rules but has a real region: a KK number (or a mistyped NIK) either way personal.
    else if (isPlausibleKk(digits)) spans.push({ type: NIK_CONTEXT_RE.test(before) ? "nik" : "kk", start, end: start + m[0].length });
  }
  const overlaps = (s: number, e: number): boolean => spans.some((x) => s < x.end && e > x.start);
  for (const m of text.matchAll(EMAIL_RE)) {
    if (!overlaps(m.index, m.index + m[0].length)) spans.push({ type: "email", start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PHONE_RE)) {
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    if (!overlaps(start, end)) spans.push({ type: "phone", start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Pipeline stage: personal-data spans in the ORIGINAL comment text. */
export const detectPii: Stage<string, PiiSpan[]> = (text: string, _ctx: NlpContext) => findPii(text);

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
      // Keep the operator prefix (0812 / +62812 / 62812) and the last two digits.
      const head = value.startsWith("+62") || value.startsWith("62") ? 5 : 4;
      return maskDigits(value, head, 2);
    }
    case "email": {
      const at = value.indexOf("@");
      return value[0] + MASK.repeat(Math.max(1, at - 1)) + value.slice(at);
    }
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

/** Stored spans (JSON in Comment.piiSpans) back to objects; anything malformed reads as none. */
export function parsePiiSpans(json: string | null): PiiSpan[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as PiiSpan[]) : [];
  } catch {
    return [];
  }
}
