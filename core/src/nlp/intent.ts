// Intent and urgency stages. Both are linear models (multinomial / binary logistic regression) over
// hashed word and word-bigram features plus hand-written cue features (question
// words, proposal and thanks phrases, danger x present-time x person/home cues) in Indonesian, slang,
// Sundanese, Javanese and English. Cues are matched on both forms of the text: `surface` keeps
// regional words ("naon", "kumaha", "caah") that slang mapping would rewrite, `normalized` has the
// formal Indonesian forms. Models are data files (models/intent-v1.json, models/urgency-v1.json)
// trained by `npm run train:intent`: intent on the village corpus TRAIN split, tuned on VALID; urgency
// (and the spam score) chosen by 5-fold cross-validation on TRAIN+VALID and trained on both.
import type { IntentLabel, IntentResult, NlpContext, Stage, UrgencyResult } from "./types";
import type { WordRecord } from "./words";

export const INTENT_LABELS: readonly IntentLabel[] = ["keluhan", "pertanyaan", "usulan", "apresiasi", "lainnya"];
/** Intents that ask the village office for an answer or an action. */
export const NEEDS_REPLY: ReadonlySet<IntentLabel> = new Set<IntentLabel>(["keluhan", "pertanyaan", "usulan"]);

// Cue lists. Single words are matched as whole tokens; entries with a space as padded phrases.
const QUESTION = ["apa", "apakah", "kapan", "gimana", "bagaimana", "gmn", "berapa", "brp", "dimana", "mana", "kenapa", "mengapa", "knp", "siapa", "bisakah", "boleh", "bolehkah", "gak sih", "ya kak",
  "naon", "kumaha", "iraha", "sabaraha", "dimana", "saha", "naha", "timana", "kamana", "tiasa", "piye", "pira", "endi", "ngendi", "sopo", "ngopo", "opo", "kapan", "pundi", "pripun", "menapa",
  "what", "when", "how", "where", "why", "who", "which", "can", "could", "is", "are", "does", "do", "info", "infonya", "nanya", "tanya", "bertanya", "numpang tanya", "mau tanya"];
const QUESTION_PARTICLES = ["ya ?", "min ?", "pak ?", "bu ?", "kah ?", "nggak ?", "gak ?", "belum ?", "teu ?", "yah ?", "kak ?", "kang ?", "atuh ?", "toh ?", "po ?"];
const PROPOSAL = ["usul", "usulan", "mengusulkan", "saran", "menyarankan", "gimana kalau", "bagaimana kalau", "kumaha upami", "piye yen", "mohon diadakan", "sebaiknya", "seharusnya", "harusnya", "alangkah baiknya", "semoga ada", "tolong diadakan", "bikin", "dibuat", "diadakan", "adakan", "perlu", "mending", "kalau bisa", "upami tiasa", "yen iso", "suggest", "should", "would be nice", "propose", "sae upami", "hoyong", "pengen ada", "ingin ada"];
const THANKS = ["makasih", "terima kasih", "terimakasih", "trims", "hatur nuhun", "nuhun", "matur nuwun", "maturnuwun", "suwun", "thank", "thanks", "thx", "mantap", "mantul", "keren", "salut", "bagus", "apresiasi", "alhamdulillah", "sae", "apik", "great", "good job", "sukses", "semangat", "luar biasa"];
const COMPLAINT = ["rusak", "mati", "tidak", "belum", "bau", "macet", "bocor", "kecewa", "parah", "lambat", "lama", "susah", "kotor", "numpuk", "ruksak", "teu", "ora", "durung", "broken", "still", "not", "kapan diperbaiki", "tolong"];

/** Danger terms (life, health or home at risk); the ones found are reported as `urgentTerms`. */
export const DANGER = ["banjir", "kebanjiran", "longsor", "tanah longsor", "kebakaran", "terbakar", "api", "asap", "ambruk", "roboh", "runtuh", "rubuh", "tenggelam", "hanyut", "terseret", "tertimbun", "tertimpa",
  "kesetrum", "tersengat", "korslet", "konslet", "kabel putus", "percikan", "sesak", "sesak napas", "sesak nafas", "pingsan", "kejang", "pendarahan", "berdarah", "keracunan", "muntah", "muntaber", "demam tinggi", "step", "kritis", "sekarat", "tidak sadar", "melahirkan", "ketuban", "digigit ular", "ular", "tabrakan", "kecelakaan", "luka",
  "hilang", "belum pulang", "diculik", "maling", "rampok", "begal", "tawuran", "bacok", "gempa", "puting beliung", "angin kencang", "pohon tumbang", "tumbang", "retak", "miring", "air naik", "meluap", "jebol", "tanggul", "evakuasi", "darurat", "ambulans", "ambulan", "gawat", "bahaya",
  "caah", "urug", "kahuruan", "kaduruk", "seuneu", "rubuh", "ambruk", "palid", "kalelep", "tisoledat", "kobong", "geni", "kebanjiran", "kelelep", "ambles",
  "flood", "flooding", "fire", "landslide", "collapsed", "collapse", "drowning", "unconscious", "bleeding", "emergency", "ambulance", "electrocuted", "trapped", "missing"];
const NOW = ["sekarang", "skrg", "skrng", "saat ini", "barusan", "baru saja", "tadi", "masih", "lagi", "sedang", "malam ini", "pagi ini", "sore ini", "siang ini", "segera", "cepat", "cepetan", "buruan", "tolong", "darurat", "terus", "makin", "semakin", "detik ini", "mulai",
  "ayeuna", "kiwari", "nembe", "enggal", "gancang", "buru", "tulung", "saiki", "mau", "lagi", "nembe", "cepet", "gage", "now", "right now", "currently", "still", "help", "urgent", "asap", "please", "hurry", "!!"];
const PERSON_HOME = ["rumah", "warga", "anak", "orang", "korban", "nenek", "kakek", "bayi", "lansia", "ibu", "bapak", "istri", "suami", "penghuni", "keluarga", "tetangga", "dalam rumah", "kamar", "dapur", "selutut", "sepinggang", "sedada", "atap", "dinding", "tembok",
  "imah", "budak", "jalma", "urang", "pun bapa", "omah", "bocah", "wong", "simbah", "house", "home", "people", "child", "kids", "family", "inside", "neighbor", "resident", "napas", "nafas"];
const PAST = ["tahun lalu", "taun lalu", "kemarin", "kemaren", "kmrn", "minggu lalu", "bulan lalu", "dulu", "dahulu", "waktu itu", "pernah", "sudah surut", "udah surut", "surut", "2023", "2024", "2025", "taun kamari", "kamari", "kapungkur", "kala", "biyen", "wingi", "last year", "last week", "ago", "used to", "inget", "ingat", "kenangan"];
const AID = ["bantuan", "cair", "dibagi", "pembagian", "donasi", "sumbangan", "santunan", "logistik", "posko", "relawan", "kapan", "data korban", "pendataan", "bansos", "galang"];
const PROMO = ["promo", "diskon", "gacor", "slot", "deposit", "wd", "maxwin", "jp", "order", "harga", "jual", "cod", "ready", "pinjol", "cashback", "bonus", "link", "bio", "dm", "sale"];
const CHRONIC = ["hari", "minggu", "bulan", "tahun", "taun", "sejak", "udah lama", "sudah lama", "bertahun", "tiap", "setiap", "selalu", "sering", "kalau hujan", "kalo ujan", "musim hujan", "tiap hujan"];

/** When a habit recurs: "tiap malam", "unggal wengi", "saben udan", "every year" (urgency v10, habit). */
const HABIT_WHEN = ["malam", "hari", "hujan", "tahun", "minggu", "bulan", "musim", "sore", "pagi", "subuh", "magrib", "wengi", "peuting", "poe", "dinten", "taun", "usum", "bengi",
  "dina", "udan", "ujan", "night", "day", "year", "rain", "week", "weekend", "month"];
