// Places residents name in a comment: RT/RW numbers, dusun, kampung, blok, gang. Pure; used by the
// topic page so the BPD sees where a problem is.
// The RT/RW patterns need no "u" flag (no Unicode letter folds to r, t or w; \s and \b are the same):
// without it they scan several times faster.
const PATTERNS: Array<{ re: RegExp; format: (m: RegExpExecArray) => string }> = [
  { re: /\brt\.?\s*0*(\d{1,3})\s*(?:\/\s*(?:rw\.?\s*)?|rw\.?\s*)0*(\d{1,3})\b/gi, format: (m) => `RT ${pad(m[1])}/RW ${pad(m[2])}` },
  { re: /\brt\.?\s*0*(\d{1,3})\b(?!\s*(?:\/|rw))/gi, format: (m) => `RT ${pad(m[1])}` },
  { re: /\brw\.?\s*0*(\d{1,3})\b/gi, format: (m) => `RW ${pad(m[1])}` },
  { re: /\b(dusun|dsn\.?|kampung|kp\.?|blok|gang|gg\.?)\s+((?:\d{1,2}\b)|(?:\p{Lu}[\p{L}'-]+)(?:\s\p{Lu}[\p{L}'-]+)?)/gu, format: (m) => `${label(m[1])} ${m[2]}` },
  { re: /\b(dusun|dsn\.?|kampung|kp\.?|blok|gang|gg\.?)\s+(\d{1,2}|[\p{L}'-]{3,})/giu, format: (m) => `${label(m[1])} ${cap(m[2])}` },
];

const STOP_AFTER_PLACE = new Set(["yang", "yg", "ini", "itu", "kami", "kita", "saya", "sudah", "udah", "belum", "tidak", "gak", "ga", "di", "ke", "dan", "juga", "sini", "sana", "sebelah", "depan", "mana"]);

function pad(n: string): string {
  return n.padStart(2, "0");
}
function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}
function label(kind: string): string {
  const k = kind.toLowerCase().replace(/\.$/, "");
  if (k === "dsn" || k === "dusun") return "Dusun";
  if (k === "kp" || k === "kampung") return "Kampung";
  if (k === "gg" || k === "gang") return "Gang";
  return "Blok";
}

// Every pattern starts with one of these words: one scan tells which patterns can match at all (most
// comments name no place, and they then skip the five Unicode scans).
const RT_RW_RE = /\br(?:t|w)/i;
const NAMED_RE = /\b(?:dusun|dsn|kampung|kp|blok|gang|gg)/iu;

/** Distinct place names mentioned in a text, in a canonical spelling ("RT 03/RW 02", "Dusun Krajan"). */
export function extractPlaces(text: string): string[] {
  const numbered = RT_RW_RE.test(text);
  const named = NAMED_RE.test(text);
  if (!numbered && !named) return [];
  const found = new Set<string>();
  const covered: Array<[number, number]> = [];
  for (let i = 0; i < PATTERNS.length; i++) {
    if (i < 3 ? !numbered : !named) continue;
    const { re, format } = PATTERNS[i];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (covered.some(([a, b]) => start < b && end > a)) continue;
      const last = m[0].trim().split(/\s+/).at(-1)!.toLowerCase();
      if (STOP_AFTER_PLACE.has(last)) continue;
      covered.push([start, end]);
      found.add(format(m));
    }
  }
  return [...found];
}
