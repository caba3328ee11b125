// Every user-visible string of the Laporan Aspirasi Warga and the exports: Indonesian (default) and
// English. Kept next to the report code because the server has no i18n catalogue of its own.
import type { ReportPeriod } from "./period";

export type ReportLang = "id" | "en";
export const REPORT_LANGS = ["id", "en"] as const;

const id = {
  locale: "id-ID",
  title: "Laporan Aspirasi Warga",
  weekly: "Laporan Mingguan",
  monthly: "Laporan Bulanan",
  week: "Minggu",
  month: "Bulan",
  generated: "Dibuat",
  ongoing: "periode belum berakhir; angka bisa masih bertambah",
  page: "Halaman {n} dari {m}",
  kecamatan: "Kecamatan",
  kabupaten: "Kabupaten",
  place: "Kecamatan {kecamatan}, Kabupaten {kabupaten}",
  summary: "Ringkasan",
  summaryIntro: "Komentar warga di akun media sosial desa selama periode ini, setelah spam disaring.",
  comments: "Komentar",
  positif: "Positif",
  netral: "Netral",
  negatif: "Negatif",
  spam: "Spam disaring",
  negativeShare: "Porsi negatif",
  vsPrevWeek: "dibanding minggu lalu",
  vsPrevMonth: "dibanding bulan lalu",
  noPrevious: "tidak ada data periode sebelumnya",
  smallSample: (now: string, before: string) => `${now} negatif (sebelumnya ${before}); sampel kecil`,
  unchanged: "tetap",
  points: "poin",
  trendWeekly: "Tren sentimen 12 minggu terakhir",
  trendMonthly: "Tren sentimen 6 bulan terakhir",
  trendNote: "Jumlah komentar per periode menurut sentimen. Periode laporan ditandai.",
  topConcerns: "Topik yang dibicarakan, paling banyak komentar negatif lebih dulu",
  topic: "Topik",
  count: "Jumlah",
  previous: "Periode lalu",
  change: "Perubahan",
  negShort: "% negatif",
  quotesTitle: "Suara warga per topik",
  quotesIntro: "Kutipan mewakili komentar pada topik ini. Data pribadi disamarkan; nama penulis diganti nomor.",
  resident: "Warga",
  likes: "suka",
  noQuotes: "Tidak ada kutipan yang layak ditampilkan.",
  noComments: "Tidak ada komentar warga pada periode ini.",
  risingTitle: "Istilah yang sedang naik",
  risingIntro: "Kata atau frasa yang jauh lebih sering muncul dibanding 4 periode sebelumnya.",
  risingNone: "Tidak ada istilah yang naik secara berarti pada periode ini.",
  term: "Istilah",
  risingCount: "Komentar periode ini",
  risingBaseline: "Rata-rata per periode sebelumnya",
  sourcesTitle: "Sumber data",
  sourcesIntro: "Akun yang dibaca untuk laporan ini dan keadaan pembacaan terakhirnya.",
  source: "Sumber",
  status: "Status",
  lastRun: "Terakhir dibaca",
  notes: "Catatan",
  fileImport: "Impor berkas",
  never: "belum pernah",
  noSources: "Belum ada sumber data yang terdaftar.",
  failedRuns: "{n} pembacaan gagal pada periode ini",
  statuses: { active: "aktif", paused: "dijeda", error: "bermasalah", needs_login: "perlu masuk ulang", demo: "data contoh" } as Record<string, string>,
  taxonomy: "taksonomi",
  methodTitle: "Catatan metode",
  methodModel: "Sentimen, topik, bahasa dan spam ditentukan otomatis oleh model {model}. Koreksi petugas desa selalu mengalahkan label model.",
  methodAccuracy: "Ketepatan model sentimen, diukur pada data uji yang tidak dipakai untuk melatihnya: {figures}.",
  methodAccuracyOtherVersion: "Ketepatan model sentimen versi {version}, diukur pada data uji yang tidak dipakai untuk melatihnya: {figures}. Komentar periode ini dianalisis dengan versi lain yang belum diukur.",
  methodNoAccuracy: "Akurasi model sentimen belum diukur.",
  methodPrivacy: "Nomor NIK/KK, nomor telepon dan alamat email disamarkan. Akun yang disebut dalam kutipan ikut disamarkan. Nama penulis tidak dicantumkan; \"Warga #1\" dan seterusnya hanya berlaku di dalam laporan ini.",
  methodCaveat: "Angka menggambarkan warga yang berkomentar di media sosial, bukan seluruh warga desa. Gunakan laporan ini sebagai bahan musyawarah, bukan sebagai hasil survei.",
  methodSpam: "Komentar spam (mis. promosi judi daring) tidak dihitung dalam angka sentimen.",
  platforms: { x: "X (Twitter)", facebook: "Facebook", instagram: "Instagram", file: "Berkas" } as Record<string, string>,
  sentiments: { positif: "positif", netral: "netral", negatif: "negatif" } as Record<string, string>,
  // XLSX / CSV
  sheetSummary: "Ringkasan",
  sheetComments: "Komentar",
  sheetTopics: "Topik",
  village: "Desa",
  period: "Periode",
  filters: "Filter",
  item: "Butir",
  value: "Nilai",
  none: "(tidak ada)",
  filterWords: {
    topic: "Topik: {v}",
    sentiment: "Sentimen: {v}",
    intent: "Maksud: {v}",
    needsReply: "Hanya yang perlu dijawab",
    urgent: "Hanya yang darurat",
    caseStatus: "Status tindak lanjut: {v}",
    platform: "Platform: {v}",
    language: "Bahasa: {v}",
    q: "Pencarian: \u201c{v}\u201d",
    from: "Dari tanggal: {v}",
    to: "Sampai tanggal: {v}",
    spamInclude: "Spam ikut dihitung",
    spamOnly: "Hanya spam",
    piiOnly: "Hanya yang memuat data pribadi",
    piiExclude: "Tanpa yang memuat data pribadi",
    sortLikes: "Urut: paling banyak disukai",
    names: "Nama penulis dicantumkan (tercatat di log audit)",
  },
  languages: { id: "Indonesia", su: "Sunda", jv: "Jawa", en: "Inggris", other: "lainnya" } as Record<string, string>,
  col: {
    id: "id",
    time: "waktu_lokal",
    date: "tanggal",
    platform: "platform",
    author: "penulis",
    text: "teks",
    sentiment: "sentimen",
    sentimentOrigin: "asal_sentimen",
    topics: "topik",
    likes: "suka",
    language: "bahasa",
    spam: "spam",
    personalData: "data_pribadi_disamarkan",
    url: "tautan",
  },
  followUpTitle: "Tindak lanjut aspirasi warga",
  followUpIntro: "Komentar yang meminta jawaban (keluhan, pertanyaan, usulan) dikelompokkan per isu. Terlambat: belum dijawab melewati batas waktu jawaban, atau belum selesai melewati target penyelesaian.",
  fuNeedsReply: "Isu baru yang perlu dijawab",
  fuAnswered: "Dijawab di publik",
  fuMedian: "Median waktu sampai jawaban pertama",
  fuOverdue: "Terlambat saat ini (dari isu periode ini)",
  fuHours: "{n} jam",
  fuNoReply: "belum ada jawaban",
  fuByTopic: "Isu yang masih terbuka per topik",
  fuWaiting: "Perlu jawaban",
  fuAnsweredCol: "Dijawab",
  fuHandled: "Ditindaklanjuti",
  fuLate: "Terlambat",
  fuOpenList: "Isu terbuka untuk dibahas",
  fuOpenIntro: "Darurat dan terlambat lebih dulu, lalu yang paling lama menunggu.",
  fuNoOpen: "Tidak ada isu yang masih terbuka.",
  fuMore: "… dan {n} isu terbuka lainnya (lihat lembar Kasus di Excel atau halaman Tindak Lanjut).",
  freshLast: "Data terakhir diambil: {when}",
  freshNever: "Sumber data belum pernah mengambil komentar (data impor atau contoh)",
  freshLatest: "komentar terbaru tertanggal {day}",
  freshStale: "lebih dari sehari tanpa data baru; angka bisa tertinggal",
  freshLogin: "{n} sumber perlu login ulang",
  fuSince: "Sejak",
  fuIssue: "Isu (disamarkan)",
  fuUrgent: "DARURAT",
  noTopic: "Tanpa topik",
  sheetCases: "Kasus",
  caseCols: ["No. isu", "Dibuka", "Topik", "Maksud", "Darurat", "Status", "Terlambat", "Jawaban pertama", "Diteruskan ke", "Komentar", "Isi (disamarkan)"],
  caseStatuses: { perlu_jawaban: "Perlu jawaban", dijawab: "Dijawab", ditindaklanjuti: "Ditindaklanjuti", selesai: "Selesai", diteruskan: "Diteruskan", tidak_perlu: "Tidak perlu tindak lanjut" } as Record<string, string>,
  intents: { keluhan: "Keluhan", pertanyaan: "Pertanyaan", usulan: "Usulan", apresiasi: "Apresiasi", lainnya: "Lainnya" } as Record<string, string>,
  yes: "ya",
  no: "tidak",
  truncated: "Lembar ini hanya memuat {n} komentar pertama. Unduh CSV untuk semua komentar, atau persempit filter.",
};