/** What a disaster leaves behind is named after it: "setelah banjir", "sanggeus caah" (urgency v10, habit). */
const AFTER_WHAT = ["banjir", "kebanjiran", "longsor", "kebakaran", "gempa", "caah", "urug", "kahuruan", "lini", "the flood", "the fire", "flood", "fire"];
/** What a leaning pole or a cracked wall is feared to do: "takut roboh", "sieun rubuh" (urgency v10, later). */
const FEARED = ["roboh", "rubuh", "ambruk", "runtuh", "tumbang", "longsor", "banjir", "kebakaran", "jebol", "putus", "jatuh", "labuh", "urug", "caah", "it falls", "collapse"];

// Intent/urgency-only cues (intent-v2, urgency-v2). Kept apart from CUE_LISTS because the village
// sentiment model reads `featurize` (the features above) and must not change with them. Chosen by
// cross-validation on the village corpus train+valid splits (see the corpus README); each word found
// adds a feature of its own, each list a flag, and each pair of lists a flag.
const EXTRA_LISTS = {
  q2: ["dupi", "tiasa teu", "aya teu", "teu ?", "kah", "naon", "kumaha", "iraha", "sabaraha", "napa", "pundi", "kados pundi", "pripun", "piraku", "menapa", "endi", "ngendi", "sapa", "saha", "kapan", "gimana", "gmn", "berapa", "brp",
    "bisa minta", "boleh minta", "mohon informasi", "mohon info", "minta info", "is there", "any", "where", "when", "how much", "can i", "can we", "do we", "ada apa", "kenapa", "ga ?", "gak ?", "nggak ?", "tidak ?", "belum ?", "kapan ?", "kok"],
  p2: ["usul", "usulan", "diusulkan", "mohon dimasukkan", "mohon dipasang", "minta dipasang", "tolong dipasang", "dipasang", "diadakan", "adakan", "bikin", "dibikin", "dibuat", "mugia aya", "mugi aya", "nyuhunkeun", "sosialisasikeun", "kudu",
    "mending", "sebaiknya", "seharusnya", "harusnya", "gimana kalau", "gimana kalo", "bagaimana kalau", "kenapa tidak", "kenapa ga", "kenapa gak", "why not", "proposal", "propose", "suggest", "should", "please add", "would be", "semoga ada",
    "pengen ada", "ingin ada", "mohon diadakan", "perlu ada", "kalau bisa", "kalo bisa", "lebih baik", "sae upami", "kumaha upami", "kumaha lamun", "piye yen", "yen iso", "dong", "lagi dong", "juga dong", "project", "bareng"],
  t2: ["makasih", "terima kasih", "terimakasih", "hatur nuhun", "nuhun", "matur nuwun", "suwun", "thanks", "thank", "appreciate", "shoutout", "hero", "kece", "keren", "juara", "seru", "mantap", "salut", "bangga", "alhamdulillah", "apik",
    "sae", "estetik", "great", "love", "amazing", "bagus", "sukses", "luar biasa", "raos", "enak", "mendukung", "dukung"],
  l2: ["info", "informasi", "ada yang", "ada yg", "aya nu", "selamat", "semoga", "mugia", "aamiin", "amin", "hadir", "nyimak", "wkwk", "wkwkwk", "haha", "assalamualaikum", "punten", "ati-ati", "hati-hati", "waspada", "diharap", "jangan lupa",
    "ulah", "besok", "isukan", "minggu depan", "undangan", "dibuka", "pendaftaran", "latihan", "lomba"],
  c2: ["rusak", "mati", "bocor", "mampet", "macet", "belum", "blm", "durung", "dereng", "teu acan", "acan", "can", "ora", "teu", "tidak", "ga", "gak", "nggak", "kecewa", "parah", "kotor", "bau", "numpuk", "hilang", "dipotong", "potongan",
    "pungutan", "pungli", "mahal", "berat", "susah", "sulit", "lambat", "lama", "tutup", "still", "not", "no", "never", "nobody", "broken", "wiped", "lower", "worse", "udah", "udh", "sudah", "wis", "tos", "terus", "tiap", "selalu", "sering",
    "seueur", "banyak", "bulan ini", "minggu ini"],
  // Danger and people words in the regional languages and English that the v1 lists lacked (read from
  // the train split's urgent comments and the annotation guide, not from test).
  danger2: ["terjebak", "terjepit", "nimpa", "menimpa", "ngungsi", "mengungsi", "diungsikeun", "kebakar", "apinya", "seuneuna", "nyambar", "menyambar", "kebawa", "terbawa", "kabawa", "banjir bandang", "banjir bandhang", "arus deras", "celurit",
    "bedog", "golok", "sajam", "kakeueum", "keueum", "kerendem", "terendam", "runtag", "lini", "lindu", "kapiuhan", "semaput", "getihan", "ngagetih", "engap", "sesek", "kejet", "kejang-kejang", "teu acan mulih", "durung bali", "durung mulih",
    "not home", "stranded", "flooded", "burning", "smoke", "injured", "seizure", "choking", "drowned", "swept", "washed away", "power line", "live wire", "fell on",
    // Urgency v6: medical emergencies, falls, bites, explosions, missing children and water entering houses,
    // in the four languages (from the guide's kinds of danger and the misses of the first four fresh sets).
    "ketuban", "stroke", "struk", "serangan jantung", "heart attack", "tidak bisa bicara", "tidak bisa bernapas", "tidak bisa napas", "tidak bernapas", "teu tiasa nyarios", "teu tiasa napas",
    "ora iso ngomong", "ora iso ambegan", "can't breathe", "cant breathe", "not breathing", "overdosis", "tidak bisa jalan", "teu tiasa leumpang", "ora iso mlaku",
    "jatuh dari", "jatuh ke", "terjatuh", "terperosok", "tercebur", "kecebur", "kecemplung", "kacemplung", "nyemplung", "tiba saka", "ceblok", "labuh", "fell from", "fell into", "patah tulang", "kakinya patah", "tangannya patah", "broken leg",
    "digigit anjing", "dicokot", "digegel", "dipacok", "oray", "anjing liar", "anjing gila", "bitten", "snake",
    "meledak", "ledakan", "bau gas", "gas bocor", "bocor gas", "kebocoran gas", "ngabeledug", "mbledhos", "njeblug", "gas leak", "smell gas", "explosion", "exploded",
    "menjalar", "kobongan", "caught fire", "on fire",
    "anak hilang", "belum ketemu", "belum ditemukan", "tidak ketemu", "teu acan kapendak", "durung ketemu", "bocah ilang", "budak leungit",
    "masuk rumah", "masuk ke rumah", "asup ka imah", "mlebu umah", "mlebu omah", "overflowing", "coming into",
    "kajebak", "titeuleum", "klelep", "diserang", "menyerang", "mengamuk", "ngamuk", "ditusuk", "pistol", "stabbed", "knife", "gun",
    // Urgency v11: crushed or pinned under something, in the four languages.
    "tertindih", "ketindih", "katindih", "kejepit", "kagencet", "kejebak"],
  // Urgency v3: a risk LATER ("sebelum banjir", "takut nanti tumbang") and property crime with nobody in
  // danger now (a stolen motorbike) are not urgent; the v2 gate let both through on "banjir"/"maling".
  later: ["sebelum", "nanti", "ntar", "takutnya", "khawatir", "dikhawatirkan", "bisi", "mengko", "before", "might", "musim hujan", "usum hujan", "kalau hujan", "kalo hujan", "kalo ujan",
    "rawan", "potensi", "mencegah", "pencegahan", "antisipasi", "mitigasi",
    // Urgency v10: a danger feared ("takut roboh", "sieun ambruk", "wedi ambruk") or waited for ("jangan tunggu banjir").
    ...["takut", "sieun", "wedi", "afraid"].flatMap((a) => FEARED.map((d) => `${a} ${d}`)), "jangan tunggu"],
  // Urgency v6: the danger is over ("apinya sudah padam", "sudah ditemukan", "tos kapendak", "all safe"): a
  // report after the fact, not a call for help, unless the score alone waives the gate.
  resolved: ["sudah padam", "udah padam", "udh padam", "sudah dipadamkan", "berhasil dipadamkan", "sudah terkendali", "terkendali", "sudah ditangani", "udah ditangani", "udh ditangani",
    "sudah dievakuasi", "udah dievakuasi", "sudah ditemukan", "udah ditemukan", "sudah ketemu", "udah ketemu", "udh ketemu", "ditemukan selamat", "sudah sembuh", "udah sembuh",
    "sudah pulang", "udah pulang", "alhamdulillah selamat", "alhamdulillah aman", "sudah aman", "udah aman", "sudah beres", "udah beres", "sudah normal", "tos kapendak", "tos aman",
    "tos surut", "tos pareum", "wis aman", "wis ketemu", "wis mari", "wis surut", "wis padam", "all safe", "safe now", "been found", "was found", "under control", "put out"],
  theft: ["maling", "dicuri", "dicolong", "colong", "kemalingan", "dibobol", "kabobolan", "dipaling", "leungit", "ilang", "hilang", "pencurian", "copet", "dicopet", "stolen", "theft", "robbed", "burglary"],
  // Urgency v7: a person reported missing (see missingPerson below); no words of its own, a flag.
  missing: [],
  // Urgency v10: a danger said to recur ("bakar sampah tiap malam", "unggal wengi", "langganan banjir") or left
  // behind ("genangan bekas banjir", "setelah banjir banyak yang diare") is a chronic problem, not a danger now
  // (guide section 2), unless a present-time word puts it now ("tiap tahun banjir, sekarang air sudah sepinggang").
  // Only words that say "again and again" or "left behind by": "bekas", "sisa", "rutin", "sering", "selalu" and "habis"
  // also stand beside dangers now ("kolam bekas galian", "keracunan sisa makanan", "pasien cuci darah rutin", "habis
  // kebakaran, anaknya terjebak"; urgency v10's cold review), so an aftermath word counts only before a disaster's name.
  habit: ["langganan", "menahun", "bertahun-tahun", "berbulan-bulan",
    ...["tiap", "setiap", "saban", "unggal", "saben", "every"].flatMap((a) => HABIT_WHEN.map((d) => `${a} ${d}`)),
    ...["bekas", "sisa", "pasca", "urut", "tilas", "setelah", "sehabis", "sesudah", "sanggeus", "saatos", "sabada", "sakwise", "sawise", "after"].flatMap((a) => AFTER_WHAT.map((d) => `${a} ${d}`))],
  // Urgency v10: present-time words the v1 NOW list lacks ("peuting ieu", "bengi iki", "tonight", "menit lalu"); with
  // NOW's own present-time words they lift the habit and later gates.
  present2: ["peuting ieu", "wengi ieu", "ayeuna keneh", "keneh", "isih", "bengi iki", "wengi niki", "dalu niki", "dalu menika", "sore iki", "esuk iki", "enjing niki",
    "tonight", "this morning", "this evening", "this afternoon", "just now", "menit lalu", "menit yang lalu", "minutes ago", "kali ini", "this time", "ieu mah", "saweg", "nuju",
    "poe ieu", "dinten ieu", "dina iki", "dino iki", "kini", "hari ini", "as we speak", "detik-detik ini", "sekarng", "skarang", "sekrang"],
  person2: ["sepaha", "sebetis", "seleher", "sepundak", "sadengkul", "sacangkeng", "dievakuasi", "nini", "aki", "mbah", "embah", "sepuh", "emak", "ema", "mamah", "orok", "putra", "pasien", "bumil", "hamil", "lumpuh", "disabilitas", "bumi", "griya", "umah", "grandma", "grandpa", "baby", "elderly", "mother", "father", "wife", "husband"],
};
type ExtraName = keyof typeof EXTRA_LISTS;
const EXTRA_NAMES = Object.keys(EXTRA_LISTS) as ExtraName[];
const EXTRA_BIT = Object.fromEntries(EXTRA_NAMES.map((n, i) => [n, 1 << i])) as Record<ExtraName, number>;
// Flags of one list, and of each pair of lists, hashed once.
const EXTRA_FLAG_SEED = 41;
const EXTRA_LIST_FLAG = EXTRA_NAMES.map((n) => hashFeature(`x:${n}`, EXTRA_FLAG_SEED));
const EXTRA_PAIR_FLAG = EXTRA_NAMES.map((a) => EXTRA_NAMES.map((b) => hashFeature(`x:${a}&${b}`, EXTRA_FLAG_SEED)));
/** A cue word's feature (list and word), keyed by word: one look-up per token. */
const EXTRA_WORDS = new Map<string, { bits: number; feats: number[] }>();
const EXTRA_PHRASES_BY_FIRST = new Map<string, Array<{ rest: string[]; bit: number; term: string; feat: number }>>();
for (const name of EXTRA_NAMES) {
  for (const cue of EXTRA_LISTS[name]) {
    const feat = hashFeature(`${name}:${cue}`, EXTRA_FLAG_SEED + 1);
    const parts = cue.split(" ");
    if (parts.length === 1 && /^[\p{L}\p{N}-]+$/u.test(cue)) {
      const e = EXTRA_WORDS.get(cue) ?? { bits: 0, feats: [] };
      e.bits |= EXTRA_BIT[name];
      e.feats.push(feat);
      EXTRA_WORDS.set(cue, e);
      continue;
    }
    const list = EXTRA_PHRASES_BY_FIRST.get(parts[0]) ?? [];
    list.push({ rest: parts.slice(1), bit: EXTRA_BIT[name], term: cue, feat });
    EXTRA_PHRASES_BY_FIRST.set(parts[0], list);
  }
}

