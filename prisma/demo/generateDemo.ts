// Deterministic demo village: Desa Mulyasari (Kec. Ciampel, Kab. Karawang) with twelve weeks
// (2026-W36 … 2026-W47, Asia/Jakarta) of the village's own posts on X, Facebook and Instagram and
// residents' comments under them. prisma/seed.ts stores the output as raw posts/comments; the real
// NLP pipeline tags them, so nothing here carries a sentiment or topic label.
//
// Everything is drawn from seeded mulberry32 streams (one per concern and week), so two calls and
// two machines give deep-equal output, and tuning one week does not reshuffle the others.
import type { IncomingComment, IncomingPost } from "@suara-desa/core/ingest/types";
import {
  ADDONS_NEG, ADMIN_GENERIC, CLOSERS, FIRST_FEMALE, FIRST_MALE, HANDLE_WORDS, HASHTAGS, LAST_FEMALE, LAST_MALE, OPENERS,
  REPLY_INFO, REPLY_OPENERS, SHORT_REPLIES, SPAM_BASES, SPAM_HANDLES, SPAM_TAILS, TEXT_SLOTS, THEMES,
  type Lang, type Theme, type ThemeKey, type Tone,
} from "./fragments";
import { Rng } from "./prng";

export type DemoPlatform = "x" | "facebook" | "instagram";

export interface DemoVillage {
  village: { code: string; name: string; kecamatan: string; kabupaten: string; province: string; timeZone: string };
  sources: Array<{ platform: DemoPlatform; accountId: string; handle: string; name: string }>;
  posts: Array<IncomingPost>;
  comments: Array<IncomingComment>;
}

export const DEMO_SEED = 20260831;
export const DEMO_WEEKS = 12;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
// Asia/Jakarta has been a fixed UTC+7 (no DST) since 1964, so a constant offset is exact here.
const JAKARTA_OFFSET = 7 * HOUR;
/** UTC instant of Monday 2026-08-31 00:00 in Asia/Jakarta. */
export const DEMO_START_UTC = Date.UTC(2026, 7, 31) - JAKARTA_OFFSET;

const VILLAGE = {
  // Kemendagri format PP.KK.CC.DDDD: 32 Jawa Barat, 15 Karawang; 04 Ciampel, 2006 Mulyasari (idn-area-data registry).
  code: "32.15.04.2006",
  name: "Mulyasari",
  kecamatan: "Ciampel",
  kabupaten: "Karawang",
  province: "Jawa Barat",
  timeZone: "Asia/Jakarta",
};

const X_ACCOUNT = { platform: "x" as const, accountId: "1587342910564278272", handle: "desamulyasari", name: "Desa Mulyasari" };
const FB_PAGE = { platform: "facebook" as const, accountId: "108254917364120", handle: "pemdesmulyasari", name: "Pemerintah Desa Mulyasari" };
const IG_ACCOUNT = { platform: "instagram" as const, accountId: "17841458203917466", handle: "desa.mulyasari", name: "Desa Mulyasari" };
const SOURCES = [X_ACCOUNT, FB_PAGE, IG_ACCOUNT];
const PLATFORMS: readonly DemoPlatform[] = ["x", "facebook", "instagram"];

// ---------------------------------------------------------------------------------------------
// The twelve-week storyline: comment volume, spam bursts, theme weights and fixed announcements.
// Index 0 = 2026-W36 (31 Aug), 5 = W41 (flood), 6 = W42 (road repair), 8 = W44 (bansos payout).
// ---------------------------------------------------------------------------------------------
const WEEK_TOTALS = [185, 205, 250, 225, 255, 380, 300, 290, 375, 285, 265, 230];
const WEEK_SPAM = [3, 2, 48, 4, 2, 1, 3, 52, 3, 4, 44, 3];
/** Spam bursts: week index -> local day (0 = Monday) the flood of gambling comments starts. */
const SPAM_BURST_DAY: Record<number, number> = { 2: 2, 7: 4, 10: 5 };