export type ReportStrings = typeof id;

const en: ReportStrings = {
  locale: "en-GB",
  title: "Residents' Voices Report",
  weekly: "Weekly Report",
  monthly: "Monthly Report",
  week: "Week",
  month: "Month",
  generated: "Generated",
  ongoing: "the period is not over; figures may still grow",
  page: "Page {n} of {m}",
  kecamatan: "District",
  kabupaten: "Regency",
  place: "{kecamatan} District, {kabupaten} Regency",
  summary: "Summary",
  summaryIntro: "Residents' comments on the village's social media accounts in this period, after spam filtering.",
  comments: "Comments",
  positif: "Positive",
  netral: "Neutral",
  negatif: "Negative",
  spam: "Spam filtered",
  negativeShare: "Negative share",
  vsPrevWeek: "vs last week",
  vsPrevMonth: "vs last month",
  noPrevious: "no data for the previous period",
  smallSample: (now: string, before: string) => `${now} negative (before: ${before}); small sample`,
  unchanged: "unchanged",
  points: "points",
  trendWeekly: "Sentiment trend, last 12 weeks",
  trendMonthly: "Sentiment trend, last 6 months",
  trendNote: "Comments per period by sentiment. The report period is marked.",
  topConcerns: "Topics residents talk about, most negative comments first",
  topic: "Topic",
  count: "Count",
  previous: "Previous",
  change: "Change",
  negShort: "% negative",
  quotesTitle: "Residents' voices by topic",
  quotesIntro: "Quotes represent comments on each topic. Personal data is masked; authors are numbered, not named.",
  resident: "Resident",
  likes: "likes",
  noQuotes: "No quote suitable for display.",
  noComments: "No residents' comments in this period.",
  risingTitle: "Rising terms",
  risingIntro: "Words or phrases much more frequent than in the 4 previous periods.",
  risingNone: "No term rose significantly in this period.",
  term: "Term",
  risingCount: "Comments this period",
  risingBaseline: "Average per previous period",
  sourcesTitle: "Data sources",
  sourcesIntro: "Accounts read for this report and the state of their last run.",
  source: "Source",
  status: "Status",
  lastRun: "Last read",
  notes: "Notes",
  fileImport: "File import",
  never: "never",
  noSources: "No data source registered yet.",
  failedRuns: "{n} failed runs in this period",
  statuses: { active: "active", paused: "paused", error: "failing", needs_login: "needs login", demo: "sample data" },
  taxonomy: "taxonomy",
  methodTitle: "Method note",
  methodModel: "Sentiment, topics, language and spam are assigned automatically by model {model}. Corrections by village officials always override the model.",
  methodAccuracy: "Sentiment model accuracy, measured on test data not used to train it: {figures}.",
  methodAccuracyOtherVersion: "Accuracy of sentiment model version {version}, measured on test data not used to train it: {figures}. This period's comments were analysed by another version, not yet measured.",
  methodNoAccuracy: "Sentiment model accuracy not yet measured.",
  methodPrivacy: "ID (NIK/KK) numbers, phone numbers and e-mail addresses are masked. Accounts mentioned in quotes are masked too. Author names are not shown; \"Resident #1\" etc. are valid within this report only.",
  methodCaveat: "Figures describe residents who comment on social media, not all residents. Use this report as input for deliberation, not as a survey result.",
  methodSpam: "Spam comments (e.g. online gambling promotion) are not counted in the sentiment figures.",
  platforms: { x: "X (Twitter)", facebook: "Facebook", instagram: "Instagram", file: "File" },
  sentiments: { positif: "positive", netral: "neutral", negatif: "negative" },
  sheetSummary: "Summary",
  sheetComments: "Comments",
  sheetTopics: "Topics",
  village: "Village",
  period: "Period",
  filters: "Filters",
  item: "Item",
  value: "Value",
  none: "(none)",
  filterWords: {
    topic: "Topic: {v}",
    sentiment: "Sentiment: {v}",
    intent: "Intent: {v}",
    needsReply: "Only those needing an answer",
    urgent: "Only urgent ones",
    caseStatus: "Follow-up status: {v}",
    platform: "Platform: {v}",
    language: "Language: {v}",
    q: "Search: \u201c{v}\u201d",
    from: "From: {v}",
    to: "Until: {v}",
    spamInclude: "Spam included",
    spamOnly: "Spam only",
    piiOnly: "Only those with personal data",
    piiExclude: "Without those with personal data",
    sortLikes: "Sorted by likes",
    names: "Author names included (recorded in the audit log)",
  },
  languages: { id: "Indonesian", su: "Sundanese", jv: "Javanese", en: "English", other: "other" },
  col: {
    id: "id",
    time: "local_time",
    date: "date",
    platform: "platform",
    author: "author",
    text: "text",
    sentiment: "sentiment",
    sentimentOrigin: "sentiment_origin",
    topics: "topics",
    likes: "likes",
    language: "language",
    spam: "spam",
    personalData: "personal_data_masked",
    url: "url",
  },
  followUpTitle: "Follow-up of residents' requests",
  followUpIntro: "Comments that ask for an answer (complaints, questions, proposals), grouped as issues. Overdue: no answer past the reply deadline, or not resolved past the resolution target.",
  fuNeedsReply: "New issues needing an answer",
  fuAnswered: "Answered in public",
  fuMedian: "Median time to the first answer",
  fuOverdue: "Overdue now (of this period's issues)",
  fuHours: "{n} h",
  fuNoReply: "no answer yet",
  fuByTopic: "Open issues by topic",
  fuWaiting: "Needs an answer",
  fuAnsweredCol: "Answered",
  fuHandled: "Being handled",
  fuLate: "Overdue",
  fuOpenList: "Open issues to discuss",
  fuOpenIntro: "Urgent and overdue first, then the longest waiting.",
  fuNoOpen: "No open issues.",
  fuMore: "… and {n} more open issues (see the Cases sheet in Excel or the Follow-up page).",
  freshLast: "Data last fetched: {when}",
  freshNever: "The data sources have never fetched comments (imported or sample data)",
  freshLatest: "newest comment dated {day}",
  freshStale: "no new data for more than a day; figures may lag behind",
  freshLogin: "{n} source(s) need a new login",
  fuSince: "Since",
  fuIssue: "Issue (redacted)",
  fuUrgent: "URGENT",
  noTopic: "No topic",
  sheetCases: "Cases",
  caseCols: ["Issue no.", "Opened", "Topic", "Intent", "Urgent", "Status", "Overdue", "First answer", "Forwarded to", "Comments", "Text (redacted)"],
  caseStatuses: { perlu_jawaban: "Needs an answer", dijawab: "Answered", ditindaklanjuti: "Being handled", selesai: "Resolved", diteruskan: "Forwarded", tidak_perlu: "No follow-up needed" },
  intents: { keluhan: "Complaint", pertanyaan: "Question", usulan: "Proposal", apresiasi: "Appreciation", lainnya: "Other" },
  yes: "yes",
  no: "no",
  truncated: "This sheet holds only the first {n} comments. Download the CSV for every comment, or narrow the filters.",
};