// Urgency v7: a danger word with a possessive or definite suffix ("ketubannya", "ketubane", "seuneuna",
// "malingnya") names the same danger: it takes the stem's danger cue (v1 list, read by every model that reads
// the cues) or the stem's intent-only danger cue (danger2), and counts as the stem where the stem matters (a theft
// word stays a theft word). Only danger NOUNS are read on a stem: on a verb or an adjective the suffix makes talk
// about the event ("Film Tenggelamnya Kapal …", "bahayanya main HP", "tumbangnya sudah dipotong"; 1.6.3).
const DANGER_SUFFIXES = ["nipun", "ipun", "nya", "na", "ne", "e"];
const DANGER_STEMS = new Set<string>(["banjir", "longsor", "kebakaran", "api", "asap", "ketuban", "ular", "oray", "luka", "maling", "rampok", "begal", "tawuran", "tanggul",
  "gempa", "lini", "lindu", "caah", "urug", "seuneu", "geni", "kecelakaan", "tabrakan", "ambulans", "ambulan", "celurit", "bedog", "golok", "sajam", "pistol", "stroke"]);
for (const stem of DANGER_STEMS) if (!DANGER.includes(stem) && !EXTRA_LISTS.danger2.includes(stem)) throw new Error(`intent.ts: danger stem "${stem}" is in no danger list`);
// Every suffixed form of a stem of three letters or more, built once: one look-up per new word (first sight
// of a word is the cold path, where slicing six candidate stems per word cost more than the look-up).
const SUFFIXED_DANGER = new Map<string, string>();
// Suffixes in their order of precedence (the longest first), as a stripping loop would try them.
for (const suffix of DANGER_SUFFIXES) for (const stem of DANGER_STEMS) if (stem.length >= 3 && !SUFFIXED_DANGER.has(stem + suffix)) SUFFIXED_DANGER.set(stem + suffix, stem);
/** The listed danger word `w` is a suffixed form of, or null. */
function dangerStem(w: string): string | null {
  return SUFFIXED_DANGER.get(w) ?? null;
}

const CUE_LISTS = {
  q: QUESTION, qp: QUESTION_PARTICLES, prop: PROPOSAL, thanks: THANKS, compl: COMPLAINT,
  danger: DANGER, now: NOW, person: PERSON_HOME, past: PAST, aid: AID, promo: PROMO, chronic: CHRONIC,
};
type CueName = keyof typeof CUE_LISTS;
const CUE_NAMES = Object.keys(CUE_LISTS) as CueName[];
const CUE_BIT = Object.fromEntries(CUE_NAMES.map((n, i) => [n, 1 << i])) as Record<CueName, number>;

