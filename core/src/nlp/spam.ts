// Spam: online-gambling promotions, sellers' promos and copy-paste floods. Residents also talk
// ABOUT gambling ("warga resah ada judi online di pos ronda"); that is a security complaint, not
// spam, so gambling words alone are not enough: promotion cues (site names, deposit/withdraw,
// "link di bio", jackpot talk) must be present, and complaint context vetoes weak evidence.
import type { NlpContext, SpamResult, Stage } from "./types";
import type { WordRecord } from "./words";

// Leetspeak and look-alike symbols inside words; separators between single letters ("s.l.o.t",
// "s l o t") are removed before matching.
const LEET: Record<string, string> = { "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "|": "l", "!": "i", "@": "a", $: "s", "€": "e" };
const LEET_RE = /[0134579|!@$€]/g;
const LEET_WORD_RE = /[\p{L}0-9|!@$€]+/gu;
const SPACED_LETTERS_RE = /(?<![\p{L}\p{N}])(?:[\p{L}0-9|$@][\s.\-_*]){2,}[\p{L}0-9|$@](?![\p{L}\p{N}])/gu;
const SEPARATOR_RE = /[\s.\-_*]/g;
const COMBINING_RE = /\p{M}+/gu;
const HAS_LETTER_RE = /\p{L}/u;
const DIGITS_ONLY_RE = /^\d+$/;
const SIMPLE_WORD_RE = /^[a-z0-9]+$/;
const TRAILING_DIGITS_RE = /(?<!\d)\d+$/;
const TRAILING_BANG_RE = /(?<!!)!+$/;
// Amounts and counts ("10rb", "5kg", "17an", "2x") are not leetspeak.
const NUMBER_UNIT_RE = /^\d+(?:[.,]\d+)?(?:rb|ribu|k|jt|juta|kg|gr|g|l|ml|m|km|an|x|gb|mb|pcs|cm)$/;
const WORD_RE = /[\p{L}\p{N}]+/gu;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL by definition
const NON_ASCII_RE = /[^\x00-\x7f]/;
// What deobfuscate's leet step can change: a digit (leet or a site suffix) or a leet symbol.
const LEET_OR_DIGIT_RE = /[0-9|!@$€]/;
const EMOJI_RE = /\p{Extended_Pictographic}/gu;

// Small capitals ("ꜱʟᴏᴛ ɢᴀᴄᴏʀ"), which NFKC leaves as they are: each to its letter.
const SMALL_CAPS: Record<string, string> = {
  "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m",
  "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
};
const SMALL_CAPS_RE = new RegExp(`[${Object.keys(SMALL_CAPS).join("")}]`, "gu");

/** Lower-cases, folds styled Unicode letters, joins spaced-out letters and undoes leetspeak. */
export function deobfuscate(text: string): string {
  // ASCII text is its own NFKC and NFD form and has no combining marks.
  let s = NON_ASCII_RE.test(text) ? text.normalize("NFKC").toLowerCase().replace(SMALL_CAPS_RE, (c) => SMALL_CAPS[c] ?? c).normalize("NFD").replace(COMBINING_RE, "") : text.toLowerCase();
  s = s.replace(SPACED_LETTERS_RE, (m) => m.replace(SEPARATOR_RE, ""));
  // Only words that mix letters with leet symbols are rewritten, so prices and dates stay numbers.
  // A text without a digit or a leet symbol has nothing to rewrite (a word of letters stays itself).
  if (!LEET_OR_DIGIT_RE.test(s)) return s;
  s = s.replace(LEET_WORD_RE, (w) => {
    if (!LEET_OR_DIGIT_RE.test(w) || !HAS_LETTER_RE.test(w) || NUMBER_UNIT_RE.test(w)) return w;
    const bang = TRAILING_BANG_RE.exec(w);
    if (bang) w = w.slice(0, bang.index);
    // A trailing number is a site suffix ("gacor88"), not leetspeak: keep it, split off.
    const m = TRAILING_DIGITS_RE.exec(w);
    const head = m ? w.slice(0, m.index) : w;
    const fixed = head.replace(LEET_RE, (c) => LEET[c] ?? c);
    const out = m && HAS_LETTER_RE.test(head) ? `${fixed} ${m[0]}` : m ? w : fixed;
    return bang ? out + bang[0] : out;
  });
  return s;
}

// Words that on their own point at a gambling promotion.
const GAMBLING_STRONG = new Set([
  "slot", "slots", "gacor", "maxwin", "togel", "toto", "rtp", "scatter", "jackpot", "jp", "zeus", "olympus",
  "mahjong", "rungkad", "jepe", "sensational", "sbobet", "casino", "kasino", "parlay", "pragmatic", "pgsoft",
  "bandarq", "dominoqq", "poker", "slotgacor", "wede", "cuan",
]);
// Gambling words residents also use in complaints.
const GAMBLING_WEAK = new Set(["judi", "judol", "bandar", "taruhan", "betting", "bet", "spin"]);
// Deposit / withdraw / sign-up talk.
const PROMO_MONEY = new Set(["depo", "deposit", "wd", "withdraw", "withdrawal", "bonus", "modal", "daftar", "register", "link", "situs", "akun", "pola", "admin", "menang", "jamin", "dijamin", "auto", "profit", "hoki", "gampang"]);
const PROMO_PHRASES = ["link di bio", "link bio", "cek bio", "klik link", "klik bio", "di bio", "new member", "member baru", "anti rungkad", "pasti wd", "pasti jp", "wd berapapun", "modal receh", "depo receh", "main di", "gabung sekarang", "daftar sekarang", "link alternatif", "langsung wd", "pola gacor", "jam gacor"];
// Site names like "gacor88", "hoki77", "raja303".
const SITE_RE = /\b[a-z]{3,}(?:88|77|777|4d|303|138|168|99|69|123|365|888)\b/;
// Residents complaining about gambling: these words veto weak evidence.
const COMPLAINT = new Set(["resah", "meresahkan", "warga", "tolong", "mohon", "ditertibkan", "tertibkan", "berantas", "diberantas", "lapor", "dilaporkan", "bahaya", "larang", "dilarang", "marak", "merusak", "rusak", "kecanduan", "ketagihan", "razia", "polisi", "ronda", "tangkap", "ditangkap", "anak", "pemuda", "habis", "hutang", "utang", "cerai", "miskin", "sedih", "prihatin", "stop", "jauhi", "haram",
  "hapus", "ganggu", "mengganggu", "ngutang", "rentenir", "komentar"]);

// The village's own sellers (BUMDes, PKK, kelompok tani, koperasi) and places: a sale there is village business.
const VILLAGE_SELLER = new Set(["bumdes", "pkk", "koperasi", "poktan", "gapoktan", "kelompok", "desa", "balai", "dkm", "posyandu", "panitia", "karang", "taruna", "rw", "rt"]);
// Sellers' promos: an offer, a way to contact, and usually a price.
const SELL = new Set(["jual", "dijual", "menjual", "jualan", "promo", "diskon", "disc", "sale", "ready", "order", "open", "po", "cod", "grosir", "reseller", "dropship", "murah", "termurah", "gratis", "ongkir", "stok", "stock", "harga", "pinjaman", "pinjol", "followers", "jasa", "keranjang"]);
const CONTACT = new Set(["wa", "whatsapp", "wasap", "wame", "dm", "inbox", "ib", "hubungi", "hub", "kontak", "chat", "pm", "telegram", "tele", "shopee", "tokopedia", "tiktok", "ig", "instagram", "order", "klik", "link", "minat"]);
const PRICE_RE = /\b(?:rp\.?\s?\d[\d.,]*|\d+(?:[.,]\d+)?\s?(?:rb|ribu|k|jt|juta)\b)/;
const PHONE_RE = /(?:\+?62|0)8\d{7,11}/;
// The village's own or a government site.
const VILLAGE_SITE_RE = /\.(?:desa|go|sch|ac)\.id\b/;
const URL_RE = /https?:\/\/|www\.|\b[a-z0-9][a-z0-9-]{0,62}\.(?:com|id|net|xyz|site|link|vip|club|top|online|me|ly|gle|co|info|io|app|shop|store|live|click|help|support|icu|sbs|cfd|cyou|buzz)\b/;

// Other promotion that floods village pages: loans (pinjol), get-rich schemes (MLM, "investasi",
// arisan online), sold followers, jobs that pay for likes, fake prizes and bank phishing. An offer
// word alone is ordinary village talk ("bantuan modal usaha kapan cair?"); a promotion also makes a
// claim (amounts per day, "tanpa jaminan", "dijamin", "100%") and calls to act (DM, link, join).
const OFFER = new Set([
  "pinjaman", "pinjol", "dana", "tunai", "kredit", "limit", "approve", "investasi", "arisan", "bisnis", "peluang", "usaha",
  "penghasilan", "income", "gaji", "cuan", "untung", "keuntungan", "kauntungan", "bathi", "profit", "reseller", "agen", "followers",
  "follower", "likes", "giveaway", "hadiah", "jasa", "joki", "ijazah", "obat", "skincare", "umroh", "kuota", "pulsa", "paket",
  "promo", "diskon", "jual", "dijual", "murah", "kerja", "lowongan", "earn", "money", "free", "gratis", "crypto", "kripto", "mlm",
  "modal", "cair", "beli", "pengikut", "obral", "kaya", "hoki", "bonus", "rekening", "ijazah", "krim", "diet", "detoks", "tea", "ganja", "undian", "pelangsing", "pemutih",
  // English lures (the guide's phishing, fake giveaways, crypto doubling and work-from-home scams, and
  // romance scams): the prize, the threat to an account, the coin, the salary, the lonely stranger.
  "prize", "reward", "rewards", "giftcard", "voucher", "winner", "airdrop", "wallet", "bitcoin", "btc", "usdt", "forex",
  "salary", "hiring", "lonely", "suspended", "violated", "violation", "copyright", "verification", "earn", "sexy", "single",
  // Health products sold with a promised result, loans in slang, paid promotion, romance bait, apps to install.
  "herbal", "kapsul", "peninggi", "ubar", "sabun", "panghasilan", "pinjem", "tenor", "galbay", "endorse", "promote", "kesepian",
  "apk", "friendship", "relationship",
  // Page-deactivation phishing in Indonesian; the romance scammer's uniform (pipeline 1.5.0).
  "dinonaktifkan", "nonaktifkan", "army", "soldier", "widow", "widower", "peacekeeping",
  // The same threat in Sundanese and Javanese, and in English (pipeline 1.5.4).
  "dinonaktifkeun", "dinonaktifke", "dinonaktifne", "deactivated", "disabled", "unpublished",
]);
const CALL = new Set([
  "dm", "wa", "whatsapp", "hubungi", "kontak", "klik", "link", "daftar", "join", "gabung", "ketik", "minat", "chat", "checkout",
  "follow", "tag", "bio", "inbox", "order", "ngiring", "melu", "telegram", "apply", "klaim", "verifikasi", "kami", "now", "cod", "wanted", "delivery",
  "claim", "redeem", "verify", "appeal", "click", "register", "text", "reply", "japri", "pesen", "tap",
]);
const CLAIMS = [
  "tanpa jaminan", "tanpa survey", "tanpa modal", "tanpa tes", "tanpa pengalaman", "tanpa stok", "modal kecil", "modal ktp", "cepat cair",
  "langsung cair", "bunga rendah", "dijamin", "100%", "terpercaya", "trusted", "lipat", "per hari", "perhari", "/hari", "/minggu",
  "/bulan", "per bulan", "sehari", "sadinten", "seminggu", "passive", "approve kilat", "fast respon", "real indo", "limited",
  "terpilih mendapatkan", "akan diblokir", "proses cepat", "slot terbatas", "tinggal", "no ribet", "no modal", "untung besar", "gaji",
  "terjamin", "rahasia", "ongkir", "dapet", "auto", "gas", "terdaftar", "diblokir", "terbukti", "memenangkan", "undian", "pesan berantai",
  "tanpa olahraga", "cash on delivery", "selamat nomor", "saldo", "pemenang",
  "gift card", "been selected", "you won", "you have won", "connect your wallet", "will be suspended", "will be deleted",
  "will be disabled", "community standards", "within 24", "within 48", "limited time", "work from home", "per day", "a day",
  "per month", "/month", "guaranteed", "double your", "feeling lonely", "serious relationship", "text me", "add me", "add my",
  "no experience", "slots left", "from home", "pesan sekarang", "order sekarang", "uang kembali", "balik modal", "sistem member",
  "keranjang kuning", "di profil", "cek profil", "my profile", "harga khusus", "fee menarik", "paid promote", "limit gede",
  "ga ribet", "gak ribet", "no dc", "saminggu", "ampuh", "chat aku", ".apk", "reseller dibuka", "kulit putih", "kulit bodas",
  "hello dear", "serious friendship", "pengin kenalan", "pengen kenalan", "ingin kenalan", "mau kenalan",
  "hak cipta", "akan dinonaktifkan", "24 jam", "24 hours", "hi dear", "your profile", "can we chat", "you look so", "oil rig",
  // Loans to the blacklisted and dating apps in Sundanese (pipeline 1.7.0).
  "blacklist", "bisa acc", "limit up to", "hoyong kenalan", "cari jodoh", "milarian jodoh", "golek jodoh",
];
// Whether any claim occurs in a string: one regex scan instead of an includes() call per claim (same
// answer: an alternation of the claims as literals matches wherever one of them occurs).
const ANY_CLAIM_RE = new RegExp(CLAIMS.map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"));
// "turun 10kg sebulan", "putih dalam 7 hari", "lose 8kg in 2 weeks": a result promised in a time.
const PROMISE_RE = /\b(?:dalam|in)\s\d+\s?(?:hari|minggu|jam|days?|weeks?)\b|\b\d+\s?kg\s(?:sebulan|seminggu|in)\b/;
const AMOUNT_RE = /\b\d+(?:[.,]\d+)?\s?(?:rb|rebu|ribu|k|jt|juta|yuta|ewu)\b|(?<!\d)\d+\s?%|rp\.?\s?\d|\$\s?\d/;
// Residents asking about or complaining of such offers, or about the village's own programmes.
const RESIDENT = new Set(["kapan", "gimana", "bagaimana", "apakah", "syarat", "syaratna", "bantuan", "blt", "bansos", "pkh", "kades", "pak", "bu", "rt", "rw",
  "warga", "tolong", "mohon", "terjerat", "korban", "tertipu", "ditipu", "penipuan", "hati", "waspada", "hapus", "resah", "umkm", "bumdes",
  "kelas", "pelatihan", "posyandu", "pengajian", "ibu", "bapak", "karang", "taruna", "rapat", "musdes", "sembako",
  // Victims telling what happened to them (pipeline 1.7.0).
  "ketipu", "kabobodo", "dibobodo", "diapusi", "kapusan", "scammed", "lapor", "melapor"]);
// Lost and found: a reward ("hadiah", "imbalan") for a found cat, wallet or motorbike, with the finder's number,
// is a resident's post: a lost thing and a loss word anywhere in it (descriptions and plates sit between them). Money
// to win back, a debt, a loan or a claim ("recover lost funds", "hutang ilang, pinjaman cair", "yang menemukan
// kode ini klaim"), a paid service ("jasa lacak hp") and a loss asked about ("Kartu ATM hilang? Hubungi …", "Lost
// your phone?") are scams' openings. Read by the seller and the offer scores.
const LOST_THING = "dompet|kucing|anjing|kunci|hp|handphone|ktp|sim|stnk|bpkb|kartu|atm|motor|sepeda|tas|kambing|wedhus|embe|domba|sapi|kebo|kerbau|ayam|pitik|hayam|bebek|meri|amplop|wallet|cat|dog|keys?|phone|bag|purse|goat|cow";
const LOST_WORD = "hilang|ilang|kelangan|leungit|lepas|kabur|dicari|ketemu|menemukan|nemu|manggih|weruh|lost|found|find|finds|missing";
const LOST_THING_RE = new RegExp(`\\b(?:${LOST_THING})\\b`);
const LOST_WORD_RE = new RegExp(`\\b(?:${LOST_WORD})\\b`);
const MONEY_BACK_RE = /\b(?:recover\w*|refund\w*|funds?|pinjaman|pinjol|cair|klaim|claim|investasi|investment|crypto|kripto|jasa|lacak gratis|lacak lokasi)\b|\b(?:hutang|utang)\s(?:\S+\s)?(?:ilang|hilang|lunas)\b|\b(?:hilang|ilang|lost|terblokir|diblokir|dicuri)\s?\?|\blost your\b/;

// An app file: "Undangan.apk", "Undangan_Pernikahan.pdf.apk", "undangan.xapk". Not "SiDesa. Apk nya lemot"
// (a sentence starting with "Apk", residents' word for an app).
const APK_RE = /[\p{L}\p{N}_)-]\s?\.x?apk\b/u;
const MAYBE_APK_RE = /apk/i;
// "pak.Apk nya sudah bisa dipakai": a capital A after a full stop starts a sentence; files are "x.apk" or "X.APK".
const SENTENCE_APK_RE = /[\p{Ll}\d]\.Apk\b|\.x?apk\s?-?nya\b/u;
// The file is a lure unless the comment reports harm or warns, and never when it calls the reader to open it.
// A call: an order to open, check or install, not said by or of someone ("saya install", "ibu download"), not
// negated ("jangan buka"), not told as what happened ("setelah klik", "kemarin buka", "terlanjur install"), a few
// words before the file ("cek resi di sini: Cek_Resi.apk", "lihat bukti di Surat_Tilang.apk"), or "silakan/segera/
// langsung … buka". "Jangan lupa download …", "ojo lali mbukak …", "Awas! … lihat bukti di …" are calls.
const OPEN_ORDER = "buka|bukak|klik|cek|check|lihat|liat|update|download|unduh|install|instal|pasang|open|view|tap|click|mbukak|muka|simpan|save|gunakan|pakai|jalankan|bersihkan|scan";
const NEG = "jangan|jgn|jngn|tong|entong|ulah|ojo|aja nganti|do not|don't|don’t|dont|never|not|tidak|tdk|ga|gak|nggak|ngga|teu|ora|untuk tidak|agar tidak";
const NOT_CALLER = `saya|sy|aku|aq|gue|gw|abdi|kula|kulo|aing|i|we|he|she|they|ibu|ibuku|bapak|bapakku|mamah|mama|mamak|emak|ema|ayah|abah|suami|istri|bojo|bojoku|adik|adikku|ade|kakak|kakakku|teteh|aa|anak|anakku|putra|tetangga|nenek|kakek|mbah|mbahku|simbah|nini|aki|mertua|indung|bapa|rt|rw|setelah|sesudah|abis|habis|gara2|gara 2|gara-gara|karena|krn|after|sanggeus|kemarin|kmrn|tadi|td|semalam|sudah|udah|udh|sdh|tos|wis|terlanjur|telanjur|kadung|keburu|hampir|nyaris|ampir|almost|saatos|bar|pas|waktu|nyuruh|disuruh|suruh|menyuruh|minta|meminta|diminta|ngongkon|dikongkon|kita|mau|${NEG}`;
const APK_CALL_RE = new RegExp(`(?<!-|\\b(?:${NOT_CALLER})\\s|\\b(?:${NEG})\\s(?:(?!lupa|lali|hilap|poho)\\S+\\s))\\b(?:${OPEN_ORDER})\\s(?:\\S+\\s){0,4}?\\S*\\.x?apk\\b|\\b(?:silakan|silahkan|segera|langsung|mangga|monggo|please|buruan|ayo|yuk)\\s(?:\\S+\\s)?(?:${OPEN_ORDER}|dibuka|diklik|diinstall|diinstal|didownload|diunduh)\\s(?:\\S+\\s){0,3}?\\S*\\.x?apk\\b|\\.x?apk\\b\\S*\\s(?:\\S+\\s){0,2}?(?:silakan|silahkan|segera|langsung|mangga|monggo|please)\\s(?:\\S+\\s)?(?:buka|install|instal|download|unduh|open|dibuka|diklik|diinstall|diinstal|didownload|diunduh)\\b`);
// A resident quoting the lure ("ada WA masuk isinya 'Segera buka Surat_Tilang.apk'") is not calling anyone.
const QUOTED_RE = /(^|[\s:(])["'“‘][^"'“”‘’]{1,160}["'”’](?=[\s.,!?;:)]|$)/g;
// Someone of the writer's ("saya", "ibu", "suami", "indung abdi", "my mother") and a harm that happened ("dibajak",
// "rekening dikuras", "saldone entek"; not "agar saldo tidak hilang" or "biar HP ga lemot"); or already done
// ("terlanjur install", "kadung ngeklik"); or nearly ("hampir saja mengklik", "I almost clicked").
const APK_PERSON_RE = /\b(?:saya|sy|aku|aq|gue|gw|abdi|kula|kulo|aing|my|i|we|our|ibuku|bapakku|mamah|mama|mamak|emak|ema|ayah|abah|suami|istri|bojo|bojoku|adik|adikku|ade|kakak|kakakku|teteh|aa|anak|anakku|putra|tetangga|nenek|kakek|mbah|mbahku|simbah|nini|aki|mertua|indung|ortu|pak rt|mother|father|mom|mum|dad|wife|husband|son|daughter|brother|sister|neighbou?r|grandma|grandpa)\b/;
const HARM_NEG = "(?<!\\b(?:ga|gak|nggak|ngga|tidak|tak|ora|teu|not|no|biar|agar|supaya|bisar)\\s)";
const APK_HARM_RE = new RegExp(`${HARM_NEG}\\b(?:dibajak|dibobol|bobol|kebobol|kebobolan|diretas|terkuras|dikuras|kekuras|ketipu|tertipu|raib|lemot|error|hacked|drained|stolen|scammed|ludes|diambil alih|dikuasai|disadap|taken over|restart terus|panas terus|lambat|muncul iklan|iklan terus|ngelag|hang|is gone|are gone|was gone|(?:lost|hilang|kehilangan|ilang)\\s(?:rp\\.?\\s?)?\\d|masuk ke nomor lain|pindah ke nomor lain)\\b|\\b(?:saldo|saldone|saldona|uang|uangnya|duit|duite|rekening|rekeningnya|tabungan|m-banking|mbanking|balance)\\S{0,15}\\s(?:(?!ga\\s|gak\\s|tidak\\s|tak\\s|ora\\s|teu\\s|not\\s)\\S{1,20}\\s){0,2}?(?:habis|hilang|ilang|ludes|kosong|entek|beak|raib|dikuras|terkuras|bobol|gone|empty)\\b|\\baccount is (?:empty|gone)\\b`);
const APK_DONE_RE = /\b(?:terlanjur|telanjur|kadung|keburu|kepencet|kapencet|kemasukan|terinstall|terinstal|keinstall|kebuka|untung|untungna|untunge|alhamdulillah belum|thank god|luckily|(?:she|he|i|we) didn't|(?:she|he|i|we) did not)\b|\b(?:hampir|nyaris|ampir|meh|almost)\s(?:saja\s|aja\s)?(?:klik|mengklik|ngeklik|buka|membuka|muka|mbukak|install|menginstall|instal|download|unduh|kepencet|click|clicked|opened|installed|tapped)\b/;
// Help offered to victims is the recovery scam's own lure ("akun dibajak? saya bantu pulihkan, install Recovery.apk").
const APK_OFFER_HELP_RE = /\b(?:(?:saya|kami|aku)\s(?:bisa\s|siap\s)?(?:bantu|pulihkan|memulihkan)|bantu pulihkan|pulihkan segera|segera pulihkan|recover your|restore your|hubungi kami|contact us)\b/;
/** Whether the text names an app file (the verdict then decides between lure, victim and warning). */
function mentionsApk(text: string): boolean {
  return MAYBE_APK_RE.test(text) && APK_RE.test(text.toLowerCase()) && !SENTENCE_APK_RE.test(text);
}
/** Whether a bank's "customer service" is named beside a number (the verdict reads the number itself). */
function bankCsOnPhone(text: string): boolean {
  return MAYBE_BANK_CS_RE.test(text) && CONTACT_HINT_RE.test(text) && BANK_CS_RE.test(text.toLowerCase());
}
function apkVictim(plain: string): boolean {
  if (APK_OFFER_HELP_RE.test(plain)) return false;
  return APK_DONE_RE.test(plain) || (APK_PERSON_RE.test(plain) && APK_HARM_RE.test(plain));
}
// "Hubungi CS resmi BRI via WA 0812…", "hubungi Halo BCA", "hubungi admin BRI di 0812…": a bank on a personal
// number. Not a resident who called the bank ("sudah telpon CS BRI 14017") or asks which number is real.
const MAYBE_BANK_CS_RE = /\b(?:cs|customer|call cent|layanan nasabah|halo|admin|petugas)/i;
const BANK_CS_RE = /\b(?:hubungi|hub|kontak|contact|chat|wa|whatsapp)\s(?:\S+\s)?(?:cs|customer service|customer care|call cent(?:er|re)|layanan nasabah|halo|admin|petugas)\s(?:resmi\s)?(?:bank\s)?(?:bri|bca|bni|mandiri|bsi|btn|bjb|cimb|danamon|permata|brimo|livin|ovo|gopay|shopeepay)\s(?:\S+\s){0,4}?(?:\+?62|0)8\d/;
// A resident who already called the bank, an agent (BRILink) or a resident's own number is not the lure.
const BANK_CS_RESIDENT_RE = /\b(?:sudah|udah|udh|sdh|tadi|kemarin|pernah)\s(?:\S+\s)?(?:hubungi|kontak|chat|telpon|telepon)\b|\b(?:agen|brilink|bri link|ngaku|mengaku|bukan|palsu|nomor saya|no saya|wa saya|hp saya|hati-hati|waspada|awas|penipuan|penipu|modus|hoax|hoaks|scam|jangan percaya)\b/;
// Residents warning each other: "jangan dibuka", "tong diklik", "aja nganti mbukak", "do not open", "untuk tidak
// membuka", "itu virus", "abaikan saja", "laporkan dan blokir". A call to open the file overrides it (above).
const WARN_OPEN = "buka|dibuka|membuka|bukak|mbukak|dibukak|muka|klik|diklik|di-klik|ngeklik|mengklik|install|instal|diinstall|diinstal|menginstall|menginstal|download|didownload|unduh|diunduh|mengunduh|open|opened|click|tap|percaya";
const WARNING_RE = new RegExp(`\\b(?:${NEG})\\s(?:(?!lupa|lali|hilap|poho)\\S+\\s)?(?:${WARN_OPEN})\\b|\\b(?:hati-hati|hati2|ati-ati|ati2|waspada|waspadai|awas|penipuan|penipu|tipu|ditipu|tipuan|modus|hoax|hoaks|scam|virus|malware|beware|careful|abaikan|ignore|laporkan|blokir|diblokir|block|blocked|jangan mau|ojo gelem|ulah daek|ojo percoyo|jangan percaya|playstore|play store|app store|langsung hapus|hapus saja|hapus aja|segera hapus|bukan dari|(?:tidak|tdk|ga|gak|nggak|ngga|teu|ora) pernah (?:kirim|mengirim|ngirim|minta|meminta)|never (?:send|sends|ask|asks))\\b`);

/**
 * The text with every whitespace-separated piece holding an "@" (an e-mail address) blanked out. Linear
 * in the text's length: a regex like /\S+@\S+/ retries from every start and is quadratic on a long
 * run of text without spaces.
 */
function withoutEmails(lower: string): string {
  if (!lower.includes("@")) return lower;
  return lower.split(/(\s+)/).map((piece) => (piece.includes("@") ? " " : piece)).join("");
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Spam verdict for one comment. Reads the raw text (obfuscation lives there) and the normalised form.
 * A comment the urgency stage flagged is never spam: hiding a real emergency costs far more than
 * showing one ad, so `urgent` vetoes the verdict (ads that borrow danger words, "BANJIR PROMO", are
 * kept non-urgent by the urgency model itself).
 */
export const detectSpam: Stage<{ text: string; normalized: string; tokens: string[]; urgent?: boolean }, SpamResult> = (input, _ctx: NlpContext) =>
  input.urgent ? { ...NOT_SPAM } : classifySpam(input.text, input.normalized);

// Anything that could start a spam verdict. Comments with none of these (most residents' comments)
// skip the expensive de-obfuscation entirely.
const GAMBLING_TRIGGERS = new Set<string>([...GAMBLING_STRONG, ...GAMBLING_WEAK]);
// Residents say "harga" and "gratis" all the time; a sale needs a way to reach the seller too.
const CONTACT_HINT_RE = /\d[\d .-]{7,}\d|https?:|www\.|\.(?:com|id|xyz|site|link|co|net|top|info|io|app|shop|store|live|click|help|support|icu|sbs|cfd|cyou|buzz)\b/i;
// Obfuscation the normaliser may have left: digits or symbols inside words, spaced single letters,
// styled letters (mathematical bold/italic, fullwidth, circled, squared) and gambling site names.
const SUSPECT_RE = /[a-z][0-9|$@!€][a-z]|(?:^|[^a-z0-9])[0-9|$@][a-z]{2}|(?:^|\s)\p{L}[\s.\-_*]\p{L}[\s.\-_*]\p{L}(?:[\s.\-_*]|$)|[\u{1D400}-\u{1D7FF}\u{FF21}-\u{FF5A}\u{24B6}-\u{24E9}\u{1F130}-\u{1F189}\u{1D00}-\u{1D22}\u{A730}\u{A731}\u0262\u0274\u0280\u028F\u0299\u029C\u029F\u026A\u01EB]|(?<![a-z])[a-z]{3,}(?:88|77|777|4d|303|138|168|99|69|123|365|888)\b/iu;
// What SUSPECT_RE needs in an ASCII text: a letter beside a digit or | $ @ ! (its first, second and last
// alternatives: every site suffix starts with a digit) or a letter standing first or after white space before a
// separator (spaced letters); its styled letters are not ASCII, and any non-ASCII character lets SUSPECT_RE decide.
// One cheap pass: about half of the texts with a digit have no such letter beside it ("rapat jam 19.30", "RT 03").
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL by definition
const MAYBE_SUSPECT_RE = /[^\x00-\x7f]|[a-z][0-9|$@!]|[0-9|$@][a-z]|(?:^|\s)[a-z][\s.\-_*]/i;
// Asked to give bank details: an order to fill or send (not told as done, as what someone else was told or as
// what not to do, a word before the verb at most: "udah isi", "disuruh segera isi", "jangan berikan", "tidak perlu
// isi"), then within four words an account, card, PIN or OTP that is not where money goes or whose name it is
// ("kirim donasi ke rekening …", "nama rekening") and not a map pin ("kirim pin lokasi").
const BANK_DATA_ASK_RE = /(?<!\b(?:udah|sudah|sdh|udh|terlanjur|telanjur|kadung|disuruh|nyuruh|suruh|dikon|kon|diminta|minta|dipenta|told|asked|jangan|jgn|ulah|ojo|aja|perlu|usah|never|don't|not)\s(?:\S+\s)?)\b(?:isi|isikan|diisi|eusian|isien|kirim|kirimkan|kirimin|masukkan|masukan|input|lengkapi|cantumkan|sertakan|berikan|kasih|lampirkan|update|perbarui|daftarkan|enter|send|provide|fill)\s(?:\S+\s){0,4}?(?<!\b(?:ke|to|via|melalui|nama|atas)\s)(?:no\.?\s?rek(?:ening)?|nom[oe]r\s?rek(?:ening)?|rekening|norek|kode\s?otp|otp|pin(?:\s?atm)?(?!\s?(?:lokasi|location|maps?|point))|nomor\s?kartu|no\.?\s?kartu|kartu\s?atm|cvv|bank details|account number|card number)\b/;
// The lure around it: aid or a prize to claim, and pressure or a reader addressed ("segera", "sebelum kuota
// habis", "anda", "within 24 hours"). A kader's honorarium form, a school's PIP form or a donation account
// names neither.
const AID_LURE_RE = /\b(?:blt|bansos|pkh|bpnt|bantuan|bantosan|hadiah|klaim|claim|pencairan|subsidi|santunan|undian|aid|prize|reward|giveaway|terpilih|selected)\b/;
const PRESSURE_OR_YOU_RE = /\b(?:segera|enggal|gancang|sebelum|hangus|kuota|terbatas|batas waktu|buruan|anda|anjeun|sampeyan|panjenengan|your|you|within|24 jam|1x24)\b/;
// "ini resmi ga?", "asli apa hoax ya?", "tenan ora ya?", "resmi teu?": a resident asking whether the link or message
// is real — the word, at most two more words, a question particle and the question mark ("Bansos PKH resmi dibuka,
// sudah daftar?" and a lure's own "Aman? Resmi? PASTI." are no such question).
const IS_IT_REAL_RE = /\b(?:resmi|asli|beneran|bener|benar|tenan|valid|legit)\s(?:\S+\s){0,2}?(?:ga|gak|gk|nggak|ngga|enggak|tidak|teu|henteu|ora|apa|atau|ya|yah|or not|not)(?:\s(?:min|pak|bu|kak|kang|teh|mas|mbak|ya|yah|sih|nya))?\s?\?/;
// A link that is not the village's or the government's: those pieces (split at spaces, so a long run without a
// space costs one scan, not one per starting position) are left out before looking for another.
function withoutVillageLinks(text: string): string {
  return VILLAGE_SITE_RE.test(text) ? text.split(/\s+/).filter((piece) => !VILLAGE_SITE_RE.test(piece)).join(" ") : text;
}
/** The gate's cheap reading of the bank-data phishing rule (spamVerdict decides). */
function asksBankDataByLink(text: string): boolean {
  const lower = text.toLowerCase();
  return URL_RE.test(lower) && BANK_DATA_ASK_RE.test(lower);
}
/**
 * The fake aid registration: a non-village link, an order to give bank data, aid or a prize with pressure; not a
 * warning, a quote or a question. `link` is URL_RE.test(plain), which the verdict has already read: without it
 * there is no link left once the village's are taken out either (withoutVillageLinks only drops whole pieces
 * between spaces, and no link spans a space), and the other tests are skipped.
 */
function bankDataLure(plain: string, link: boolean): boolean {
  if (!link || !URL_RE.test(withoutVillageLinks(plain))) return false;
  // The ask must be the comment's own (a quoted lure is a resident's report); the link may be quoted.
  const own = plain.replace(QUOTED_RE, "$1 ");
  return BANK_DATA_ASK_RE.test(own) && AID_LURE_RE.test(own) && PRESSURE_OR_YOU_RE.test(own)
    && !WARNING_RE.test(plain) && !IS_IT_REAL_RE.test(plain);
}
// Personal data asked for by an order, the way fake aid registrations and impersonated officials harvest it
// ("Verify your NIK and phone number at bit.ly/…", "silahkan kirim foto KTP + KK ke WA 0852…", "ngeusian NIK
// sareng nomer HP di link ieu"): the order as for bank data (not told as done, as someone else's or as what not to
// do), then within four words an identity number, a family card, an ID photo or one's phone number or address.
const PERSONAL_DATA_ASK_RE = /(?<!\b(?:udah|sudah|sdh|udh|terlanjur|telanjur|kadung|disuruh|nyuruh|suruh|dikon|kon|diminta|dimintai|minta|dipenta|told|asked|jangan|jgn|ulah|ojo|aja|perlu|usah|never|don't|not)\s(?:\S+\s)?)\b(?:isi|isikan|diisi|eusian|ngeusian|eusikeun|isien|ngisi|kirim|kirimkan|kirimkeun|kintun|kintunkeun|kirimke|kirimin|masukkan|masukan|input|lengkapi|cantumkan|sertakan|berikan|kasih|lampirkan|update|perbarui|daftarkan|verifikasi|verify|aktivasi|activate|confirm|enter|send|provide|fill|submit)\s(?:\S+\s){0,4}?(?<!\b(?:ke|to|via|melalui|nama|atas)\s)(?:nik|no\.?\s?ktp|nomor\s?ktp|foto\s?ktp|ktp|kk|kartu\s?keluarga|data\s?diri|biodata|selfie|nom[oe]r\s?(?:hp|wa|telepon|telpon)|no\.?\s?(?:hp|wa)|phone\s?number|id\s?card|home\s?address|address)\b/;
// Where the data is to go: a link that is not the village's or the government's, a mobile or WhatsApp number, or
// this account's inbox ("lewat inbox ke akun ini", "DM aku").
const HARVEST_CHANNEL_RE = /\b(?:wa\.me|inbox|dm|japri|pm|whatsapp)\b|(?:\+?62|\b0)8\d[\d\s.-]{7,14}\d/;
/** A request for personal data to a channel of the asker's, around aid, a prize, a registration or a deadline; not a warning, a quote or a question. */
function personalDataLure(plain: string): boolean {
  const own = plain.replace(QUOTED_RE, "$1 ");
  return PERSONAL_DATA_ASK_RE.test(own) && (URL_RE.test(withoutVillageLinks(plain)) || HARVEST_CHANNEL_RE.test(own))
    && (AID_LURE_RE.test(own) || PRESSURE_OR_YOU_RE.test(own) || REGISTRATION_RE.test(own)) && !WARNING_RE.test(plain) && !IS_IT_REAL_RE.test(plain);
}
const REGISTRATION_RE = /\b(?:pendaftaran|daftar|pendataan|data ulang|verifikasi|aktivasi|registrasi|insentif|honorer|pppk|cpns|prakerja|paling lambat|deadline|before|sebelum)\b/;

// A fee to pay someone on a phone number or a link for an official service or aid ("siapkeun biaya administrasi
// 100rb", "transfer biaya materai 50rb", "fee 25k aja", "namung biaya materai 20ewu"): services of the village, the
// kecamatan and the dukcapil are free or paid at the office, never to a stranger's number. A resident who was asked
// for such a fee says so ("dimintai biaya 100rb sama oknum") and names no number to pay.
const FEE_RE = /(?<!\b(?:dimintai|diminta|dipinta|dipenta|dijaluk|ditarik|minta|nanya|tanya|pungli|tanpa|tidak ada|gak ada|ga ada|no|free of)\s(?:\S+\s)?)\b(?:biaya|biayana|biayane|fee|ongkos|transfer|tf)\s(?:\S+\s){0,2}?(?:\d+(?:[.,]\d+)?\s?(?:rb|rebu|ribu|k|jt|juta|ewu)\b|rp\.?\s?\d)/;
const FEE_SERVICE_RE = /\b(?:administrasi|admin|materai|meterai|pendaftaran|registrasi|aktivasi|pengurusan|ngurus|bantuan|bantosan|bansos|blt|pkh|kis|kks|ktp|nik|kk|insentif|honorer|pppk|cpns|verifikasi|pencairan)\b/;
/**
 * A fee for a service or aid, payable to a number or a link; not a warning or a resident's complaint. The amount is
 * read in `lower` (the lower-cased text: deobfuscate() reads the 0 of "20ewu" as a letter).
 */
function feeLure(plain: string, lower: string): boolean {
  const own = plain.replace(QUOTED_RE, "$1 ");
  return FEE_RE.test(lower.replace(QUOTED_RE, "$1 ")) && FEE_SERVICE_RE.test(own) && (HARVEST_CHANNEL_RE.test(own) || URL_RE.test(withoutVillageLinks(own)))
    && !FEE_COMPLAINT_RE.test(plain) && !IS_IT_REAL_RE.test(plain);
}
// A resident's complaint or warning about such a fee, and the fees of the village's own groups (a karang taruna
// tournament's "biaya 100rb/tim, WA panitia 0812…"). WARNING_RE is too wide here: the lure itself threatens that an
// NIK "diblokir".
const FEE_COMPLAINT_RE = /\b(?:oknum|pungli|pungutan liar|kenapa|kok|mahal|keberatan|protes|lapor|dilaporkan|dimintai|diminta|dijaluk|dipenta|ditarik|hati-hati|hati2|ati-ati|waspada|awas|penipuan|penipu|modus|hoax|hoaks|scam|jangan percaya|jangan transfer|jangan mau|bumdes|pkk|koperasi|poktan|gapoktan|karang taruna|panitia|dkm|sekretariat|kelompok tani)\b/;

// A testimonial with a way to reach the benefactor: the stranger "thanks to whom" a debt was paid, money came or a
// husband came back ("berkat Bu Dewi saya dapat 5 juta … IG beliau @…", "I made $4,000 with Mrs. …'s signals …
// WhatsApp", "utang kula lunas … wa.me/…"). A resident thanking the village or a volunteer names no such gain.
const TESTIMONIAL_GAIN_RE = /\b(?:(?:utang|hutang|utangna|utange|debts?|loan)\s(?:\S+\s){0,3}?(?:lunas|paid|cleared|beres)|(?:dapat|dapet|meraih|kenging|entuk|oleh|menghasilkan|made|earned|earn|won|raup)\s(?:\S+\s){0,2}?(?:rp\.?\s?\d|\$\s?\d|\d+(?:[.,]\d+)?\s?(?:rb|ribu|k|jt|juta|yuta|ewu|million|dollars?)\b)|laris manis|came back|booming|trading|signals?|mentor|coach|spell|pelet|pesugihan|penarikan|withdraw)\b/;
const TESTIMONIAL_THANKS_RE = /\b(?:berkat|thanks to|thank you|terima kasih|makasih|hatur nuhun|matur nuwun|maturnuwun|alhamdulillah|grateful|bantuan spiritual|best decision|changed my life|i made|i earned)\b/;
const TESTIMONIAL_CONTACT_RE = /\b(?:wa\.me|whatsapp|wa|telegram|ig|instagram|email|e-mail|inbox|dm|link di (?:profil|profile|bio)|cek (?:profil|bio)|my profile|profil saya|contact (?:her|him|them)|hubungi (?:beliau|mentor|coach|mbah|ki))\b|@[a-z0-9_.]{3,}|(?:\+?\d[\d\s().-]{8,16}\d)/;
/** Thanks to a stranger for a gain, with the stranger's contact: a testimonial that advertises; not a warning. */
function testimonialLure(plain: string): boolean {
  const own = plain.replace(QUOTED_RE, "$1 ");
  return TESTIMONIAL_THANKS_RE.test(own) && TESTIMONIAL_GAIN_RE.test(own) && TESTIMONIAL_CONTACT_RE.test(own) && !WARNING_RE.test(plain);
}
/** The gate's cheap reading of the three lures above: one of their words and somewhere to send something. */
const LURE_GATE_RE = /\b(?:nik|ktp|kk|kartu keluarga|data diri|biodata|phone number|address|nom[oe]r hp|no hp|biaya|biayana|biayane|fee|ongkos|berkat|thanks to|mentor|coach|lunas|signals?|trading)\b/i;

const NOT_SPAM: SpamResult = Object.freeze({ isSpam: false, score: 0, reason: null }) as SpamResult;

function mayBeSpam(text: string, normalized: string): boolean {
  let sell = false;
  let contact = false;
  let bankData = false;
  for (const w of normalized.split(" ")) {
    if (GAMBLING_TRIGGERS.has(w)) return true;
    if (SELL.has(w)) sell = true;
    else if (CONTACT.has(w)) contact = true;
    if (BANK_DATA_WORDS.has(w)) bankData = true;
  }
  if (sell && (contact || CONTACT_HINT_RE.test(text))) return true;
  if (bankData && asksBankDataByLink(text)) return true;
  if (MAYBE_SUSPECT_RE.test(text) && SUSPECT_RE.test(text)) return true;
  if (LURE_GATE_RE.test(text) && (maybeSuspect(text) || contact || CONTACT_HINT_RE.test(text) || normalized.split(" ").some((w) => CALL.has(w)))) return true;
  if (mentionsApk(text) || bankCsOnPhone(text)) return true;
  // English and slang offers ("followers", "free") are rewritten by the normaliser: read both forms.
  let offer = false;
  let call = false;
  for (const w of `${normalized} ${text.toLowerCase()}`.split(/[^\p{L}\p{N}]+/u)) {
    if (OFFER.has(w)) offer = true;
    else if (CALL.has(w)) call = true;
  }
  if (!offer) return false;
  const lower = text.toLowerCase();
  return call || AMOUNT_RE.test(normalized) || CONTACT_HINT_RE.test(text) || CLAIMS.some((c) => lower.includes(c) || normalized.includes(c));
}

const BIT_TRIGGER = 1;
const BIT_SELL = 2;
const BIT_CONTACT = 4;
const BIT_OFFER = 8;
const BIT_CALL = 16;
/** An app-file word ("apk"), or a bank or wallet name: the rarer rules' regexes run only on such comments. */
const BIT_APK = 32;
const BIT_BANK = 64;
const APK_WORDS = new Set(["apk", "xapk"]);
/** A bank account, card, PIN or OTP word: the bank-data phishing rule's regex runs only on comments with one (and a link). */
const BIT_BANK_DATA = 128;
const BANK_DATA_WORDS = new Set(["rekening", "norek", "rek", "otp", "pin", "cvv", "kartu", "atm", "bank", "account", "card"]);
const BANK_WORDS = new Set(["bri", "bca", "bni", "mandiri", "bsi", "btn", "bjb", "cimb", "danamon", "permata", "brimo", "livin", "ovo", "gopay", "shopeepay"]);
const NON_WORD_RE = /[^\p{L}\p{N}]+/u;
const ASCII_ALNUM_RE = /^[a-z0-9]+$/;

/** OFFER / CALL membership of one word as mayBeSpam reads it (a word in both counts as an offer). */
const OFFER_CALL = new Map<string, number>();
for (const w of CALL) OFFER_CALL.set(w, BIT_CALL);
for (const w of OFFER) OFFER_CALL.set(w, BIT_OFFER);
// Every word recordBits looks up (see there).
const RECORD_LISTED = new Set([...GAMBLING_TRIGGERS, ...SELL, ...CONTACT, ...APK_WORDS, ...BANK_WORDS, ...BANK_DATA_WORDS, ...OFFER_CALL.keys()]);

// The same words as a small open-addressing table over their characters, so the raw text's words
// are looked up where they lie (no lower-cased copy, no split, no substring per word).
const OC_MASK = (1 << 10) - 1;
const ocSlots = new Int32Array(OC_MASK + 1);
const ocWords: string[] = [];
const ocBits: number[] = [];
for (const [w, b] of OFFER_CALL) {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  let slot = h & OC_MASK;
  while (ocSlots[slot] !== 0) slot = (slot + 1) & OC_MASK;
  ocWords.push(w);
  ocBits.push(b);
  ocSlots[slot] = ocWords.length;
}

/** OFFER_CALL bits of the lower-cased ASCII letters and digits text[start, end) with hash h. */
function offerCallAt(text: string, start: number, end: number, h: number): number {
  for (let slot = h & OC_MASK; ocSlots[slot] !== 0; slot = (slot + 1) & OC_MASK) {
    const w = ocWords[ocSlots[slot] - 1];
    if (w.length !== end - start) continue;
    let same = true;
    for (let k = 0; k < w.length && same; k++) {
      const c = text.charCodeAt(start + k);
      same = (c >= 65 && c <= 90 ? c + 32 : c) === w.charCodeAt(k);
    }
    if (same) return ocBits[ocSlots[slot] - 1];
  }
  return 0;
}

/**
 * OFFER / CALL bits of the words of `text` as `text.toLowerCase().split(NON_WORD_RE)` gives them,
 * read in place; -1 when the text is not ASCII (the caller splits it then).
 */
function rawOfferCall(text: string): number {
  let bits = 0;
  let start = -1;
  let h = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 32;
    if (c > 127) return -1;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (start >= 0) {
      bits |= offerCallAt(text, start, i, h);
      start = -1;
    }
  }
  return bits;
}

/** What mayBeSpam reads from one word of the normalised text, kept in its record. */
function recordBits(r: WordRecord): number {
  if (r.spamBits >= 0) return r.spamBits;
  const w = r.text.toLowerCase();
  // A word of ASCII letters and digits (nearly every one) is its own only part: when no list below names
  // it (most words seen for the first time), one look-up answers for the seven.
  const simple = ASCII_ALNUM_RE.test(w);
  if (simple && !RECORD_LISTED.has(w)) return (r.spamBits = 0);
  let bits = GAMBLING_TRIGGERS.has(w) ? BIT_TRIGGER : 0;
  if (SELL.has(w)) bits |= BIT_SELL;
  else if (CONTACT.has(w)) bits |= BIT_CONTACT;
  if (APK_WORDS.has(w)) bits |= BIT_APK;
  else if (BANK_WORDS.has(w)) bits |= BIT_BANK;
  if (BANK_DATA_WORDS.has(w)) bits |= BIT_BANK_DATA;
  if (simple) bits |= OFFER_CALL.get(w) ?? 0;
  else for (const part of w.split(NON_WORD_RE)) bits |= OFFER_CALL.get(part) ?? 0;
  r.spamBits = bits;
  return bits;
}

const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * False only when SUSPECT_RE cannot match (one scan instead of the regex's five alternatives): an
 * ASCII text with no digit or | $ @ ! (which every alternative but the spaced letters needs) and no
 * letter standing alone before a separator (where spaced letters "s l o t" start).
 */
function maybeSuspect(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || (c >= 48 && c <= 57) || c === 124 || c === 36 || c === 64 || c === 33) return true;
    if ((c | 32) >= 97 && (c | 32) <= 122 && (i === 0 || isSpaceCode(text.charCodeAt(i - 1))) && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (isSpaceCode(d) || d === 46 || d === 45 || d === 95 || d === 42) return true;
    }
  }
  return false;
}

/**
 * rawOfferCall(text) from the records of the raw tokens of an ASCII text's lower-cased form (see
 * NormalizedWords.rawWords): each maximal run of letters and digits lies inside one raw token, and
 * recordBits reads a word's runs the same way, so its OFFER / CALL bits are the same words' bits.
 */
function rawWordsOfferCall(rawWords: readonly WordRecord[]): number {
  let bits = 0;
  for (const r of rawWords) bits |= recordBits(r);
  return bits & (BIT_OFFER | BIT_CALL);
}

/**
 * mayBeSpam with the normalised text's words read from their records (same answer). `rawWords` and
 * `suspect`, when the normaliser gives them, stand for scans of the raw text (rawOfferCall, maybeSuspect).
 */
function mayBeSpamWords(text: string, normalized: string, words: readonly WordRecord[], rawWords?: readonly WordRecord[] | null, suspect?: boolean): boolean {
  let any = 0;
  for (const r of words) any |= recordBits(r);
  if (any & BIT_TRIGGER) return true;
  if (any & BIT_SELL && (any & BIT_CONTACT || CONTACT_HINT_RE.test(text))) return true;
  const maySuspect = suspect ?? maybeSuspect(text);
  if (maySuspect && MAYBE_SUSPECT_RE.test(text) && SUSPECT_RE.test(text)) return true;
  // The normalised words name the file ("Undangan.apk" -> "undangan apk") and the bank; a bank's number has
  // digits, which the normaliser's scan reports as suspect.
  if ((any & BIT_APK && mentionsApk(text)) || (any & BIT_BANK && maySuspect && bankCsOnPhone(text))) return true;
  if (any & BIT_BANK_DATA && asksBankDataByLink(text)) return true;
  // The lures' words and somewhere to send something: a number or handle (suspect), a contact or call word, a link.
  if ((maySuspect || any & (BIT_CONTACT | BIT_CALL) || CONTACT_HINT_RE.test(text)) && LURE_GATE_RE.test(text)) return true;
  let offer = (any & BIT_OFFER) !== 0;
  let call = (any & BIT_CALL) !== 0;
  // The raw text's words can only add what the normalised words did not already give.
  const raw = offer && call ? 0 : rawWords ? rawWordsOfferCall(rawWords) : rawOfferCall(text);
  if (raw >= 0) {
    if (raw & BIT_OFFER) offer = true;
    if (raw & BIT_CALL) call = true;
  } else {
    for (const w of text.toLowerCase().split(NON_WORD_RE)) {
      const b = OFFER_CALL.get(w);
      if (b === BIT_OFFER) offer = true;
      else if (b === BIT_CALL) call = true;
    }
  }
  if (!offer) return false;
  if (call) return true;
  const norm = normalized.toLowerCase();
  return AMOUNT_RE.test(norm) || CONTACT_HINT_RE.test(text) || ANY_CLAIM_RE.test(text.toLowerCase()) || ANY_CLAIM_RE.test(norm);
}

/** The learned spam probability (models/spam-v1.json, computed with intent and urgency) and its threshold. */
export interface SpamModelScore { probability: number; threshold: number }

/**
 * The rules' verdict together with the learned score. The rules were written with the train and valid
 * comments in view and miss promotion worded in ways they do not list; the learned score (trained on
 * train+valid and synthetic training comments, threshold chosen by cross-validation for no false alarm) catches
 * those. Either is enough; neither hides an urgent comment (the caller checks urgency first).
 */
export function combineSpam(rule: SpamResult, model: SpamModelScore | undefined, text?: string): SpamResult {
  if (rule.isSpam || !model || model.probability < model.threshold) return rule;
  // A resident asking whether a link or message is real repeats the lure's words, which the learned score reads
  // as the lure itself; the question is for the village to answer, not to hide ("min ini link resmi gak ya? disuruh
  // isi no rekening"). Only the rules can call such a comment spam.
  if (text !== undefined && (IS_IT_REAL_RE.test(text.toLowerCase()) || quotedReport(text) !== null)) return rule;
  return { isSpam: true, score: Math.round(model.probability * 1000) / 1000, reason: "promosi:model" };
}

/** The spam stage over the normaliser's word records: detectSpam's rules (same verdict), then combineSpam with the learned score. */
export function detectSpamWords(input: {
  text: string; normalized: string; normalizedWords: readonly WordRecord[]; urgent: boolean; model?: SpamModelScore;
  /** NormalizedWords.rawWords and .suspect, when at hand (they save two scans of the text). */
  rawWords?: readonly WordRecord[] | null; suspect?: boolean;
}): SpamResult {
  if (input.urgent) return { ...NOT_SPAM };
  const rule = mayBeSpamWords(input.text, input.normalized, input.normalizedWords, input.rawWords, input.suspect) ? spamVerdict(input.text, input.normalized) : NOT_SPAM;
  return rule === NOT_SPAM && !input.model ? { ...NOT_SPAM } : { ...combineSpam(rule, input.model, input.text) };
}

/** The stage's logic without the context (also used by tests and the CLI). */
export function classifySpam(text: string, normalized: string): SpamResult {
  if (!mayBeSpam(text, normalized.toLowerCase())) return { ...NOT_SPAM };
  return spamVerdict(text, normalized);
}

const DIGIT_RE = /\d/;

/**
 * Adds WORD_RE's matches in `s` to `out`. An ASCII string (nearly every comment) is cut where it lies,
 * without the Unicode regex and its match array: there WORD_RE's letters and digits are [A-Za-z0-9].
 */
function addWords(s: string, out: Set<string>): void {
  if (NON_ASCII_RE.test(s)) {
    for (const w of s.match(WORD_RE) ?? []) out.add(w);
    return;
  }
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.add(s.slice(start, i));
      start = -1;
    }
  }
}

/** How many of the characters of `s` are ASCII digits (what \d matches). */
function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

// A resident reporting or warning about spam quotes it ("komen2 yg bilang 'depo 10k WD 2jt situs sebelah' itu judol,
// jangan dipercaya", "ngaklik link 'undian BRI' terus saldo leungit"): outside the quotes, a word of reporting,
// warning or harm. Such a comment is judged by its own words only, and the learned score (which reads the quoted
// lure as the lure) does not decide it.
const REPORT_RE = /\b(?:komen|komen2|komentar|komentar2|comment|comments|postingan|post|report|laporkan|lapor|hapus|dihapus|hapusin|blokir|diblokir|filter|judol|penipuan|penipu|tipu|ditipu|ketipu|tertipu|kabobodo|dibobodo|diapusi|ilegal|illegal|spam|hoax|hoaks|scam|tergiur|waspada|hati2|hati-hati|awas|beware|careful|(?:jangan|jgn|ulah|ojo) (?:percaya|dipercaya|percoyo|klik|diklik|transfer|tergiur|mau|gelem|daek|dibuka|buka|install|instal|isi|diisi|kirim))\b/;
// A link, a WhatsApp link or a mobile number.
const CHANNEL_RE = /https?:\/\/|www\.|wa\.me|\b[a-z0-9-]{2,}\.(?:com|id|net|xyz|site|link|vip|ly|me|co|info|io|app|top)\b|(?:\+?62|\b0)8\d[\d\s.-]{7,14}\d/i;
/**
 * The comment without its quotes when they quote what it reports or warns about; null otherwise. A quote that
 * carries a link or a number ("… gacor88.com wa 0812…" cek komen) is a report only with a warning in the
 * resident's own words: a promotion in quotes with a sales phrase after it ("jangan sampai ketinggalan") is
 * still a promotion.
 */
function quotedReport(text: string): string | null {
  if (!QUOTE_CHAR_RE.test(text)) return null;
  const own = text.replace(QUOTED_RE, "$1 ");
  if (own === text) return null;
  const lower = own.toLowerCase();
  if (!REPORT_RE.test(lower)) return null;
  if (CHANNEL_RE.test(text) && !CHANNEL_RE.test(own) && !WARNING_RE.test(lower)) return null;
  return own;
}
const QUOTE_CHAR_RE = /["'“‘]/;

// The verdict's word lists as bits of one map (a word is looked up once, not once per list).
const V_VILLAGE = 1;
const V_STRONG = 2;
const V_WEAK = 4;
const V_MONEY = 8;
const V_COMPLAINT = 16;
const V_SELL = 32;
const V_CONTACT = 64;
const V_OFFER = 128;
const V_CALL = 256;
const V_RESIDENT = 512;
const VERDICT_WORDS = new Map<string, number>();
for (const [list, bit] of [[VILLAGE_SELLER, V_VILLAGE], [GAMBLING_STRONG, V_STRONG], [GAMBLING_WEAK, V_WEAK], [PROMO_MONEY, V_MONEY], [COMPLAINT, V_COMPLAINT],
  [SELL, V_SELL], [CONTACT, V_CONTACT], [OFFER, V_OFFER], [CALL, V_CALL], [RESIDENT, V_RESIDENT]] as const) {
  for (const w of list) VERDICT_WORDS.set(w, (VERDICT_WORDS.get(w) ?? 0) | bit);
}

/** The full verdict for a comment that passed the cheap mayBeSpam filter. */
function spamVerdict(text: string, normalized: string): SpamResult {
  const own = quotedReport(text);
  return own === null ? verdictOf(text, normalized) : verdictOf(own, own);
}

function verdictOf(text: string, normalized: string): SpamResult {
  const plain = deobfuscate(text);
  const norm = normalized.toLowerCase();
  const words = new Set<string>();
  addWords(plain, words);
  addWords(norm, words);
  const joined = `${plain} \n ${norm}`;
  const ascii = !NON_ASCII_RE.test(text);

  let strong = 0;
  let weak = 0;
  let money = 0;
  let complaint = 0;
  let sell = 0;
  let contact = 0;
  let village = 0;
  let offer = 0;
  let call = 0;
  let resident = 0;
  // One look-up per word for the ten word lists (VERDICT_WORDS) instead of one per list.
  for (const w of words) {
    const b = VERDICT_WORDS.get(w);
    if (b === undefined) continue;
    if (b & V_VILLAGE) village++;
    if (b & V_STRONG) strong++;
    else if (b & V_WEAK) weak++;
    if (b & V_MONEY) money++;
    if (b & V_COMPLAINT) complaint++;
    if (b & V_SELL) sell++;
    if (b & V_CONTACT) contact++;
    if (b & V_OFFER) offer++;
    if (b & V_CALL) call++;
    if (b & V_RESIDENT) resident++;
  }
  // An e-mail address ("nenden.sri88@yahoo.co.id") is not a gambling site name.
  // A site name ends in digits: an ASCII text without one has none (NFKC may turn other characters, "８８", into digits).
  const site = (!ascii || DIGIT_RE.test(text)) && SITE_RE.test(withoutEmails((ascii ? text : text.normalize("NFKC")).toLowerCase()));
  // Promotion phrases count only with gambling evidence (the score below reads them nowhere else).
  let phrases = 0;
  if (strong + weak > 0 || site) for (const p of PROMO_PHRASES) if (joined.includes(p)) phrases++;
  // No ASCII character is an emoji, and the words are counted only when the emojis could be heavy.
  const emojis = ascii ? 0 : (text.match(EMOJI_RE) ?? []).length;
  const emojiHeavy = emojis >= 4 && emojis / Math.max(1, (text.match(WORD_RE) ?? []).length) >= 0.25;

  // Gambling promotion: points from evidence, minus complaint context when evidence is thin.
  const gamblingTerms = strong + weak;
  let g = 0;
  if (gamblingTerms > 0 || site) {
    g = strong * 0.35 + weak * 0.15 + (site ? 0.45 : 0) + Math.min(money, 3) * 0.15 + phrases * 0.3 + (emojiHeavy ? 0.15 : 0) + (URL_RE.test(plain) ? 0.2 : 0);
    if (strong === 0 && !site && phrases === 0) g -= complaint * 0.25;
    // Residents complaining about gambling ads or gambling itself name the games too ("hapus komentar
    // slot", "pemuda main slot di pos ronda"): without a site or a promotion phrase, that context wins.
    else if (!site && phrases === 0) g -= complaint * 0.2;
    if (strong === 0 && !site && phrases === 0 && money === 0) g = Math.min(g, 0.3);
  }
  if (g >= 0.5) {
    const reason = site ? "judi_online:situs" : strong > 0 ? "judi_online" : "judi_online:promosi";
    return { isSpam: true, score: clamp01(g), reason };
  }

  // Seller promotion: an offer plus a contact channel, with a price or number making it concrete.
  // A lost thing, the loss, and no money to win back: a lost-and-found post ("uang hasil jual gabah hilang … ada hadiah").
  // Read only by the seller and offer scores, so only tested when one of them is computed.
  const lostFound = (): boolean => LOST_THING_RE.test(plain) && LOST_WORD_RE.test(plain) && !MONEY_BACK_RE.test(plain);
  // The village's own or a government site ("cibodas.desa.id", "kemensos.go.id") is not a promotion link.
  const link = URL_RE.test(plain);
  const promoUrl = link && !VILLAGE_SITE_RE.test(plain);
  // PHONE_RE needs nine digits ("08" and seven more): most comments have fewer, and skip the copy without separators.
  const hasPhone = digitCount(plain) >= 9 && PHONE_RE.test(plain.replace(/[\s.-]/g, ""));
  let s = 0;
  let lost: boolean | null = null;
  if (sell > 0 && (contact > 0 || hasPhone || promoUrl)) {
    const hasPrice = PRICE_RE.test(plain);
    s = Math.min(sell, 3) * 0.2 + (contact > 0 ? 0.2 : 0) + (hasPhone ? 0.3 : 0) + (hasPrice ? 0.25 : 0) + (promoUrl ? 0.15 : 0) + (emojiHeavy ? 0.1 : 0);
    // A resident asking about prices or aid ("harga pupuk naik, tolong dm admin") is not a seller.
    // Nor is the village selling its own produce ("bumdes jual pupuk organik di kantor desa, hubungi pak ...").
    lost = lostFound();
    s -= complaint * 0.15 + Math.min(village, 2) * 0.2 + (lost ? 0.4 : 0);
  }
  if (s >= 0.6) return { isSpam: true, score: clamp01(s), reason: "promosi_jualan" };

  // An app to install sent as a wedding invitation, a traffic fine or a parcel receipt ("Undangan.apk"):
  // the lure of malware that empties bank accounts. Residents warning each other about it are not spam.
  // (APK_RE needs the letters "apk": a text without them skips the regex.)
  const apk = plain.includes("apk") && APK_RE.test(plain) && !SENTENCE_APK_RE.test(text);
  // A victim's or a warning's app file: the rest of their words ("minta2 pulsa", "saldo habis") are the harm, not an offer.
  const apkSpared = apk && !APK_CALL_RE.test(plain.replace(QUOTED_RE, "$1 ")) && (WARNING_RE.test(plain) || apkVictim(plain));
  if (apk && !apkSpared) return { isSpam: true, score: 0.9, reason: "promosi:aplikasi" };
  // A bank's "customer service" on a mobile or WhatsApp number: banks answer on their call centres (14017,
  // 1500888), never on a personal number; "Kartu ATM hilang? Hubungi CS BRI via WA 0812…" is phishing.
  if (hasPhone && BANK_CS_RE.test(plain) && !BANK_CS_RESIDENT_RE.test(plain)) return { isSpam: true, score: 0.85, reason: "promosi" };
  // A link that asks for a bank account, card, PIN or OTP to get aid or a prize ("Pendaftaran BLT … SEGERA isi data
  // diri & no rekening 👉 s.id/…"): the fake aid registration (bankDataLure).
  if (bankDataLure(plain, link)) return { isSpam: true, score: 0.85, reason: "promosi" };
  // The same registration asking for identity data, a fee for a service paid to a stranger, a testimonial with the
  // benefactor's contact.
  if (personalDataLure(plain) || feeLure(plain, text.toLowerCase()) || testimonialLure(plain)) return { isSpam: true, score: 0.8, reason: "promosi" };

  // Loans, schemes, followers, fake prizes: an offer, a claim and a call to act (offer, call and resident
  // words counted above).
  if (apkSpared) resident += 3;
  let o = 0;
  if (offer > 0) {
    if (lost ?? lostFound()) resident += 2;
    // Claims count only with an offer (the score below reads them nowhere else).
    let claims = PROMISE_RE.test(joined) ? 1 : 0;
    // The score reads at most three claims: the count stops there.
    if (ANY_CLAIM_RE.test(joined)) for (const c of CLAIMS) if (joined.includes(c) && ++claims >= 3) break;
    o = Math.min(offer, 3) * 0.15 + Math.min(call, 2) * 0.15 + Math.min(claims, 3) * 0.2 + (AMOUNT_RE.test(plain) ? 0.15 : 0)
      + (hasPhone ? 0.2 : 0) + (promoUrl ? 0.2 : 0) + (emojiHeavy ? 0.1 : 0);
    o -= Math.min(resident, 3) * 0.2 + (text.includes("?") && claims === 0 ? 0.2 : 0);
  }
  if (o >= 0.6) return { isSpam: true, score: clamp01(o), reason: "promosi" };

  return { isSpam: false, score: clamp01(Math.max(g, s, o, 0)), reason: null };
}

/** Copies of (nearly) the same text in one batch at or above this count are a flood. */
export const FLOOD_MIN_COPIES = 3;
// Short stock replies ("mantap", "terima kasih admin") repeat naturally and are not floods.
const FLOOD_MIN_CHARS = 25;
const FLOOD_MIN_WORDS = 4;

/**
 * Order-insensitive key of the distinct non-number words, so "promo 1", "promo 2" and reordered
 * copies collide: sums of per-word hashes (commutative) instead of sorting the words.
 */
function floodKey(normalized: string): string | null {
  if (normalized.length < FLOOD_MIN_CHARS) return null;
  const key = new FloodKeyBuilder();
  for (const piece of normalized.toLowerCase().split(" ")) key.addParts(floodParts(piece));
  return key.finish();
}

/** floodKey(normalized) from the normaliser's word records of `normalized` (same key; the parts of a word are kept in its record). */
export function floodKeyWords(normalized: string, words: readonly WordRecord[]): string | null {
  if (normalized.length < FLOOD_MIN_CHARS) return null;
  const key = new FloodKeyBuilder();
  for (const r of words) {
    let parts = r.floodParts;
    if (parts === null) r.floodParts = parts = floodParts(r.text.toLowerCase());
    key.addParts(parts);
  }
  return key.finish();
}

/** The words of one space-separated piece of lower-cased text that count for the flood key (numbers do not). */
function floodParts(piece: string): string[] {
  // Simple words (the normaliser's usual output) skip the Unicode regex.
  const parts = SIMPLE_WORD_RE.test(piece) ? [piece] : (piece.match(WORD_RE) ?? []);
  return parts.filter((w) => !DIGITS_ONLY_RE.test(w));
}

/** Distinct words, their length and two 32-bit FNV-1a hash sums (different offsets; sums commute, so order does not count). */
class FloodKeyBuilder {
  private words = new Set<string>();
  private chars = 0;
  private s1 = 0;
  private s2 = 0;

  addParts(parts: readonly string[]): void {
    for (const w of parts) {
      if (this.words.has(w)) continue;
      this.words.add(w);
      this.chars += w.length + 1;
      let h1 = 0x811c9dc5;
      let h2 = 0x01000193 ^ w.length;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      }
      this.s1 = (this.s1 + (h1 >>> 0)) >>> 0;
      this.s2 = (this.s2 + (h2 >>> 0)) >>> 0;
    }
  }

  finish(): string | null {
    if (this.words.size < FLOOD_MIN_WORDS || this.chars < FLOOD_MIN_CHARS) return null;
    return `${this.words.size}:${this.s1}:${this.s2}`;
  }
}

/**
 * Flags copy-paste floods within a batch: every item whose (near-)identical text appears at least
 * FLOOD_MIN_COPIES times becomes spam, unless it is urgent. Returns new results; the inputs are not modified.
 */
export function markFloods(items: { normalized: string; urgent?: boolean; floodKey?: string | null }[], results: SpamResult[], minCopies: number = FLOOD_MIN_COPIES): SpamResult[] {
  if (items.length !== results.length) throw new Error(`markFloods: items (${items.length}) and results (${results.length}) must have the same length`);
  // An item may bring its key (floodKeyWords, computed while its words were at hand).
  const keys = items.map((it) => (it.floodKey !== undefined ? it.floodKey : floodKey(it.normalized)));
  const counts = new Map<string, number>();
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  return results.map((r, i) => {
    const k = keys[i];
    const n = k ? (counts.get(k) ?? 0) : 0;
    // Many residents posting the same "tolong, banjir masuk rumah" is an emergency, not a flood of copies.
    if (n < minCopies || r.isSpam || items[i].urgent) return r;
    return { isSpam: true, score: clamp01(Math.max(r.score, 0.5 + 0.1 * (n - minCopies + 1))), reason: "banjir_salinan" };
  });
}