const CATALOGUES: Record<ReportLang, ReportStrings> = { id, en };

/** The report strings of a language. */
export function reportStrings(lang: ReportLang): ReportStrings {
  return CATALOGUES[lang];
}

/** Replaces {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** "3 Des 2026 13.06 WIB": an instant in the village's time zone, as a person writes it. */
export function formatLocalDateTime(d: Date, timeZone: string, lang: ReportLang): string {
  const key = `${lang}|${timeZone}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(CATALOGUES[lang].locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" });
    dateTimeFormats.set(key, f);
  }
  // Intl puts a comma between date and time; the village office writes a space.
  return f.formatToParts(d).map((p, i, all) => (p.type === "literal" && all[i - 1]?.type === "year" ? " " : p.value)).join("");
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** "16 November 2026" for a local calendar day (YYYY-MM-DD). */
export function formatDay(day: string, lang: ReportLang, opts: { withYear?: boolean; short?: boolean } = {}): string {
  const key = `${lang}|${opts.withYear !== false}|${opts.short === true}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(CATALOGUES[lang].locale, {
      day: "numeric",
      month: opts.short ? "short" : "long",
      ...(opts.withYear !== false ? { year: "numeric" } : {}),
      timeZone: "UTC",
    });
    dateFormats.set(key, f);
  }
  return f.format(new Date(`${day}T00:00:00Z`));
}