/** A multi-token cue ("gimana kalau", "ya ?"), indexed by its first token. */
interface Phrase { rest: string[]; bit: number; term: string }
// Cues are indexed by token so matching costs one map look-up per token, not one scan per cue.
const WORD_CUES = new Map<string, number>();
const PHRASES_BY_FIRST = new Map<string, Phrase[]>();
for (const name of CUE_NAMES) {
  for (const cue of CUE_LISTS[name]) {
    const parts = cue.split(" ");
    if (parts.length === 1 && /^[\p{L}\p{N}]+$/u.test(cue)) {
      WORD_CUES.set(cue, (WORD_CUES.get(cue) ?? 0) | CUE_BIT[name]);
      continue;
    }
    // "!!" and similar punctuation cues are matched as tokens of their own.
    const list = PHRASES_BY_FIRST.get(parts[0]) ?? [];
    list.push({ rest: parts.slice(1), bit: CUE_BIT[name], term: cue });
    PHRASES_BY_FIRST.set(parts[0], list);
  }
}

/** FNV-1a over UTF-16 code units, with a seed so feature families do not collide systematically. */
export function hashFeature(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes a hash with a family seed (murmur3 finaliser) so one word hash serves several feature families. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** What featurisation needs per distinct token; memoised (the same few thousand words recur). */
interface TokenInfo {
  h: number; word: number; surface: number; cues: number; phrases: Phrase[] | undefined;
  /** Intent-only: extra cue lists and their per-word features, multi-token extra cues starting here. */
  extra: { bits: number; feats: number[] } | undefined;
  extraPhrases: Array<{ rest: string[]; bit: number; term: string; feat: number }> | undefined;
  first: number; surfaceFirst: number; beforeQuestion: number;
  /** MISSING_WORD and NOT_BACK_WORD (missingPerson's two tests of every token), decided once per word. */
  missing: number;
}
const TOKEN_MEMO = new Map<string, TokenInfo>();
const TOKEN_MEMO_MAX = 200_000;

// Every word some list below names (cues, intent-only cues, suffixed danger words, phrase starts, missing and
// coming-home words), built on first use (the lists are filled while the module loads). Most words seen for the
// first time are in none of them: one look-up then stands for the seven.
let listedWords: Set<string> | null = null;

function newTokenInfo(w: string): TokenInfo {
  const h = hashFeature(w, 0);
  listedWords ??= new Set([...WORD_CUES.keys(), ...EXTRA_WORDS.keys(), ...SUFFIXED_DANGER.keys(), ...PHRASES_BY_FIRST.keys(), ...EXTRA_PHRASES_BY_FIRST.keys(), ...MISSING_WORDS, ...NOT_BACK_WORDS]);
  if (!listedWords.has(w)) {
    return {
      h: h | 0, word: mix(h, 1) | 0, surface: mix(h, 3) | 0, cues: 0, phrases: undefined,
      extra: undefined, extraPhrases: undefined, first: mix(h, 7) | 0, surfaceFirst: mix(h, 8) | 0, beforeQuestion: mix(h, 9) | 0, missing: 0,
    };
  }
  // One look-up per list (a has() and then a get() cost two).
  const cue = WORD_CUES.get(w);
  const extra = EXTRA_WORDS.get(w);
  const stem = cue !== undefined || extra !== undefined ? null : dangerStem(w);
  // The word's own features (families 1 and 3) do not depend on its neighbours: mixed once here.
  // Kept as int32 (small integers in the object, not boxed numbers): every reader masks them or
  // mixes them with int32 arithmetic, which gives the same bits.
  return {
    h: h | 0, word: mix(h, 1) | 0, surface: mix(h, 3) | 0, cues: cue ?? (stem ? (WORD_CUES.get(stem) ?? 0) & CUE_BIT.danger : 0), phrases: PHRASES_BY_FIRST.get(w),
    extra: extra ?? (stem ? EXTRA_WORDS.get(stem) : undefined), extraPhrases: EXTRA_PHRASES_BY_FIRST.get(w), first: mix(h, 7) | 0, surfaceFirst: mix(h, 8) | 0, beforeQuestion: mix(h, 9) | 0,
    missing: (MISSING_WORDS.has(w) ? MISSING_WORD : 0) | (NOT_BACK_WORDS.has(w) ? NOT_BACK_WORD : 0),
  };
}

function tokenInfo(w: string): TokenInfo {
  let info = TOKEN_MEMO.get(w);
  if (info) return info;
  info = newTokenInfo(w);
  // Bounded so a stream of unique junk tokens cannot grow memory without limit.
  if (TOKEN_MEMO.size >= TOKEN_MEMO_MAX) TOKEN_MEMO.clear();
  TOKEN_MEMO.set(w, info);
  return info;
}

export interface IntentInput { surface: string; normalized: string }
/** The pipeline's input: both forms with the normaliser's word records (see words.ts). */
export interface IntentWordsInput extends IntentInput { surfaceWords: readonly WordRecord[]; normalizedWords: readonly WordRecord[] }

/** What featurisation found: hashed feature indices (binary features) and the danger/now terms. */
export interface IntentFeatures {
  idx: number[]; dangerTerms: string[]; nowTerms: string[]; cues: number; extraCues: number;
  /** How many of `idx` are featurize()'s (the intent-only cues are appended after them). */
  plain: number;
}

const PUNCT_ONLY = /^[.,;:]+$/;

function tokensOf(s: string): string[] {
  const out: string[] = [];
  for (const t of s.toLowerCase().split(" ")) if (t.length > 0 && !PUNCT_ONLY.test(t)) out.push(t);
  return out;
}

// A danger word under a negation names no danger ("ga ada yang luka", "ora mlebu omah", "no one injured"):
// a negator at most three tokens before it, with only these filler words between.
const NEGATORS = new Set(["tidak", "ga", "gak", "nggak", "enggak", "ngga", "gk", "tak", "bukan", "tanpa", "teu", "henteu", "ora", "mboten", "not", "no", "never", "nobody", "without"]);
const NEGATION_FILLERS = new Set(["ada", "yang", "yg", "aya", "nu", "ana", "sing", "one", "anyone", "sampai", "sampe", "nepi", "ka", "ke", "nganti", "to", "into", "is", "was"]);
function negatedAt(toks: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (NEGATORS.has(toks[k])) return true;
    if (!NEGATION_FILLERS.has(toks[k])) return false;
  }
  return false;
}

// "api belum terkendali", "not yet under control": an over-already word under a negation or "not yet"
// says the danger goes on.
const NOT_YET = new Set(["belum", "blm", "durung", "dereng", "acan", "can", "yet"]);
function notOverYet(toks: readonly string[], i: number): boolean {
  return negatedAt(toks, i) || (i > 0 && NOT_YET.has(toks[i - 1]));
}

/** Adds the cues of one token sequence to `acc` (bit mask); records danger (unless negated) and present-time terms. */
function scanCues(toks: string[], infos: TokenInfo[], f: IntentFeatures): void {
  for (let i = 0; i < toks.length; i++) {
    const info = infos[i];
    if (info.cues !== 0) {
      f.cues |= info.cues;
      if (info.cues & CUE_BIT.danger && !f.dangerTerms.includes(toks[i]) && !negatedAt(toks, i)) f.dangerTerms.push(toks[i]);
      if (info.cues & CUE_BIT.now && !f.nowTerms.includes(toks[i])) f.nowTerms.push(toks[i]);
    }
    if (!info.phrases) continue;
    for (const p of info.phrases) {
      let ok = i + p.rest.length < toks.length + (p.rest.length === 0 ? 1 : 0);
      for (let j = 0; ok && j < p.rest.length; j++) ok = toks[i + 1 + j] === p.rest[j];
      if (!ok) continue;
      f.cues |= p.bit;
      if (p.bit === CUE_BIT.danger && !f.dangerTerms.includes(p.term) && !negatedAt(toks, i)) f.dangerTerms.push(p.term);
      if (p.bit === CUE_BIT.now && !f.nowTerms.includes(p.term)) f.nowTerms.push(p.term);
    }
  }
}