const THEME_WEEKS: Record<ThemeKey, readonly number[]> = {
  jalan_keluhan: [1, 3, 6, 9, 12, 4, 2, 1, 0.5, 0.5, 0.5, 0.5],
  jalan_perbaikan: [0, 0, 0, 0, 0, 0, 12, 2, 0, 0, 0, 0],
  jalan_terima_kasih: [0, 0, 0, 0, 0, 0, 3, 11, 2, 1, 0.5, 0.5],
  banjir_waspada: [0, 0, 0, 1, 4, 3, 0, 0, 0, 0, 0.5, 1],
  banjir_kejadian: [0, 0, 0, 0, 0, 30, 3, 0, 0, 0, 0, 0],
  banjir_pasca: [0, 0, 0, 0, 0, 9, 11, 3, 0.5, 0, 0, 0],
  bansos_pra: [0.5, 0.5, 0.5, 0.5, 0.5, 0, 1, 4, 5, 1, 0.5, 0.5],
  bansos_cair: [0, 0, 0, 0, 0, 0, 0, 0, 28, 9, 2, 1],
  bansos_klarifikasi: [0, 0, 0, 0, 0, 0, 0, 0, 7, 7, 2, 1],
  air: [3, 4, 6, 8, 5, 2, 2, 2, 2, 2, 2, 2],
  sampah: [3, 3, 3, 3, 3, 2, 5, 3, 3, 3, 3, 3],
  kesehatan: [3, 3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 3],
  kesehatan_dbd: [0, 0, 0, 0, 0, 0.5, 5, 6, 3, 1, 0.5, 0.5],
  pendidikan: [2, 4, 3, 2, 2, 1, 2, 2, 2, 4, 2, 2],
  administrasi: [4, 4, 4, 4, 4, 2, 4, 4, 5, 4, 4, 4],
  keamanan: [2, 2, 2, 6, 4, 1, 2, 2, 2, 2, 2, 2],
  keamanan_judol: [0.5, 0.5, 4, 1, 0.5, 0, 0.5, 4, 1, 0.5, 4, 1],
  pertanian_panen: [4, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  pertanian_irigasi: [0, 1, 3, 4, 4, 1, 1, 0, 0, 0, 0, 0],
  pertanian_pupuk: [0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 6, 6],
  umkm: [2, 2, 2, 2, 2, 1, 2, 2, 2, 5, 5, 2],
  anggaran: [2, 2, 2, 2, 4, 1, 2, 2, 4, 2, 2, 3],
  anggaran_musdes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 6],
  sosial: [3, 3, 3, 3, 3, 1, 3, 4, 3, 3, 3, 3],
  sosial_17an: [7, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  infra_umum: [2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2],
  pujian: [3, 3, 3, 3, 3, 2, 3, 4, 2, 3, 3, 3],
  tanya: [3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3],
  salam: [2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2],
};

/** Day-of-week weights (Mon..Sun) for story themes in the weeks where the event happens. */
const STORY_DAYS: Partial<Record<ThemeKey, Record<number, readonly number[]>>> = {
  banjir_waspada: { 5: [0.3, 3, 0.6, 0, 0, 0, 0] },
  banjir_kejadian: { 5: [0, 0, 4, 3, 1.2, 0.5, 0.3] },
  banjir_pasca: { 5: [0, 0, 0.2, 1, 2, 2.5, 2.5] },
  jalan_perbaikan: { 6: [2, 2, 2, 2, 1.5, 1, 1] },
  bansos_cair: { 8: [3, 3, 2.5, 1.5, 1, 0.8, 0.6] },
  bansos_klarifikasi: { 8: [0.2, 1, 2, 2, 1.5, 1.2, 1] },
  keamanan_judol: { 2: [0, 0, 1, 3, 2, 1, 1], 7: [0, 0, 0, 0, 2, 3, 2], 10: [0, 0, 0, 0, 0, 3, 3] },
  sosial_17an: { 0: [3, 2.5, 2, 1.5, 1, 1, 1] },
};

const DEFAULT_DAYS = [1.0, 0.95, 0.95, 0.92, 0.85, 1.05, 1.2];
// Evenings after work and maghrib dominate; a small lunch bump; almost nothing before subuh.
const DEFAULT_HOURS = [0.8, 0.4, 0.2, 0.15, 0.3, 1.0, 1.8, 2.2, 2.0, 1.8, 1.7, 1.8, 2.6, 2.4, 1.9, 1.8, 2.2, 2.6, 2.8, 4.2, 5.2, 5.5, 4.6, 2.4];
// The flood arrives at night: people post from the water at any hour.
const FLOOD_HOURS = [2.5, 3, 3.5, 3.5, 3.5, 3.5, 3.2, 3, 2.8, 2.6, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.6, 2.8, 3, 3.2, 3.4, 3.4, 3, 2.6];

/** Announcements tied to the storyline: [week, theme, post template index, day, hour]. */
const FIXED_POSTS: ReadonlyArray<readonly [number, ThemeKey, number, number, number]> = [
  [0, "sosial_17an", 0, 0, 10], [0, "pertanian_panen", 0, 3, 9],
  [1, "pendidikan", 0, 1, 10],
  [2, "air", 0, 1, 13], [2, "keamanan_judol", 0, 4, 9],
  [3, "keamanan", 0, 1, 19], [3, "jalan_keluhan", 0, 3, 10],
  [4, "anggaran", 0, 1, 10], [4, "jalan_keluhan", 1, 2, 15], [4, "banjir_waspada", 0, 4, 16],
  [5, "banjir_waspada", 0, 1, 18], [5, "banjir_kejadian", 0, 2, 5], [5, "banjir_kejadian", 1, 2, 13],
  [5, "banjir_kejadian", 2, 3, 8], [5, "banjir_pasca", 0, 5, 9],
  [6, "jalan_perbaikan", 0, 0, 8], [6, "kesehatan_dbd", 0, 2, 10], [6, "jalan_perbaikan", 1, 3, 16], [6, "banjir_pasca", 1, 4, 15],
  [7, "jalan_terima_kasih", 0, 1, 9], [7, "sosial", 2, 3, 7], [7, "bansos_pra", 0, 3, 14], [7, "keamanan_judol", 0, 5, 10],
  [8, "bansos_cair", 0, 0, 6], [8, "bansos_cair", 1, 1, 12], [8, "sosial", 3, 2, 7], [8, "bansos_klarifikasi", 0, 2, 16],
  [8, "bansos_cair", 2, 3, 9],
  [9, "pertanian_pupuk", 0, 2, 10], [9, "pendidikan", 0, 3, 9], [9, "umkm", 0, 5, 16],
  [10, "sosial", 4, 1, 7], [10, "umkm", 1, 3, 10], [10, "keamanan_judol", 0, 6, 9],
  [11, "anggaran_musdes", 0, 1, 10], [11, "pertanian_pupuk", 0, 3, 10],
];

/** Routine announcements drawn to fill each week (theme, template index). */
const ROUTINE_POSTS: ReadonlyArray<readonly [ThemeKey, number]> = [
  ["sampah", 0], ["sampah", 1], ["kesehatan", 0], ["kesehatan", 1], ["administrasi", 0], ["administrasi", 1], ["air", 1],
  ["salam", 0], ["salam", 1], ["sosial", 0], ["sosial", 1], ["infra_umum", 0], ["keamanan", 0], ["anggaran", 0],
  ["pertanian_irigasi", 0], ["pertanian_pupuk", 0], ["umkm", 1],
];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------
interface Resident {
  first: string;
  female: boolean;
  fbName: string;
  igUsername: string;
  xName: string;
  xHandle: string;
  ids: Record<DemoPlatform, string>;
  platformWeights: readonly [number, number, number]; // x, facebook, instagram
  langWeights: readonly [number, number, number, number]; // id, su, jv, en
  slang: number; // probability a word gets its informal spelling
  activity: number; // Zipf weight
}

interface Spammer {
  handle: string;
  ids: Record<DemoPlatform, string>;
}

const LANGS: readonly Lang[] = ["id", "su", "jv", "en"];
const TONES: readonly Tone[] = ["neg", "neu", "pos"];

function makeResidents(rng: Rng, count: number): Resident[] {
  const used = new Set<string>();
  const handles = new Set<string>();
  const people: Resident[] = [];
  while (people.length < count) {
    const female = rng.chance(0.48);
    const first = rng.pick(female ? FIRST_FEMALE : FIRST_MALE);
    const last = rng.pick(female ? LAST_FEMALE : LAST_MALE);
    if (used.has(first + last)) continue;
    used.add(first + last);
    const f = first.toLowerCase();
    const l = last.toLowerCase();
    const yy = String(rng.int(85, 109) % 100).padStart(2, "0");
    const handlePatterns = [
      `${f}${l}`, `${f}_${l}`, `${f}.${l}`, `${f}${l.slice(0, 3)}${rng.digits(2)}`, `${female ? rng.pick(["neng", "teh.", "ceu"]) : rng.pick(["kang", "aa_", "mang."])}${f}`,
      `${f}_${rng.pick(HANDLE_WORDS)}`, `${f}${yy}`, `${f}.${l[0]}${rng.digits(3)}`, `${l}.${f}`,
    ];
    let handle = rng.pick(handlePatterns);
    while (handles.has(handle)) handle += rng.digits(1);
    handles.add(handle);
    const kind = rng.weighted<[number, number, number]>([
      [[0.03, 0.9, 0.07], 45], // mostly Facebook (older residents)
      [[0.1, 0.2, 0.7], 30], // Instagram (younger)
      [[0.7, 0.1, 0.2], 8], // X regulars
      [[0.2, 0.45, 0.35], 17], // everywhere
    ]);
    const fbHeavy = kind[1] >= 0.9;
    const r = rng.float();
    const suP = fbHeavy ? 0.26 : 0.12;
    const langWeights: [number, number, number, number] =
      r < suP ? [0.45, 0.55, 0, 0] // Sundanese-leaning
        : r < suP + 0.12 ? [0.45, 0.05, 0.5, 0] // Javanese (pantura migrants)
          : r < suP + 0.12 + (kind[2] >= 0.7 || kind[0] >= 0.7 ? 0.14 : 0.035) ? [0.55, 0.03, 0, 0.42] // code-switches to English
            : [0.94, 0.05, 0.005, 0.005];
    people.push({
      first,
      female,
      fbName: rng.chance(0.7) ? `${first} ${last}` : `${first} ${last[0]}.`,
      igUsername: handle,
      xName: rng.chance(0.5) ? `${first} ${last[0]}.` : rng.chance(0.5) ? `${first} ${last}` : `${first} | ${rng.pick(["Mulyasari", "Karawang", "KRW", "Ciampel"])}`,
      xHandle: handle.replace(/\./g, "_").slice(0, 15),
      ids: {
        x: rng.chance(0.35) ? `${rng.int(1, 9)}${rng.digits(rng.int(8, 9))}` : `1${rng.int(4, 8)}${rng.digits(17)}`,
        facebook: `1000${rng.int(1, 9)}${rng.digits(10)}`,
        instagram: `1784${rng.int(1, 9)}${rng.digits(12)}`,
      },
      platformWeights: kind,
      langWeights,
      slang: kind[2] >= 0.7 ? 0.55 + rng.float() * 0.4 : 0.15 + rng.float() * 0.6,
      activity: 0,
    });
  }
  // Zipf-like activity by rank: a few regulars write a lot, most residents once or twice.
  rng.shuffle(people).forEach((p, rank) => (p.activity = 1 / (rank + 8)));
  return people;
}

function makeSpammers(rng: Rng): Spammer[] {
  return SPAM_HANDLES.flatMap((h) =>
    [h, `${h}${rng.int(1, 99)}`].map((handle) => ({
      handle,
      ids: { x: `1${rng.int(8, 9)}${rng.digits(17)}`, facebook: `6155${rng.digits(11)}`, instagram: `1784${rng.int(1, 9)}${rng.digits(12)}` },
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------
const PHONE_PREFIXES = ["0812", "0813", "0821", "0822", "0852", "0853", "0856", "0857", "0877", "0878", "0831", "0838", "0895", "0896", "0881"];

/** Well-formed Indonesian mobile number; the 0000 block marks it as invented. */
function fakePhone(rng: Rng): string {
  const p = rng.pick(PHONE_PREFIXES);
  const tail = rng.digits(4);
  const n = p.slice(1);
  return rng.pick([
    `${p}0000${tail}`, `${p}-0000-${tail}`, `${p} 0000 ${tail}`, `+62 ${n}-0000-${tail}`, `+62${n}0000${tail}`, `62${n}0000${tail}`,
  ]);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Well-formed NIK for Karawang (3215) with a valid birth date; the 99xx serial marks it as invented. */
function fakeNik(rng: Rng): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, MONTH_DAYS[month - 1]);
  const female = rng.chance(0.5);
  const year = rng.int(1950, 2005) % 100;
  const dd = String(day + (female ? 40 : 0)).padStart(2, "0");
  return `321504${dd}${String(month).padStart(2, "0")}${String(year).padStart(2, "0")}99${rng.digits(2)}`;
}

function rtLabel(rng: Rng): string {
  const rt = rng.int(1, 8);
  const rw = Math.min(4, Math.ceil(rt / 2));
  return rng.pick([`RT 0${rt} RW 0${rw}`, `rt ${rt} rw ${rw}`, `RT.0${rt}/RW.0${rw}`, `rt0${rt}/0${rw}`, `RT 0${rt}`]);
}

const LAMA = ["3 hari", "seminggu", "dua minggu", "sebulan", "2 bulan", "5 hari", "sepuluh hari", "tiga minggu", "hampir sebulan"];
const LAMA_SU = ["tilu dinten", "saminggu", "dua minggu", "sabulan", "lami pisan", "sababaraha dinten"];

interface TextCtx {
  addressee: string;
}

/** Expand a fragment template ({a|b}, {?opt}, {slot}) innermost-first. */
export function expandTemplate(tpl: string, rng: Rng, ctx: TextCtx = { addressee: "Bapak/Ibu" }): string {
  let s = tpl;
  const re = /\{([^{}]*)\}/;
  for (let guard = 0; guard < 100; guard++) {
    const m = re.exec(s);
    if (!m) break;
    s = s.slice(0, m.index) + resolveSlot(m[1], rng, ctx) + s.slice(m.index + m[0].length);
  }
  return s.replace(/\s{2,}/g, " ").replace(/\s+([,.!?])/g, "$1").trim();
}

function resolveSlot(body: string, rng: Rng, ctx: TextCtx): string {
  if (body.startsWith("?")) return rng.chance(0.5) ? body.slice(1) : "";
  if (body.includes("|")) return rng.pick(body.split("|"));
  switch (body) {
    case "lama": return rng.pick(LAMA);
    case "lama_su": return rng.pick(LAMA_SU);
    case "phone": return fakePhone(rng);
    case "nik": return fakeNik(rng);
    case "nama": return ctx.addressee;
    case "rt": return `RT 0${rng.int(1, 8)}`;
    case "rw": return `RW 0${rng.int(1, 4)}`;
    case "rtrw": return rtLabel(rng);
  }
  const list = TEXT_SLOTS[body];
  if (!list) throw new Error(`demo fragments: unknown slot {${body}}`);
  return rng.pick(list);
}

// Informal spellings residents actually type; applied word by word with the writer's slang rate.
const SLANG_WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["tidak", ["gak", "ga", "gk", "nggak", "ngga", "tdk", "g"]],
  ["sudah", ["udah", "udh", "dah", "sdh"]],
  ["belum", ["belom", "blm", "blum"]],
  ["jalan", ["jln", "jalan"]],
  ["banget", ["bgt", "bngt", "bangettt"]],
  ["sekali", ["bgt", "banget", "pisan"]],
  ["yang", ["yg"]],
  ["sama", ["sm"]],
  ["tolong", ["tlg", "tolongin"]],
  ["dengan", ["dgn", "sama"]],
  ["kapan", ["kpn"]],
  ["gimana", ["gmn", "gmana"]],
  ["bagaimana", ["gimana", "gmn"]],
  ["saja", ["aja", "aj"]],
  ["karena", ["karna", "krn", "soalnya"]],
  ["terima kasih", ["makasih", "mksh", "trims", "thx", "makasi"]],
  ["tapi", ["tp"]],
  ["juga", ["jg"]],
  ["untuk", ["buat", "utk"]],
  ["lagi", ["lg"]],
  ["dari", ["dr"]],
  ["sampai", ["sampe", "smpe"]],
  ["kenapa", ["knp", "napa", "kenapa sih"]],
  ["bisa", ["bs"]],
  ["pakai", ["pake"]],
  ["orang", ["org"]],
  ["kalau", ["kalo", "klo"]],
  ["seperti", ["kayak", "kyk"]],
  ["hanya", ["cuma", "cm"]],
  ["memang", ["emang", "emg"]],
  ["sekarang", ["skrg", "skrang"]],
  ["rumah", ["rmh"]],
  ["saya", ["sy", "aku", "gue"]],
  ["ditanggapi", ["ditanggepin"]],
  ["diperbaiki", ["dibenerin", "diperbaikin"]],
  ["dibersihkan", ["dibersihin"]],
  ["diangkut", ["diangkutin"]],
  ["langsung", ["lgsg", "langsung"]],
  ["banyak", ["byk", "banyak bgt"]],
  ["mau", ["mo", "mw"]],
  ["parah", ["parahhh", "parahh"]],
  ["bapak", ["pak"]],
  ["begini", ["gini"]],
  ["begitu", ["gitu"]],
  ["min", ["min", "mimin", "minn"]],
];
const SLANG_MAP = new Map<string, readonly string[]>(SLANG_WORDS);
// One pass over the text with every word in a single alternation (longest first so phrases win).
const SLANG_RE = new RegExp(`\\b(${[...SLANG_MAP.keys()].sort((a, b) => b.length - a.length).join("|")})\\b`, "gi");

function slangify(text: string, rate: number, rng: Rng): string {
  let s = text.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
  // Lower-case just for matching: keep acronyms (RT, DTKS) as they are unless the writer lower-cases all.
  s = s.replace(SLANG_RE, (w: string, _g: string, offset: number, all: string) => {
    const key = w.toLowerCase();
    // "sama sekali" is an idiom, not an intensifier.
    if (key === "sekali" && all.slice(Math.max(0, offset - 5), offset).toLowerCase() === "sama ") return w;
    if (!rng.chance(rate)) return w;
    const alt = rng.pick(SLANG_MAP.get(key)!);
    return w[0] === w[0].toUpperCase() && w[0] !== w[0].toLowerCase() ? alt[0].toUpperCase() + alt.slice(1) : alt;
  });
  if (rng.chance(0.55)) s = s.toLowerCase();
  if (rng.chance(0.5)) {
    // Sentences run together with commas; abbreviations (Kp., Jln., No.) keep their dot.
    const end = /(?<!\b(?:Kp|kp|KP|Jln|jln|JLN|No|no|H))\.(\s+|$)/g;
    s = s.replace(end, (_, sp: string) => (sp ? ", " : "")).replace(/, ([A-Z])(?=[a-z])/g, (_, c: string) => ", " + c.toLowerCase());
  }
  if (rng.chance(0.2)) s = s.replace(/\?/g, "??");
  if (rng.chance(0.12)) s = s.replace(/!/g, "!!!");
  return s.replace(/,\s*$/, "").replace(/\s{2,}/g, " ").trim();
}

/** Lower-case the first letter when a sentence follows an opener ("Pak kades, jalan …") unless it is an acronym. */
function joinAfterOpener(opener: string, core: string): string {
  const lowered = /^[A-Z][a-z]/.test(core) && !/^(Jalan|Dusun|Kp\.|Kampung|Krajan|Sukamaju|Cikalong|Pasirjaya|Allah)\b/.test(core)
    ? core[0].toLowerCase() + core.slice(1)
    : core;
  return `${opener} ${lowered}`;
}

function templatesFor(theme: Theme, lang: Lang, tone: Tone): readonly string[] | undefined {
  const list = theme.texts[lang]?.[tone];
  return list && list.length > 0 ? list : undefined;
}

/** Choose a language/tone pair that has fragments, preferring the writer's language. */
function chooseLangTone(rng: Rng, theme: Theme, person: Resident, toneHint?: Tone): [Lang, Tone] {
  const tone = toneHint ?? TONES[rng.weightedIndex(theme.tone)];
  const lang = LANGS[rng.weightedIndex(person.langWeights)];
  if (templatesFor(theme, lang, tone)) return [lang, tone];
  // Try the writer's language with another tone of the same theme before falling back to Indonesian.
  const other = TONES.filter((t) => t !== tone && templatesFor(theme, lang, t) && theme.tone[TONES.indexOf(t)] > 0.15);
  if (lang !== "id" && other.length > 0 && rng.chance(0.5)) return [lang, rng.pick(other)];
  if (templatesFor(theme, "id", tone)) return ["id", tone];
  const any = TONES.filter((t) => templatesFor(theme, "id", t));
  return ["id", rng.pick(any)];
}

function mention(platform: DemoPlatform): string {
  return platform === "x" ? "@desamulyasari" : platform === "instagram" ? "@desa.mulyasari" : "Admin";
}

function emoji(rng: Rng, tone: Tone): string {
  const list = TEXT_SLOTS[tone === "neg" ? "emo_neg" : tone === "pos" ? "emo_pos" : "emo_neu"];
  return rng.pick(list);
}

function composeResident(rng: Rng, themeKey: ThemeKey, lang: Lang, tone: Tone, person: Resident, platform: DemoPlatform): string {
  const theme: Theme = THEMES[themeKey];
  const ctx = { addressee: "pak" };
  const core = expandTemplate(rng.pick(templatesFor(theme, lang, tone)!), rng, ctx);
  const short = themeKey === "salam";
  let text = core;
  if (!short && rng.chance(lang === "id" ? 0.4 : 0.35)) text = joinAfterOpener(rng.pick(OPENERS[lang][tone]).replace("@admin", mention(platform)), text);
  if (lang === "id" && tone === "neg" && rng.chance(0.22)) text += " " + expandTemplate(rng.pick(ADDONS_NEG), rng, ctx);
  if (!short && rng.chance(0.4)) text += " " + rng.pick(CLOSERS[lang][tone]);
  // A few residents leave their number so the office can call back; bansos complaints cite a NIK.
  if (tone !== "pos" && !text.includes("08") && rng.chance(0.03)) {
    text += " " + expandTemplate(lang === "su" ? "{Nomer abdi|WA abdi} {phone}" : "{WA saya|No hp saya|Kalau mau konfirmasi hubungi|Bisa hubungi saya di|No WA} {phone}", rng, ctx);
  }
  if (themeKey.startsWith("bansos") && tone !== "pos" && !/\d{16}/.test(text) && rng.chance(0.06)) {
    text += " " + expandTemplate(lang === "su" ? "NIK abdi {nik}." : "{NIK saya|NIK istri saya|Ini NIK saya} {nik}{, mohon dicek| tolong dicek min|}.", rng, ctx);
  }
  if (lang === "id" && rng.chance(person.slang * 0.9)) text = slangify(text, person.slang, rng);
  else if (lang !== "id" && rng.chance(person.slang * 0.5)) text = text.toLowerCase();
  if (tone === "neg" && lang === "id" && rng.chance(0.035)) text = text.toUpperCase();
  if (rng.chance(tone === "neu" ? 0.15 : 0.32)) text += " " + emoji(rng, tone) + (rng.chance(0.3) ? emoji(rng, tone) : "");
  return text;
}

function composeReply(rng: Rng, parent: Draft, lang: Lang, tone: Tone, person: Resident, platform: DemoPlatform, parentName: string): string {
  const theme: Theme = THEMES[parent.theme];
  let body: string;
  if (rng.chance(0.35)) {
    body = rng.pick(SHORT_REPLIES[lang][tone]);
  } else if (tone === "neu") {
    // A neutral reply answers or points somewhere; it does not repeat the question.
    body = rng.pick(REPLY_INFO[lang]);
  } else {
    // Agreement plus the replier's own version of the complaint or thanks, in the language of the core.
    const own = templatesFor(theme, lang, tone);
    const coreLang: Lang = own ? lang : "id";
    const list = own ?? templatesFor(theme, "id", tone);
    body = list
      ? joinAfterOpener(rng.pick(REPLY_OPENERS[coreLang][tone]), expandTemplate(rng.pick(list), rng, { addressee: "pak" }))
      : rng.pick(SHORT_REPLIES[lang][tone]);
  }
  if (lang === "id" && rng.chance(person.slang * 0.9)) body = slangify(body, person.slang, rng);
  const tag = platform === "facebook" ? (rng.chance(0.4) ? parentName + " " : "") : rng.chance(0.6) ? `@${parentName} ` : "";
  return tag + body;
}

// ---------------------------------------------------------------------------------------------
// Ids and URLs in each platform's shape
// ---------------------------------------------------------------------------------------------
const TWITTER_EPOCH = 1288834974657n;
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

class IdMaker {
  private readonly seen = new Set<string>();
  private seq = 0;

  constructor(private readonly rng: Rng) {}

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.seen.has(id)) {
        this.seen.add(id);
        return id;
      }
    }
  }

  /** X snowflake: milliseconds since the Twitter epoch << 22 | worker | sequence. */
  snowflake(ms: number): string {
    return this.unique(() => {
      this.seq = (this.seq + 1) & 0xfff;
      return ((BigInt(ms) - TWITTER_EPOCH) << 22n | BigInt(this.rng.int(0, 1023)) << 12n | BigInt(this.seq)).toString();
    });
  }

  fbPost(): string {
    return this.unique(() => `122${this.rng.digits(15)}`);
  }

  fbComment(): string {
    return this.unique(() => `${this.rng.int(1, 9)}${this.rng.digits(15)}`);
  }

  igMedia(): string {
    return this.unique(() => `37${this.rng.digits(17)}`);
  }

  igComment(): string {
    return this.unique(() => `${this.rng.pick(["17", "18"])}${this.rng.digits(15)}`);
  }
}

/** Instagram shortcodes are the media id in base64url. */
function igShortcode(mediaId: string): string {
  let n = BigInt(mediaId);
  let s = "";
  while (n > 0n) {
    s = B64URL[Number(n % 64n)] + s;
    n /= 64n;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------
interface PostRec {
  post: IncomingPost;
  theme: ThemeKey;
  platform: DemoPlatform;
  t: number;
  localId: string; // FB: the post id part; IG: shortcode; X: status id
}

interface Draft {
  t: number;
  platform: DemoPlatform;
  theme: ThemeKey;
  tone: Tone;
  lang: Lang;
  author: Resident | Spammer | "admin";
  post: PostRec;
  parent?: Draft;
  text: string;
  likes: number;
  externalId: string;
  url: string;
}

function localTime(week: number, day: number, hour: number, minute: number, second: number): number {
  return DEMO_START_UTC + week * WEEK + day * DAY + hour * HOUR + minute * MINUTE + second * 1000;
}

const FAMILY = new Map<string, string>(Object.keys(THEMES).map((k) => [k, k.split("_")[0]]));
/** Storyline family of a theme: jalan_*, banjir_*, bansos_* … share posts and threads. */
function family(key: ThemeKey): string {
  return FAMILY.get(key)!;
}

function postText(rng: Rng, theme: ThemeKey, idx: number, week: number, day: number): string {
  const th: Theme = THEMES[theme];
  const posts = th.posts ?? [];
  if (posts.length === 0) throw new Error(`demo: theme ${theme} has no post templates`);
  const base = expandTemplate(posts[idx % posts.length], rng);
  const date = new Date(DEMO_START_UTC + JAKARTA_OFFSET + week * WEEK + day * DAY);
  const months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
  const stamp = `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  // Tagged announcements ("[INFO] …") and emergencies open directly; the rest sometimes greet first.
  const intro = base.startsWith("[") || theme === "banjir_kejadian"
    ? rng.pick(["", "", "📢 "])
    : rng.pick(["", "", "📢 ", "Assalamualaikum warga Mulyasari. ", "Sampurasun! ", "Info untuk warga: "]);
  return `${intro}${base}${rng.chance(0.6) ? `\n\nMulyasari, ${stamp}.` : ""}`;
}

function buildPosts(rng: Rng, ids: IdMaker, week: number): PostRec[] {
  type Ann = { theme: ThemeKey; idx: number; day: number; hour: number; minute: number; on: Set<DemoPlatform> };
  const anns: Ann[] = FIXED_POSTS.filter((f) => f[0] === week).map(([, theme, idx, day, hour]) => ({
    theme, idx, day, hour, minute: rng.int(0, 50), on: new Set<DemoPlatform>(),
  }));
  const wanted = rng.int(5, 7);
  while (anns.length < wanted) {
    const options = ROUTINE_POSTS.filter(([k]) => THEME_WEEKS[k][week] > 0 && !anns.some((a) => a.theme === k));
    const [theme, idx] = rng.weighted(options.map((o) => [o, THEME_WEEKS[o[0]][week]] as const));
    // "Jumat Berkah" belongs on Friday; others on a working day in office hours.
    const day = theme === "salam" && idx === 0 ? 4 : rng.int(0, 5);
    anns.push({ theme, idx, day, hour: theme === "salam" ? rng.int(6, 8) : rng.int(8, 16), minute: rng.int(0, 59), on: new Set() });
  }
  for (const a of anns) {
    if (rng.chance(0.92)) a.on.add("facebook");
    if (rng.chance(0.78)) a.on.add("instagram");
    if (rng.chance(0.7)) a.on.add("x");
  }
  // Each platform carries 3–6 of the week's announcements, as a small village admin team manages.
  for (const p of PLATFORMS) {
    const target = Math.min(6, Math.max(3, anns.filter((a) => a.on.has(p)).length));
    const shuffled = rng.shuffle([...anns]);
    for (const a of shuffled) if (anns.filter((x) => x.on.has(p)).length < target) a.on.add(p);
    for (const a of shuffled) if (anns.filter((x) => x.on.has(p)).length > target) a.on.delete(p);
  }
  const out: PostRec[] = [];
  for (const a of anns) {
    const base = postText(rng, a.theme, a.idx, week, a.day);
    const t0 = localTime(week, a.day, a.hour, a.minute, rng.int(0, 59));
    for (const p of PLATFORMS) {
      if (!a.on.has(p)) continue;
      if (p === "facebook") {
        const t = t0;
        const postId = ids.fbPost();
        out.push({
          theme: a.theme, platform: p, t, localId: postId,
          post: { platform: p, externalId: `${FB_PAGE.accountId}_${postId}`, text: base, url: `https://www.facebook.com/${FB_PAGE.accountId}/posts/${postId}`, publishedAt: new Date(t) },
        });
      } else if (p === "instagram") {
        const t = t0 + rng.int(5, 45) * MINUTE;
        const media = ids.igMedia();
        const code = igShortcode(media);
        const tags = rng.shuffle([...HASHTAGS]).slice(0, rng.int(3, 5)).join(" ");
        out.push({
          theme: a.theme, platform: p, t, localId: code,
          post: { platform: p, externalId: media, text: `${base}\n\n${tags}`, url: `https://www.instagram.com/p/${code}/`, publishedAt: new Date(t) },
        });
      } else {
        const t = t0 + rng.int(1, 25) * MINUTE;
        const id = ids.snowflake(t);
        const flat = base.replace(/\n+/g, " ");
        const text = flat.length > 255 ? `${flat.slice(0, flat.lastIndexOf(" ", 250))}… #DesaMulyasari` : `${flat} #DesaMulyasari`;
        out.push({
          theme: a.theme, platform: p, t, localId: id,
          post: { platform: p, externalId: id, text, url: `https://x.com/${X_ACCOUNT.handle}/status/${id}`, publishedAt: new Date(t) },
        });
      }
    }
  }
  return out;
}