/**
 * "Minggu 47 · 16–22 November 2026" / "Bulan November 2026": the week as the dashboard names it
 * (its number in the year and its dates), never the ISO key "2026-W47".
 */
export function periodLabel(p: ReportPeriod, lang: ReportLang): string {
  const s = CATALOGUES[lang];
  if (p.kind === "monthly") {
    const month = new Intl.DateTimeFormat(s.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${p.start}T00:00:00Z`));
    return `${s.month} ${month}`;
  }
  const range =
    p.start.slice(0, 7) === p.end.slice(0, 7)
      ? `${Number(p.start.slice(8))}–${formatDay(p.end, lang)}`
      : `${formatDay(p.start, lang, { withYear: p.start.slice(0, 4) !== p.end.slice(0, 4) })} – ${formatDay(p.end, lang)}`;
  return `${s.week} ${Number(p.key.slice(6))} · ${range}`;
}

/** "Desa Mulyasari" whether the stored name has the prefix or not ("Mulyasari Village" in English). */
export function villageDisplayName(name: string, lang: ReportLang): string {
  if (/^(desa|kelurahan|village)\b/i.test(name) || /\bvillage$/i.test(name)) return name;
  return lang === "en" ? `${name} Village` : `Desa ${name}`;
}

/** Short axis label of a period: "16 Nov" for a week, "Nov 2026" for a month. */
export function periodShortLabel(p: ReportPeriod, lang: ReportLang): string {
  if (p.kind === "weekly") return formatDay(p.start, lang, { withYear: false, short: true });
  return new Intl.DateTimeFormat(CATALOGUES[lang].locale, { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${p.start}T00:00:00Z`));
}

/** Integer with thousands separators in the report language. */
export function formatNumber(n: number, lang: ReportLang): string {
  return n.toLocaleString(CATALOGUES[lang].locale);
}

/**
 * A share 0..1 as "34,7%": one decimal, like every share on the dashboard (client i18n
 * `fmt.percent`), so a printed figure reads exactly as it did on screen.
 */
export function formatPercent(share: number, lang: ReportLang): string {
  return new Intl.NumberFormat(CATALOGUES[lang].locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}