// Flag names are built once, not per comment (featurisation runs on every comment).
// Flags are hashed once here, not per comment (featurisation runs on every comment).
const FLAG_SEED = 5;
const flagOf = (name: string): number => hashFeature(name, FLAG_SEED);
const DANGER_PAIRS = (["now", "person", "past", "aid", "promo", "chronic", "q", "qp"] as const).map((o) => [o, flagOf(`danger&${o}`), flagOf(`danger&${o}!`)] as const);
const has = (cues: number, name: CueName): boolean => (cues & CUE_BIT[name]) !== 0;
// Each cue list's bit and flag hash, as parallel arrays (read by index per comment, no tuple per list).
const CUE_FLAG_BITS = CUE_NAMES.map((n) => CUE_BIT[n]);
const CUE_FLAG_HASHES = CUE_NAMES.map((n) => flagOf(n));
const F = {
  qend: flagOf("qend"), qmark: flagOf("qmark"), dangerNowPerson: flagOf("danger&now&person"), dangerNowNotPast: flagOf("danger&now&!past"),
  qQp: flagOf("q&qp"), thanksNotCompl: flagOf("thanks&!compl"), propNotQp: flagOf("prop&!qp"),
};
const NDANGER_FLAGS = [0, 1, 2, 3].map((n) => flagOf(`ndanger${n}`));
const LEN_FLAGS = [0, 1, 2, 3, 4, 5, 6].map((n) => flagOf(`len${n}`));

/** tokensOf and the token infos from word records, kept in the records (no string work per comment). */
function wordTokens(words: readonly WordRecord[], toks: string[], infos: TokenInfo[]): void {
  for (const r of words) {
    if (!r.intentDone) {
      const lower = r.text.toLowerCase();
      r.intentDone = true;
      r.intentToken = PUNCT_ONLY.test(lower) ? null : lower;
      r.intentInfo = r.intentToken === null ? null : newTokenInfo(lower);
    }
    if (r.intentToken === null) continue;
    toks.push(r.intentToken);
    infos.push(r.intentInfo as TokenInfo);
  }
}

/** Featurises one comment into hashed indices below 2^bits. Deterministic. */
export function featurize(input: IntentInput, bits: number): IntentFeatures {
  return featurizeText(input, bits, false);
}

/** The intent and urgency models' features: featurize plus the intent-only cues (EXTRA_LISTS). */
export function featurizeIntent(input: IntentInput, bits: number): IntentFeatures {
  return featurizeText(input, bits, true);
}

function featurizeText(input: IntentInput, bits: number, extras: boolean): IntentFeatures {
  const norm = tokensOf(input.normalized);
  const surf = input.surface === input.normalized ? norm : tokensOf(input.surface);
  const normInfo = norm.map(tokenInfo);
  const surfInfo = surf === norm ? normInfo : surf.map(tokenInfo);
  return featurizeTokens(norm, normInfo, surf, surfInfo, bits, extras);
}

/** featurize over the normaliser's word records: the same features (with the intent-only cues when `extras`). */
export function featurizeWords(input: IntentWordsInput, bits: number, extras = false): IntentFeatures {
  const norm: string[] = [];
  const normInfo: TokenInfo[] = [];
  wordTokens(input.normalizedWords, norm, normInfo);
  if (input.surface === input.normalized) return featurizeTokens(norm, normInfo, norm, normInfo, bits, extras);
  const surf: string[] = [];
  const surfInfo: TokenInfo[] = [];
  wordTokens(input.surfaceWords, surf, surfInfo);
  return featurizeTokens(norm, normInfo, surf, surfInfo, bits, extras);
}

/** Adds the intent-only cues of one token sequence; danger words found join `dangerTerms`. */
function scanExtras(toks: string[], infos: TokenInfo[], f: IntentFeatures, mask: number): void {
  for (let i = 0; i < toks.length; i++) {
    const info = infos[i];
    if (info.extra) {
      const bits = info.extra.bits;
      f.extraCues |= bits & EXTRA_BIT.resolved && notOverYet(toks, i) ? bits & ~EXTRA_BIT.resolved : bits;
      for (const h of info.extra.feats) f.idx.push(h & mask);
      if (info.extra.bits & EXTRA_BIT.danger2 && !f.dangerTerms.includes(toks[i]) && !negatedAt(toks, i)) f.dangerTerms.push(toks[i]);
    }
    if (!info.extraPhrases) continue;
    for (const p of info.extraPhrases) {
      let ok = i + p.rest.length < toks.length;
      for (let j = 0; ok && j < p.rest.length; j++) ok = toks[i + 1 + j] === p.rest[j];
      if (!ok) continue;
      if (p.bit !== EXTRA_BIT.resolved || !notOverYet(toks, i)) f.extraCues |= p.bit;
      f.idx.push(p.feat & mask);
      if (p.bit === EXTRA_BIT.danger2 && !f.dangerTerms.includes(p.term) && !negatedAt(toks, i)) f.dangerTerms.push(p.term);
    }
  }
}

// Urgency v7: a person reported missing ("ada anak usia 6 tahun hilang sejak jam 3", "putra abdi yuswa 5 taun
// leungit, terakhir katingali …", "my neighbor's kid hasn't come home since maghrib") is a danger, not a theft. It
// needs all of: a person word (or its suffixed form: "anaknya", "bocahe") opening its phrase — at the start, after
// punctuation or a word such as "ada", "my", "tolong", not after a noun ("seragam anak saya", "kacamata nenek": the
// thing is lost); within eight words a missing word ("hilang", "leungit", "missing") not followed by what is lost
// ("hilang semangat") or a not-yet-back phrase ("belum pulang", "teu acan uih", "hasn't come home"); and somewhere
// a search, since or clothing cue ("sejak", "dari jam", "terakhir", "dicari", "ada yang lihat", "pakai baju merah").
const MISSING_PERSONS = new Set(["anak", "bocah", "budak", "putra", "putri", "adik", "adek", "nenek", "kakek", "mbah", "simbah", "nini", "balita", "lansia", "cucu",
  "putu", "incu", "ibu", "bapak", "bapa", "emak", "kid", "child", "son", "daughter", "boy", "girl", "grandma", "grandpa", "mother", "father", "brother", "sister"]);
const PERSON_SUFFIXES = ["nya", "na", "ne", "e", "ku"];
const MISSING_WORDS = new Set(["hilang", "ilang", "leungit", "missing"]);
// What a person can lose that is no person: "hilang semangat", "ilang sinyal", "missing school".
const LOST_ABSTRACT = new Set(["semangat", "nafsu", "selera", "sinyal", "fokus", "akal", "ingatan", "kesabaran", "suara", "kontak", "harapan", "motivation", "appetite", "signal", "school", "class"]);
const NOT_BACK_WORDS = new Set(["pulang", "mulih", "uih", "wangsul", "mantuk", "bali", "balik", "kembali", "dongkap", "home", "back"]);
const NOT_YET_BACK = new Set(["belum", "blm", "durung", "dereng", "acan", "tidak", "ga", "gak", "teu", "ora", "hasn't", "hasn’t", "hasnt", "haven't", "haven’t", "not", "didn't",
  "didn’t", "didnt", "never"]);
// Words that may stand before the person word opening a phrase.
const PERSON_OPENERS = new Set(["ada", "aya", "ana", "si", "sang", "itu", "ini", "eta", "iki", "kami", "warga", "tolong", "mohon", "bantu", "punten", "pak", "bu", "min", "kang", "teh",
  "mas", "mbak", "dan", "sama", "jeung", "karo", "yang", "yg", "nu", "sing", "my", "our", "the", "a", "his", "her", "their", "help", "please", "neighbor's", "neighbour's",
  "neighbor’s", "neighbour’s"]);
const SEARCH_WORDS = new Set(["sejak", "since", "terakhir", "dicari", "mencari", "nyari", "nyariin", "dipilarian", "milarian", "nggoleki", "digoleki", "searched", "searching",
  "seen", "liat", "lihat", "melihat", "ngeliat", "ningali", "weruh",
  // What the person wears: every missing-person report describes it.
  "baju", "kaos", "klambi", "celana", "kemeja", "jaket", "acuk", "calana", "shirt", "wearing"]);