function drawTime(rng: Rng, week: number, theme: ThemeKey): number {
  const days = STORY_DAYS[theme]?.[week] ?? DEFAULT_DAYS;
  const day = rng.weightedIndex(days);
  const hours = theme === "banjir_kejadian" && week === 5 ? FLOOD_HOURS : DEFAULT_HOURS;
  return localTime(week, day, rng.weightedIndex(hours), rng.int(0, 59), rng.int(0, 59));
}

/** Pick the post a comment sits under: recent posts on that platform, same storyline preferred. */
function choosePost(rng: Rng, posts: PostRec[], platform: DemoPlatform, theme: ThemeKey, t: number): PostRec | undefined {
  const cands: PostRec[] = [];
  const w: number[] = [];
  const fam = family(theme);
  for (const p of posts) {
    if (p.platform !== platform || p.t >= t || t - p.t >= 10 * DAY) continue;
    const match = p.theme === theme ? 10 : family(p.theme) === fam ? 5 : 1;
    cands.push(p);
    w.push(match * Math.exp(-(t - p.t) / (40 * HOUR)) + 0.01);
  }
  if (cands.length === 0) return undefined;
  return cands[rng.weightedIndex(w)];
}

function authorFields(d: Draft): { authorId: string; authorName: string; handle: string } {
  if (d.author === "admin") {
    const s = d.platform === "x" ? X_ACCOUNT : d.platform === "facebook" ? FB_PAGE : IG_ACCOUNT;
    return { authorId: s.accountId, authorName: s.name, handle: s.handle };
  }
  if ("fbName" in d.author) {
    const r = d.author;
    const name = d.platform === "x" ? r.xName : d.platform === "facebook" ? r.fbName : r.igUsername;
    return { authorId: r.ids[d.platform], authorName: name, handle: d.platform === "x" ? r.xHandle : r.igUsername };
  }
  return { authorId: d.author.ids[d.platform], authorName: d.author.handle, handle: d.author.handle.replace(/\./g, "_").slice(0, 15) };
}

function assignIds(ids: IdMaker, d: Draft): void {
  const { handle } = authorFields(d);
  if (d.platform === "x") {
    d.externalId = ids.snowflake(d.t);
    d.url = `https://x.com/${handle}/status/${d.externalId}`;
  } else if (d.platform === "facebook") {
    const cid = ids.fbComment();
    d.externalId = `${d.post.localId}_${cid}`;
    const base = `https://www.facebook.com/${FB_PAGE.accountId}/posts/${d.post.localId}?comment_id=${d.parent ? d.parent.externalId.split("_")[1] : cid}`;
    d.url = d.parent ? `${base}&reply_comment_id=${cid}` : base;
  } else {
    d.externalId = ids.igComment();
    d.url = `https://www.instagram.com/p/${d.post.localId}/c/${d.externalId}/`;
  }
}

function obfuscateSpam(rng: Rng, text: string): string {
  const swaps: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
    [/slot/i, ["s|ot", "sl0t", "$lot", "s l o t", "ѕlot", "SLOT"]],
    [/gacor/i, ["g4cor", "gac0r", "g@cor", "GACOR", "gac*r"]],
    [/maxwin/i, ["max win", "m4xwin", "MAXWIN", "maxw1n"]],
    [/link/i, ["l1nk", "LINK", "lnk"]],
    [/bio/i, ["b!o", "BIO", "bi0"]],
    [/situs/i, ["s1tus", "SITUS"]],
  ];
  let s = text;
  for (const [re, alts] of swaps) if (rng.chance(0.35)) s = s.replace(re, rng.pick(alts));
  return s;
}