const SINCE_FROM = new Set(["dari", "dr", "ti", "wiwit", "from", "sampai", "sampe", "nepi", "until", "till", "sudah", "udah", "udh", "tos", "geus", "wis"]);
// "anak ayam", "anak entog 3 ekor": the young of an animal.
const ANIMALS = new Set(["ayam", "hayam", "pitik", "bebek", "meri", "entog", "entok", "kucing", "ucing", "anjing", "kambing", "embe", "wedus", "domba", "sapi", "kerbau", "kebo", "kuda",
  "kelinci", "burung", "ikan", "lauk", "iwak", "ekor", "buntut"]);
const SINCE_TIME = new Set(["jam", "tabuh", "pagi", "siang", "sore", "magrib", "maghrib", "subuh", "isya", "tadi", "kemarin", "kemaren", "semalam", "wengi", "peuting", "sonten",
  "morning", "noon", "afternoon", "yesterday", "last"]);
// What may stand between the person and the missing word: whose, which, how old, which family ("anak saya umur 6
// tahun hilang", "budak bu Iis nu umurna 4 taun leungit", "bocah cilik … ilang"); any other word is what was lost or
// said ("anak saya bilang HP-nya hilang", "anak sekarang hilang sopan santunnya").
const MISSING_BETWEEN = new Set(["saya", "sy", "aku", "aq", "gue", "gw", "abdi", "kula", "kulo", "kami", "kita", "urang", "my", "our", "his", "her", "yang", "yg", "nu", "sing", "umur",
  "usia", "yuswa", "umurna", "umure", "age", "aged", "tahun", "taun", "thn", "th", "tahunan", "years", "year", "old", "yo", "cilik", "kecil", "alit", "leutik", "lalaki", "awewe",
  "laki-laki", "perempuan", "little", "small", "kami", "tetangga", "neighbor's", "neighbour's"]);
const HONORIFICS = new Set(["bu", "pak", "bapak", "ibu", "mang", "kang", "teh", "ceu", "mbak", "mas", "bi", "bibi", "mak", "haji", "ustadz", "mr", "mrs"]);
// What may follow the missing word: when, where, since, or nothing ("hilang sejak jam 3", "leungit ti tabuh 3",
// "ilang neng pasar", "missing since noon"); a noun there is what was lost ("hilang semangat", "ilang 3 ekor").
const MISSING_AFTER = new Set(["sejak", "dari", "dr", "di", "ke", "ti", "ka", "ning", "neng", "nang", "ing", "since", "from", "at", "in", "near", "pas", "waktu", "saat", "pada",
  "tadi", "kemarin", "kemaren", "semalam", "pagi", "siang", "sore", "malam", "subuh", "magrib", "maghrib", "wiwit", "mulai", "udah", "sudah", "udh", "belum", "blm", "sampai", "sampe",
  "nepi", "lagi", "ya", "pak", "bu", "min", "tolong", "mohon", "tulung", "punten", "help", "please", "this", "today", "yesterday", "last"]);
const MISSING_WINDOW = 8;
/** Whether only age, whose and which words (or an honorific and a name) stand between positions p and m. */
function onlyDescribes(toks: readonly string[], p: number, m: number, notBack: boolean): boolean {
  for (let k = p + 1; k < m; k++) {
    const t = toks[k];
    if (MISSING_BETWEEN.has(t) || /^\d+$/.test(t) || (notBack && (NOT_YET_BACK.has(t) || t === "come" || t === "gone"))) continue;
    if (HONORIFICS.has(t) && k + 1 < m) { k++; continue; }
    return false;
  }
  return true;
}
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
function isPerson(t: string): boolean {
  if (MISSING_PERSONS.has(t)) return true;
  for (const suffix of PERSON_SUFFIXES) if (t.length > suffix.length + 2 && t.endsWith(suffix) && MISSING_PERSONS.has(t.slice(0, t.length - suffix.length))) return true;
  return false;
}
function searchedFor(toks: readonly string[]): boolean {
  for (let i = 0; i < toks.length; i++) if (SEARCH_WORDS.has(toks[i]) || (i > 0 && SINCE_TIME.has(toks[i]) && SINCE_FROM.has(toks[i - 1]))) return true;
  return false;
}
const MISSING_WORD = 1;
const NOT_BACK_WORD = 2;
/** Where `toks` reports a person missing: the term to show (person … missing word), or null. `infos` are the tokens' infos. */
function missingPerson(toks: readonly string[], infos: readonly TokenInfo[]): string | null {
  for (let m = 1; m < toks.length; m++) {
    // Nearly every token is neither a missing word nor a not-back word: one field read, not two set look-ups.
    const kind = infos[m].missing;
    if (kind === 0) continue;
    const w = toks[m];
    // "hilang" not negated, not "belum hilang" (a fever not gone yet), followed by when or where, not by what.
    const next = m + 1 < toks.length ? toks[m + 1] : "";
    let missing = (kind & MISSING_WORD) !== 0 && !negatedAt(toks, m) && !NOT_YET_BACK.has(toks[m - 1])
      && (next === "" || !WORD_CHAR_RE.test(next) || MISSING_AFTER.has(next)) && !LOST_ABSTRACT.has(next);
    // "belum pulang", "teu acan uih", "hasn't come home": a not-yet word at most two words before.
    const notBack = !missing && (kind & NOT_BACK_WORD) !== 0;
    if (notBack) for (let k = m - 1; k >= 0 && k >= m - 2; k--) if (NOT_YET_BACK.has(toks[k])) { missing = true; break; }
    if (!missing) continue;
    for (let p = m - 1; p >= 0 && p >= m - MISSING_WINDOW; p--) {
      if (!isPerson(toks[p]) || (p + 1 < toks.length && ANIMALS.has(toks[p + 1]))) continue;
      // The person must open its phrase: after a noun ("seragam anak saya hilang") the noun is what was lost; and
      // only words saying whose, how old or which may stand between it and the loss.
      if (p > 0 && WORD_CHAR_RE.test(toks[p - 1]) && !PERSON_OPENERS.has(toks[p - 1])) break;
      if (!onlyDescribes(toks, p, m, notBack)) break;
      if (!searchedFor(toks)) return null;
      return m - p <= 3 ? toks.slice(p, m + 1).join(" ") : `${toks[p]} … ${w}`;
    }
  }
  return null;
}

/** Intent-only features: the cue lists above, the first words, and the words just before the last "?". */
function addExtras(norm: string[], normInfo: TokenInfo[], surf: string[], surfInfo: TokenInfo[], f: IntentFeatures, mask: number): void {
  scanExtras(norm, normInfo, f, mask);
  if (surf !== norm) scanExtras(surf, surfInfo, f, mask);
  const missing = missingPerson(norm, normInfo) ?? (surf !== norm ? missingPerson(surf, surfInfo) : null);
  if (missing !== null) {
    f.extraCues |= EXTRA_BIT.missing;
    if (!f.dangerTerms.includes(missing)) f.dangerTerms.push(missing);
  }
  const x = f.extraCues;
  for (let a = 0; a < EXTRA_NAMES.length; a++) {
    if (!(x & (1 << a))) continue;
    f.idx.push(EXTRA_LIST_FLAG[a] & mask);
    for (let b = a + 1; b < EXTRA_NAMES.length; b++) if (x & (1 << b)) f.idx.push(EXTRA_PAIR_FLAG[a][b] & mask);
  }
  // How a comment opens ("usul", "kenapa", "punten") and what precedes its last question mark.
  for (let k = 0; k < 2 && k < normInfo.length; k++) f.idx.push(mix(normInfo[k].first, k) & mask);
  if (surfInfo.length > 0) f.idx.push(surfInfo[0].surfaceFirst & mask);
  const q = norm.lastIndexOf("?");
  for (let k = Math.max(0, q - 3); k < q; k++) f.idx.push(normInfo[k].beforeQuestion & mask);
}