function generateWeek(week: number, posts: PostRec[], residents: Resident[], spammers: Spammer[], ids: IdMaker): Draft[] {
  const rng = new Rng(`demo-week-${week}-${DEMO_SEED}`);
  const total = Math.max(160, Math.min(395, WEEK_TOTALS[week] + rng.int(-12, 12)));
  const spam = WEEK_SPAM[week];
  const adminCount = Math.round((total - spam) * 0.05);
  const residentCount = total - spam - adminCount;

  const themeEntries = (Object.keys(THEME_WEEKS) as ThemeKey[]).filter((k) => THEME_WEEKS[k][week] > 0).map((k) => [k, THEME_WEEKS[k][week]] as const);
  const drawTheme = rng.sampler(themeEntries.map((e) => e[1]));
  const drawResident = rng.sampler(residents.map((r) => r.activity));
  const weekEnd = DEMO_START_UTC + (week + 1) * WEEK - MINUTE;

  // 1. Residents' top-level comments with time, platform, post, theme, tone and language.
  const drafts: Draft[] = [];
  for (let i = 0; i < residentCount; i++) {
    const theme = themeEntries[drawTheme()][0];
    const person = residents[drawResident()];
    const platform = PLATFORMS[rng.weightedIndex(person.platformWeights)];
    let t = drawTime(rng, week, theme);
    let post = choosePost(rng, posts, platform, theme, t);
    if (!post) {
      // Before the platform's first post of the demo: comment shortly after it instead.
      post = posts.filter((p) => p.platform === platform && p.t >= DEMO_START_UTC + week * WEEK).sort((a, b) => a.t - b.t)[0];
      t = post.t + rng.int(10, 180) * MINUTE;
    }
    const [lang, tone] = chooseLangTone(rng, THEMES[theme], person);
    drafts.push({ t, platform, theme, tone, lang, author: person, post, text: "", likes: 0, externalId: "", url: "" });
  }
  drafts.sort((a, b) => a.t - b.t);

  // 2. Some become replies to an earlier comment on the same platform (threads form under hot comments).
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    if (!rng.chance(0.15)) continue;
    const earlier: Draft[] = [];
    for (let j = i - 1; j >= 0 && d.t - drafts[j].t < 2 * DAY; j--) {
      const e = drafts[j];
      if (e.platform === d.platform && !e.parent && e.author !== d.author && d.t - e.t > 2 * MINUTE) earlier.push(e);
    }
    if (earlier.length === 0) continue;
    const parent = earlier[rng.weightedIndex(earlier.map((e) => (family(e.theme) === family(d.theme) ? 5 : 1) * (e.tone === "neg" ? 1.5 : 1)))];
    d.parent = parent;
    d.post = parent.post;
    d.theme = parent.theme;
    d.tone = rng.chance(0.8) ? parent.tone : "neu";
  }

  // 3. Texts and likes for residents.
  for (const d of drafts) {
    const person = d.author as Resident;
    if (d.parent) {
      const [lang] = chooseLangTone(rng, THEMES[d.theme], person, d.tone);
      d.lang = lang;
      const parentName = authorFields(d.parent).handle;
      d.text = composeReply(rng, d.parent, lang, d.tone, person, d.platform, d.platform === "facebook" ? authorFields(d.parent).authorName : parentName);
    } else {
      d.text = composeResident(rng, d.theme, d.lang, d.tone, person, d.platform);
    }
    const story = /^(jalan|banjir|bansos)/.test(d.theme) ? 1.8 : 1;
    const scale = (d.platform === "facebook" ? 1.6 : d.platform === "instagram" ? 1.2 : 0.8) * story * (d.tone === "neg" ? 1.4 : 1) * (d.parent ? 0.35 : 1);
    d.likes = rng.chance(0.25) ? 0 : rng.pareto(scale * 1.5, 1.25, 380);
  }

  // 4. The village admin answers a share of complaints and questions.
  const answerable = drafts.filter((d) => !d.parent && d.tone !== "pos");
  const picked = new Set<Draft>();
  const adminDrafts: Draft[] = [];
  for (let k = 0; k < adminCount && picked.size < answerable.length; k++) {
    let parent: Draft;
    do parent = answerable[rng.weightedIndex(answerable.map((d) => (d.tone === "neg" ? 2 : 1.5) * (1 + Math.log1p(d.likes))))];
    while (picked.has(parent));
    picked.add(parent);
    // Reply delay log-uniform between 1 minute and 30 hours, to whole seconds.
    let t = parent.t + Math.round(Math.exp(rng.float() * Math.log(30 * 60)) * 60) * 1000;
    // The admin team answers between 06:00 and 22:59; night questions get a morning answer.
    const localHour = Math.floor(((t + JAKARTA_OFFSET) % DAY) / HOUR);
    if (localHour < 6) t += (7 - localHour) * HOUR + rng.int(0, 90) * MINUTE;
    else if (localHour > 22) t += (31 - localHour) * HOUR + rng.int(0, 90) * MINUTE;
    if (t > weekEnd) t = parent.t + rng.int(1, Math.max(1, Math.floor((weekEnd - parent.t) / MINUTE))) * MINUTE;
    const theme: Theme = THEMES[parent.theme];
    const pool = theme.admin && rng.chance(0.75) ? theme.admin : ADMIN_GENERIC[parent.tone === "neg" ? "neg" : "neu"];
    const who = authorFields(parent);
    const asker = parent.author as Resident;
    const addressee = parent.platform === "facebook" ? `${asker.female ? "Bu" : "Pak"} ${asker.first}` : `Kak ${asker.first}`;
    let text = expandTemplate(rng.pick(pool), rng, { addressee });
    if (parent.platform !== "facebook") text = `@${who.handle} ${text}`;
    adminDrafts.push({
      t, platform: parent.platform, theme: parent.theme, tone: "neu", lang: "id", author: "admin", post: parent.post, parent,
      text, likes: rng.chance(0.5) ? 0 : rng.pareto(2, 1.4, 60), externalId: "", url: "",
    });
  }

  // 5. Online-gambling spam: a burst of near-identical comments, or a few strays in quiet weeks.
  const spamDrafts: Draft[] = [];
  const burstDay = SPAM_BURST_DAY[week];
  const bases = rng.shuffle([...SPAM_BASES]).slice(0, rng.int(1, 3));
  const burstStart = burstDay === undefined ? 0 : localTime(week, burstDay, rng.int(10, 19), rng.int(0, 59), 0);
  const burstSpan = rng.int(3, 7) * HOUR;
  for (let i = 0; i < spam; i++) {
    const platform = PLATFORMS[rng.weightedIndex([0.15, 0.35, 0.5])];
    let t = burstDay === undefined ? drawTime(rng, week, "salam") : burstStart + Math.floor(rng.float() * burstSpan);
    t = Math.min(t, weekEnd);
    // Bots hit the newest posts, so a burst lands on one or two posts per platform.
    const recent = posts.filter((p) => p.platform === platform && p.t < t).sort((a, b) => b.t - a.t).slice(0, 2);
    const post = recent.length > 0 ? rng.pick(recent) : posts.filter((p) => p.platform === platform).sort((a, b) => a.t - b.t)[0];
    if (post.t >= t) t = post.t + rng.int(5, 120) * MINUTE;
    const base = burstDay === undefined ? rng.pick(SPAM_BASES) : rng.pick(bases);
    const text = obfuscateSpam(rng, expandTemplate(base, rng)) + rng.pick(SPAM_TAILS);
    spamDrafts.push({
      t, platform, theme: "keamanan_judol", tone: "neu", lang: "id", author: rng.pick(spammers), post, text,
      likes: rng.chance(0.85) ? 0 : rng.int(1, 3), externalId: "", url: "",
    });
  }

  const all = [...drafts, ...adminDrafts, ...spamDrafts].sort((a, b) => a.t - b.t);
  // Ids after sorting so X snowflakes and FB/IG ids grow with time; parents are always earlier.
  for (const d of all) assignIds(ids, d);
  return all;
}