function featurizeTokens(norm: string[], normInfo: TokenInfo[], surf: string[], surfInfo: TokenInfo[], bits: number, extras: boolean): IntentFeatures {
  const mask = (1 << bits) - 1;
  const idx: number[] = [];
  // Words and bigrams of the normalised form ("?" and "!" stay: they carry intent).
  let prev = 0x1234567;
  for (const info of normInfo) {
    idx.push(info.word & mask);
    idx.push(mix(Math.imul(prev, 31) ^ info.h, 2) & mask);
    prev = info.h;
  }
  idx.push(mix(Math.imul(prev, 31) ^ 0x7654321, 2) & mask);
  // Regional words survive only in the surface form. (Character trigrams were tried: no gain on VALID
  // and twice the weight look-ups, so they were dropped.)
  for (const info of surfInfo) idx.push(info.surface & mask);
  const f: IntentFeatures = { idx, dangerTerms: [], nowTerms: [], cues: 0, extraCues: 0, plain: 0 };
  scanCues(norm, normInfo, f);
  if (surf !== norm) scanCues(surf, surfInfo, f);
  const cues = f.cues;
  if (cues !== 0) for (let k = 0; k < CUE_FLAG_BITS.length; k++) if (cues & CUE_FLAG_BITS[k]) idx.push(CUE_FLAG_HASHES[k] & mask);
  if (norm.length > 0 && norm[norm.length - 1] === "?") idx.push(F.qend & mask);
  if (norm.includes("?")) idx.push(F.qmark & mask);
  // Combinations: urgency is a danger happening NOW to people or homes, not a danger word alone.
  if (has(cues, "danger")) {
    for (const [other, yes, no] of DANGER_PAIRS) idx.push((has(cues, other) ? yes : no) & mask);
    if (has(cues, "now") && has(cues, "person")) idx.push(F.dangerNowPerson & mask);
    if (has(cues, "now") && !has(cues, "past")) idx.push(F.dangerNowNotPast & mask);
    idx.push(NDANGER_FLAGS[Math.min(f.dangerTerms.length, 3)] & mask);
  }
  if (has(cues, "q") && has(cues, "qp")) idx.push(F.qQp & mask);
  if (has(cues, "thanks") && !has(cues, "compl")) idx.push(F.thanksNotCompl & mask);
  if (has(cues, "prop") && !has(cues, "qp")) idx.push(F.propNotQp & mask);
  idx.push(LEN_FLAGS[Math.min(Math.floor(Math.log2(norm.length + 1)), 6)] & mask);
  f.plain = idx.length;
  if (extras) addExtras(norm, normInfo, surf, surfInfo, f, mask);
  return f;
}

export interface LinearModelFile {
  name: string;
  version: string;
  bits: number;
  labels: string[];
  bias: number[];
  /** [featureIndex, w_class0, w_class1, ...] for every feature with a non-zero weight. */
  rows: number[][];
  /** Decision thresholds tuned on the VALID split (see train/trainIntent.ts). */
  thresholds: Record<string, number>;
  training: Record<string, unknown>;
}

export interface LinearModel {
  name: string;
  version: string;
  bits: number;
  labels: string[];
  classes: number;
  bias: Float64Array;
  /** Dense, feature-major: weights[f * classes + c]. */
  weights: Float32Array;
  thresholds: Record<string, number>;
}

export function parseLinearModel(src: string): LinearModel {
  const f = JSON.parse(src) as LinearModelFile;
  const classes = f.labels.length === 2 ? 1 : f.labels.length;
  const weights = new Float32Array((1 << f.bits) * classes);
  for (const row of f.rows) for (let c = 0; c < classes; c++) weights[row[0] * classes + c] = row[1 + c];
  return { name: f.name, version: f.version, bits: f.bits, labels: f.labels, classes, bias: Float64Array.from(f.bias), weights, thresholds: f.thresholds };
}

/** Raw scores (logits) for each class; for a binary model one logit for the positive class. */
export function linearScores(m: LinearModel, idx: number[], out: Float64Array = new Float64Array(m.classes)): Float64Array {
  for (let c = 0; c < m.classes; c++) out[c] = m.bias[c];
  for (const f of idx) {
    const base = f * m.classes;
    for (let c = 0; c < m.classes; c++) out[c] += m.weights[base + c];
  }
  return out;
}

export function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i] - max);
  for (let i = 0; i < z.length; i++) z[i] /= sum;
  return z;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Intent from class probabilities. Missing a comment that needs a reply costs more than answering
 * chatter, so when the needs-reply classes together pass the tuned threshold the best of them wins
 * even if `lainnya`/`apresiasi` is the single most likely class.
 */
export function decideIntent(p: Float64Array, labels: readonly string[], needsReplyThreshold: number): IntentResult {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  let reply = 0;
  let bestReply = -1;
  for (let c = 0; c < p.length; c++) {
    if (!NEEDS_REPLY.has(labels[c] as IntentLabel)) continue;
    reply += p[c];
    if (bestReply < 0 || p[c] > p[bestReply]) bestReply = c;
  }
  const pick = !NEEDS_REPLY.has(labels[best] as IntentLabel) && bestReply >= 0 && reply >= needsReplyThreshold ? bestReply : best;
  return { label: labels[pick] as IntentLabel, score: Math.round(p[pick] * 1000) / 1000 };
}

/**
 * Spam is `lainnya` (docs/ANNOTATION.md, section 5), whatever the intent model read into it ("butuh dana
 * darurat? pinjaman cair 5 menit" is no resident's complaint); its score is the spam verdict's.
 */
export function intentAfterSpam(intent: IntentResult, spam: { isSpam: boolean; score: number }): IntentResult {
  return spam.isSpam ? { label: "lainnya", score: Math.round(spam.score * 1000) / 1000 } : intent;
}

export interface IntentModels {
  intent: LinearModel;
  urgency: LinearModel;
  /** Binary spam score over the same features; spam.ts combines it with its rules. */
  spam: LinearModel;
  /**
   * The three models' weights interleaved per feature (5 intent + 1 urgency + 1 spam, padded to 8
   * floats): one memory access serves all, which matters because hashed look-ups are cache misses, not arithmetic.
   */
  joint: Float32Array;
}

const JOINT_STRIDE = 8;

/** Builds the interleaved weight table; the models must share one hashed feature space. */
export function joinModels(intent: LinearModel, urgency: LinearModel, spam: LinearModel): IntentModels {
  if (intent.bits !== urgency.bits || intent.bits !== spam.bits || intent.classes > JOINT_STRIDE - 2 || urgency.classes !== 1 || spam.classes !== 1) {
    throw new Error("intent, urgency and spam models must share bits");
  }
  const dim = 1 << intent.bits;
  const joint = new Float32Array(dim * JOINT_STRIDE);
  for (let f = 0; f < dim; f++) {
    for (let c = 0; c < intent.classes; c++) joint[f * JOINT_STRIDE + c] = intent.weights[f * intent.classes + c];
    joint[f * JOINT_STRIDE + intent.classes] = urgency.weights[f];
    joint[f * JOINT_STRIDE + intent.classes + 1] = spam.weights[f];
  }
  return { intent, urgency, spam, joint };
}

function models(ctx: NlpContext): IntentModels {
  const m = ctx.resources.intent as IntentModels | undefined;
  if (!m) throw new Error("intent models not loaded (core/src/nlp/models/intent-v1.json, urgency-v1.json)");
  return m;
}

/**
 * A village's learned change to the intent logits (added to `z` in place) that returns the change of the
 * urgency logit (intentAdaptation.ts); absent for villages without intent/urgency corrections.
 */
export type IntentLogitAdjustment = (idx: readonly number[], z: Float64Array) => number;

/**
 * Intent, urgency and the learned spam probability share one featurisation and one pass over the
 * weights; the pipeline calls this once per comment.
 */