/** What the generator intended for each comment: lets tests (and NLP evaluations) compare against it. */
export interface DemoTruth {
  theme: ThemeKey;
  tone: Tone;
  lang: Lang;
  spam: boolean;
  admin: boolean;
}

/** Build the deterministic Desa Mulyasari demo plus, aligned with `comments`, the intended labels. */
export function generateDemoVillageWithTruth(): DemoVillage & { truth: DemoTruth[] } {
  const peopleRng = new Rng(`demo-people-${DEMO_SEED}`);
  const residents = makeResidents(peopleRng, 400);
  const spammers = makeSpammers(peopleRng);
  const postIds = new IdMaker(new Rng(`demo-post-ids-${DEMO_SEED}`));
  const commentIds = new IdMaker(new Rng(`demo-comment-ids-${DEMO_SEED}`));

  const posts: PostRec[] = [];
  for (let w = 0; w < DEMO_WEEKS; w++) posts.push(...buildPosts(new Rng(`demo-posts-${w}-${DEMO_SEED}`), postIds, w));
  posts.sort((a, b) => a.t - b.t);

  const drafts: Draft[] = [];
  for (let w = 0; w < DEMO_WEEKS; w++) drafts.push(...generateWeek(w, posts, residents, spammers, commentIds));

  const comments: IncomingComment[] = drafts.map((d) => {
    const { authorId, authorName } = authorFields(d);
    return {
      platform: d.platform,
      externalId: d.externalId,
      postExternalId: d.post.post.externalId,
      parentExternalId: d.parent ? d.parent.externalId : null,
      authorId,
      authorName,
      text: d.text,
      publishedAt: new Date(d.t),
      likeCount: d.likes,
      url: d.url,
    };
  });
  const truth: DemoTruth[] = drafts.map((d) => ({
    theme: d.theme,
    tone: d.tone,
    lang: d.lang,
    spam: d.author !== "admin" && !("fbName" in d.author),
    admin: d.author === "admin",
  }));

  return {
    village: { ...VILLAGE },
    sources: SOURCES.map((s) => ({ ...s })),
    posts: posts.map((p) => p.post),
    comments,
    truth,
  };
}

/** Build the deterministic Desa Mulyasari demo: village, three sources, posts and raw comments. */
export function generateDemoVillage(): DemoVillage {
  const { truth: _truth, ...demo } = generateDemoVillageWithTruth();
  return demo;
}