export function classifyIntentUrgency(input: IntentInput | IntentWordsInput, m: IntentModels, adjust?: IntentLogitAdjustment): { intent: IntentResult; urgency: UrgencyResult; spamProbability: number; features: IntentFeatures } {
  const f = "normalizedWords" in input ? featurizeWords(input, m.intent.bits, true) : featurizeIntent(input, m.intent.bits);
  const k = m.intent.classes;
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) z[c] = m.intent.bias[c];
  let u = m.urgency.bias[0];
  let sp = m.spam.bias[0];
  const w = m.joint;
  const idx = f.idx;
  if (k === 5) {
    // The shipped five intents, unrolled into locals (same additions in the same order as below).
    let z0 = z[0], z1 = z[1], z2 = z[2], z3 = z[3], z4 = z[4];
    for (let j = 0; j < idx.length; j++) {
      const base = idx[j] * JOINT_STRIDE;
      z0 += w[base]; z1 += w[base + 1]; z2 += w[base + 2]; z3 += w[base + 3]; z4 += w[base + 4];
      u += w[base + 5];
      sp += w[base + 6];
    }
    z[0] = z0; z[1] = z1; z[2] = z2; z[3] = z3; z[4] = z4;
  } else {
    for (const i of idx) {
      const base = i * JOINT_STRIDE;
      for (let c = 0; c < k; c++) z[c] += w[base + c];
      u += w[base + k];
      sp += w[base + k + 1];
    }
  }
  if (adjust) u += adjust(idx, z);
  const intent = decideIntent(softmaxInPlace(z), m.intent.labels, m.intent.thresholds.needsReply ?? 1);
  return { intent, urgency: urgencyDecision(m.urgency, sigmoid(u), f), spamProbability: sigmoid(sp), features: f };
}

export function urgencyFrom(m: LinearModel, f: IntentFeatures): UrgencyResult {
  return urgencyDecision(m, sigmoid(linearScores(m, f.idx)[0]), f);
}

function urgencyDecision(m: LinearModel, prob: number, f: IntentFeatures): UrgencyResult {
  const urgent = isUrgent(prob, f, m.thresholds.urgent ?? 0.5, m.thresholds.urgentStrong ?? Infinity);
  // The terms that triggered it: the danger words, and the present-time words that made it current.
  const urgentTerms = urgent ? [...f.dangerTerms, ...f.nowTerms.filter((t) => t !== "!!")] : [];
  return { urgent, score: Math.round(prob * 1000) / 1000, urgentTerms };
}

/** Present-time words that put a danger now (not "tolong", "terus", "lagi": a plea or a repetition is no time). */
const PRESENT_NOW = new Set(["sekarang", "skrg", "skrng", "saat ini", "barusan", "baru saja", "tadi", "masih", "sedang", "malam ini", "pagi ini", "sore ini", "siang ini",
  "detik ini", "makin", "semakin", "mulai", "ayeuna", "kiwari", "nembe", "saiki", "now", "right now", "currently", "still"]);
for (const w of PRESENT_NOW) if (!NOW.includes(w)) throw new Error(`intent.ts: present-time word "${w}" is not in NOW`);

/**
 * Danger words that name a person hurt or trapped now ("terjebak", "tertimpa", "pingsan", "keracunan"): beside them
 * a habit or an aftermath ("setelah gempa … ada warga tertimpa", "langganan banjir … nenek terjebak") is context.
 */
const ACUTE = new Set(["terjebak", "terjepit", "tertindih", "ketindih", "katindih", "kejepit", "kagencet", "kejebak", "tertimpa", "tertimbun", "tenggelam", "hanyut", "terseret", "kebawa", "terbawa", "pingsan", "tidak sadar", "kejang", "kejang-kejang",
  "keracunan", "kesetrum", "tersengat", "sesak napas", "sesak nafas", "pendarahan", "berdarah", "digigit ular", "digigit anjing", "dicokot", "dipacok", "stroke", "struk",
  "serangan jantung", "tidak bisa bernapas", "tidak bisa napas", "tidak bernapas", "overdosis", "kajebak", "titeuleum", "kalelep", "kelelep", "klelep", "semaput",
  "kapiuhan", "getihan", "ngagetih", "engap", "teu tiasa napas", "ora iso ambegan", "trapped", "unconscious", "drowning", "drowned", "electrocuted", "bleeding", "seizure",
  "choking", "not breathing", "can't breathe", "cant breathe", "heart attack", "bitten", "swept", "washed away", "stabbed", "ditusuk", "bacok", "diserang"]);
const isAcute = (t: string): boolean => ACUTE.has(dangerStem(t) ?? t);
for (const w of ACUTE) if (!DANGER.includes(w) && !EXTRA_LISTS.danger2.includes(w)) throw new Error(`intent.ts: acute danger "${w}" is in no danger list`);

/** Danger-list words that on their own name a property crime, not a person in danger. */
const THEFT_DANGER = new Set(["hilang", "maling"]);

/**
 * Urgent at this threshold. The score alone also learns "!!", "tolong" and "sekarang", so it fires on
 * impatience and on gambling ads. Urgent therefore also needs the text to name a danger, or a person or
 * home together with a present-time word (a person in need now: "ada nenek blm bisa keluar, tolong!!"),
 * and not to be an ad.
 */
export function isUrgent(prob: number, f: IntentFeatures, threshold: number, strong = Infinity): boolean {
  // (1.6.2 made a missing person urgent whatever the score; a second cold review found it calling 19 of 44
  // ordinary comments urgent — "anak saya bilang HP-nya hilang sejak kemarin", "bapak saya belum pulang dari
  // Malaysia sejak 2019" — so a missing person only counts as a danger, not a theft: the score still decides.)
  if (prob < threshold || has(f.cues, "promo")) return false;
  // A score this high (threshold chosen by cross-validation) is enough without a listed word: the lists
  // cannot name every way of saying "poisoned", "tide water rising" or "not breathing".
  // Since urgency v6 it still needs someone or something happening: a present-time word or a person or home
  // (on ordinary text, reviews and chatter, the score alone passed 0.4 on a third of its false alarms).
  const someone = has(f.cues, "person") || (f.extraCues & EXTRA_BIT.person2) !== 0;
  // Since urgency v10 a danger said to recur or to be left behind (habit) is not urgent below the gate-waiving score,
  // unless a present-time word puts it now, a person is missing or a person is hurt or trapped now: the score had
  // learned "tolong", "warga" and "masuk rumah" and read "ada yang bakar sampah tiap malam, asapnya masuk rumah" as a
  // fire (guide section 2: chronic problems are not urgent). v10 and v11 made it block whatever the score; two cold
  // reviews then wrote emergencies beside habit words that no list foresees ("tapi yg ini paling parah, nenek gak bisa
  // keluar", "as we speak"): v11 silenced 14 of 25, so since v12 a score above the gate-waiving one decides.
  // A risk named as later stays waivable by the score: "air laut udah rembes ke rumah2, pasang tertinggi jam 11 malam
  // nanti" is a danger now with a worse one later (making later as strict cost two urgent comments of fresh-7 and -8).
  const present = (f.extraCues & EXTRA_BIT.present2) !== 0 || f.nowTerms.some((t) => PRESENT_NOW.has(t));
  const habitual = (f.extraCues & EXTRA_BIT.habit) !== 0 && !present && (f.extraCues & EXTRA_BIT.missing) === 0 && !f.dangerTerms.some(isAcute);
  if (habitual && prob < strong) return false;
  const current = f.nowTerms.some((t) => t !== "!!");
  if (prob >= strong && (someone || current || f.dangerTerms.length > 0)) return true;
  // A danger word is enough, except for a risk named as LATER ("sebelum banjir", "takut nanti tumbang"),
  // a danger said to be over ("apinya sudah padam") or a theft word alone ("motor hilang", "maling"): those
  // need the gate-waiving score.
  if (f.dangerTerms.length > 0) return (f.extraCues & (EXTRA_BIT.later | EXTRA_BIT.resolved)) === 0 && !f.dangerTerms.every((t) => THEFT_DANGER.has(dangerStem(t) ?? t));
  return someone && current;
}

/** Pipeline stage: intent with a score. */
export const intent: Stage<IntentInput, IntentResult> = (input, ctx) => {
  const m = models(ctx);
  const f = featurizeIntent(input, m.intent.bits);
  return decideIntent(softmaxInPlace(linearScores(m.intent, f.idx)), m.intent.labels, m.intent.thresholds.needsReply ?? 1);
};

/** Pipeline stage: urgent (life, health or home at risk now) and the terms that triggered it. */
export const urgency: Stage<IntentInput, UrgencyResult> = (input, ctx) => {
  const m = models(ctx);
  return urgencyFrom(m.urgency, featurizeIntent(input, m.urgency.bits));
};
