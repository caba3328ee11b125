import { describe, expect, it } from "vitest";
import { createPipeline } from "./pipeline";
import { readFileSync } from "node:fs";
import { normalizeWords } from "./normalize";
import { getResources } from "./resources";
import { classifySpam, combineSpam, deobfuscate, detectSpam, detectSpamWords, FLOOD_MIN_COPIES, markFloods } from "./spam";
import { DEFAULT_TOPICS } from "./taxonomy";
import type { NlpContext } from "./types";

const ctx: NlpContext = { topics: [], resources: {} };
const spam = (text: string) => detectSpam({ text, normalized: text.toLowerCase(), tokens: [] }, ctx);

describe("deobfuscate", () => {
  it("undoes leetspeak, spaced letters and styled Unicode letters", () => {
    expect(deobfuscate("s|ot g4cor")).toBe("slot gacor");
    expect(deobfuscate("S.L.O.T")).toBe("slot");
    expect(deobfuscate("5lot")).toBe("slot");
    expect(deobfuscate("𝐬𝐥𝐨𝐭 𝐠𝐚𝐜𝐨𝐫")).toBe("slot gacor");
  });

  it("leaves amounts and site numbers alone", () => {
    expect(deobfuscate("depo 10rb beras 5kg")).toBe("depo 10rb beras 5kg");
    expect(deobfuscate("gacor88")).toBe("gacor 88");
  });
});

describe("detectSpam: online gambling", () => {
  it("flags plain, obfuscated and emoji-heavy gambling promotions", () => {
    for (const t of [
      "slot gacor hari ini maxwin, depo 10rb wd berapapun dibayar",
      "s|ot g4cor anti rungkad, link di bio",
      "🔥🔥🔥🔥 RAJA88 🔥 bonus new member 100% 🎰🎰",
      "main di hoki77 aja bosku, pasti wd",
      "t0g3l 4D jitu, daftar sekarang",
    ]) {
      const r = spam(t);
      expect(r.isSpam, t).toBe(true);
      expect(r.reason, t).toMatch(/^judi_online/);
    }
  });

  it("does not flag residents complaining about gambling", () => {
    for (const t of [
      "warga resah ada judi online di pos ronda, anak muda pada ngumpul sampe subuh",
      "tolong berantas judol, banyak bapak2 di RW 5 kecanduan sampai utang",
      "aya nu judi di pos ronda unggal peuting, mohon ditertibkan",
      "bocah-bocah podo main judi neng warung, tulung dilarang",
    ]) expect(spam(t).isSpam, t).toBe(false);
  });

  it("does not flag an ordinary use of 'slot'", () => {
    expect(spam("slot parkir di pasar desa penuh terus").isSpam).toBe(false);
  });
});

describe("detectSpam: loans, schemes, followers, prizes and phishing", () => {
  // The real pipeline's normalised form, as stored comments are classified.
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const verdict = (text: string) => pipeline.analyze(text).spam;

  it("flags the other promotion that floods village pages", () => {
    for (const t of [
      "pinjaman online cair 5 menit tanpa jaminan, hubungi wa 0813 5566 7788",
      "p1nj0l legal cepat cair, klik link di bio",
      "bisnis online modal 100rb penghasilan jutaan per bulan, join tim kami",
      "jual followers aktif 5rb dapet 1000, trusted, order dm",
      "SELAMAT nomor anda memenangkan undian 25jt, hubungi admin kami untuk klaim",
      "rekening anda akan diblokir, verifikasi sekarang di link ini bank-cek-data.xyz",
      "teh pelangsing turun 7kg sebulan, 100% herbal, order sekarang kak",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: true });
  });

  it("does not flag residents asking about aid, loans or jobs, nor complaints about such offers", () => {
    for (const t of [
      "bantuan modal usaha UMKM dari desa kapan cair ya pak?",
      "warga banyak terjerat pinjol, tolong ada sosialisasi dari desa",
      "lowongan kader posyandu syaratnya apa aja bu?",
      "tolong admin, komentar judi slot di postingan desa dihapus, ganggu banget",
      "pemuda main slot di pos ronda sampai subuh, sampai ngutang ke warung",
      "isi paket sembako bulan ini cuma beras 10kg sama telur? bulan lalu masih ada minyak",
      "pak saya sudah lapor jalan rusak, kalau perlu hubungi saya di 081234567890",
      "terima kasih karang taruna sudah bikin turnamen voli, seru banget",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: false });
  });

  it("flags English and regional lures: phishing, gift cards, crypto, jobs from home, romance bait, apps to install", () => {
    for (const t of [
      "Your page will be suspended for violating community standards. Verify now at fb-help-center.co",
      "Congratulations! You have been selected to win a $250 gift card, claim it here reward-center.top",
      "Connect your wallet to get the free USDT airdrop, limited time only 🚀",
      "Earn $200 per day working from home, no experience needed, text me on WhatsApp",
      "hi dear, I am a lonely widow looking for a serious friendship, add my telegram @rose_love",
      "Paket anda tertahan di gudang, cek resi di file Resi_JNT.apk",
      "ꜱʟᴏᴛ ɢᴀᴄᴏʀ ᴍᴀxᴡɪɴ ʜᴀʀɪ ɪɴɪ, ᴄᴇᴋ ʙɪᴏ",
      "obat peninggi herbal, sebulan naik 5cm dijamin uang kembali, pesen wa 0857 0000 1122",
      "PERINGATAN: akun anda akan dinonaktifkan dalam 24 jam karena laporan hak cipta, ajukan banding di page-appeal-center.help",
      "hi dear, your profile looks so nice. I am a soldier on a peacekeeping mission, can we chat on whatsapp?",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: true });
  });

  it("does not flag residents who warn about such lures or use the same words in their own comments", () => {
    for (const t of [
      "hati-hati warga, ada yang sebar undangan nikah .apk lewat WA, jangan dibuka",
      "Congratulations to the winner of the 17 August cooking contest, the reward was well deserved!",
      "keranjang sampah di depan balai desa udah penuh, tolong diangkut pak",
      "my father is lonely since mom passed, is there a lansia group in this village?",
      "Thank you for the free health check, the nurses were very kind",
      "akun whatsapp saya dibajak dan mau dinonaktifkan, hati-hati kalau ada yang minta pinjam uang atas nama saya",
      "my son joined the army last year, thank you pak kades for the letter of recommendation",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: false });
  });

  it("flags page-deactivation phishing in Sundanese, Javanese and English, not residents whose account was closed", () => {
    for (const t of [
      "Akun Facebook anjeun badé dinonaktifkeun dina 24 jam, gancang verifikasi di fb-akun-aman.site",
      "Akun facebook sampeyan arep dinonaktifke jroning 24 jam, enggal verifikasi neng meta-verify.top",
      "Your account will be deactivated in 24 hours, verify now at meta-support-center.link",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: true });
    for (const t of [
      "akun fb karang taruna dinonaktifkeun ku facebook, kumaha carana banding?",
      "akun wa saya disabled kemarin, gimana cara ngaktifin lagi pak?",
      "lampu PJU di gang mawar disabled sejak minggu lalu, tolong diperbaiki",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: false });
  });

  it("flags a link that asks for a bank account, PIN or OTP to get aid or a prize (the fake aid registration)", () => {
    expect(spam("[INFO RESMI] Pendaftaran BLT Dana Desa 2026 telah dibuka. SEGERA isi data diri & no rekening sebelum kuota habis 👉 s.id/blt-desa26").isSpam).toBe(true);
    expect(spam("[INFO RESMI] Pendaftaran BLT Dana Desa 2026 telah dibuka. SEGERA isi data diri & no rekening 👉 bit.ly/blt-desa26").isSpam).toBe(true);
    expect(spam("Pendaftaran BLT Dana Desa 2026 dibuka! isi data diri lengkap dan no rekening anda di s.id/blt-desa26").isSpam).toBe(true);
    expect(spam("Klaim bansos 2,4 jt, masukkan PIN ATM anda di bansos-kemensos.xyz").isSpam).toBe(true);
    expect(spam("Masukkan nomor kartu ATM anda di https://bri-bansos.xyz untuk pencairan BLT").isSpam).toBe(true);
    // A government site named beside the lure's own link does not clear it.
    expect(spam("Pendaftaran BLT 2026: SEGERA isi no rekening anda di s.id/blt26, info kemensos.go.id").isSpam).toBe(true);
  });

  it("does not flag village forms, donation accounts, victims, quotes or residents asking whether such a link is real", () => {
    expect(spam("Hati-hati ada link s.id/blt-desa26 yang minta isi nomor rekening, itu penipuan").isSpam).toBe(false);
    expect(spam("min ini link s.id/blt-desa26 resmi ga? disuruh isi no rekening").isSpam).toBe(false);
    expect(spam("bu, ieu link s.id/blt-desa26 nyuruh isi no rekening BLT, resmi teu? abdi sieun").isSpam).toBe(false);
    expect(spam("ibu saya udah isi no rekening di link s.id/blt26 itu buat BLT, terus saldonya kekuras 2jt, gimana ngurusnya pak?").isSpam).toBe(false);
    expect(spam("tolong dicek pak, ada yang share di grup WA: 'SEGERA isi data diri & no rekening untuk BLT 👉 s.id/blt-desa26'. bener dari desa?").isSpam).toBe(false);
    expect(spam("Donasi korban banjir: kirim donasi ke rekening BRI 0123-01-000456-50-1 a.n. Karang Taruna, laporan di bit.ly/laporan-donasi").isSpam).toBe(false);
    expect(spam("Warga yg belum dapat bantuan sembako silakan kirim pin lokasi rumah lewat https://forms.gle/sembakoRT3 sebelum jumat").isSpam).toBe(false);
    expect(spam("Honor kader posyandu bulan ini ditransfer, silakan isi nomor rekening BRI atas nama sendiri di https://forms.gle/honorKader2026").isSpam).toBe(false);
    expect(spam("Pendataan RTLH silakan isi data diri di bit.ly/rtlh-cibodas paling lambat jumat").isSpam).toBe(false);
    expect(spam("Pendaftaran BLT: isi nomor rekening di cibodas.desa.id/blt atau datang ke kantor desa").isSpam).toBe(false);
  });

  it("does not read an e-mail address as a gambling site", () => {
    expect(verdict("syarat daftar kader apa saja? email saya dewi.lestari88@gmail.com").isSpam).toBe(false);
  });

  it("does not flag a victim of an app lure asking for help, or the village's own app", () => {
    for (const t of [
      "hp ibu saya kena undangan.apk, saldo habis, gimana ini pak?",
      "kemarin saya install Surat_Tilang.apk, wa saya dibajak, tolong",
      "my mother opened invitation.apk and now her bank account is empty, what should we do",
      "Kemarin anak saya download game.apk dari grup, sekarang hp nya lemot banget",
      "File Surat_Tilang.apk masuk ke WA grup RT, saya hampir klik",
      "Bapak saya buka undangan.apk dari WA, m-banking bobol 5 juta",
      "Tetangga install Surat_Tilang.apk, rekeningnya dikuras 10 juta",
      "Mamah kena undangan.apk, uangnya di rekening hilang semua",
      "Ibuku mbukak undangan.apk, saldone entek kabeh",
      "Indung abdi muka undangan.apk, saldo BRI beak",
      "hp saya dibajak setelah klik undangan.apk, gimana cara memulihkan wa saya?",
      "My phone got hacked after opening invitation.apk, how do I recover my account?",
      "Saya sudah terlanjur install Cek_Resi.apk, apa yang harus saya lakukan?",
      "Suami saya install undangan.apk, WA nya diambil alih orang, sekarang minta2 pulsa ke temen",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: false });
  });

  it("does not flag residents warning about an app file, in any of the four languages", () => {
    for (const t of [
      "Do not open Undangan_Pernikahan.apk, it is malware that steals bank data",
      "Info warga: file Surat_Tilang.apk yang beredar di grup itu virus, tong dibuka",
      "Wargi, entong muka file Undangan.apk nu sumebar di grup WA",
      "Aja dibukak file undangan.apk sing nyebar neng grup, kuwi virus",
      "Sekedar info, ada yang kirim Cek_Resi.apk di grup RT, itu bukan dari kurir, abaikan saja",
      "Ingat ya bapak ibu, kurir asli tidak pernah kirim file .apk, contohnya Cek_Resi_JNT.apk",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: false });
  });

  it("still flags app lures that ask a question, name the village or promise to restore a balance", () => {
    // A question, "gimana", a place or a lost balance is the lure's own wording, not a victim's report.
    for (const t of [
      "Undangan Pernikahan.apk silakan dibuka",
      "Anda kena tilang elektronik ETLE, lihat bukti pelanggaran di Surat_Tilang.apk",
      "Paket anda tertahan, cek resi di sini: Cek_Resi_JNT.apk, sudah terima paketnya?",
      "Ini foto kamu kan? Lihat_Foto.apk",
      "Undangan rapat warga di balai desa, silakan buka Undangan_Rapat.apk",
      "Info bansos BLT dari kantor desa, cek penerima di Cek_Bansos.apk",
      "Tagihan PLN anda kena denda, cek di Tagihan_PLN.apk",
      "Saldo BRI anda hilang? Pulihkan segera di BRImo_Update.apk",
      "What do you think of our wedding? Wedding_Invitation.apk",
      "Bagaimana kabar? Download Undangan.apk ya",
      "Akun WA kamu dibajak? Saya bantu pulihkan, install Recovery_WA.apk",
      // Lure wording that looks like a warning, a victim or a near miss.
      "Undangan pernikahan kami, jangan lupa hadir ya, buka Undangan_Pernikahan.apk",
      "Mohon hadir di pernikahan kami, dengan senang hati kami mengundang, lihat Undangan.apk",
      "Lapor! Anda terkena tilang ETLE, lihat bukti di Surat_Tilang.apk",
      "Hapus aplikasi lama, install Mbanking_Baru.apk sekarang",
      "Kemarin kami kirim undangan tapi error, silakan download ulang Undangan_Baru.apk",
      "Saya kirim foto kemarin, klik Foto_Kita.apk biar ga lemot bukanya",
      "Paket kamu nyaris dikembalikan, buka Cek_Paket.apk sebelum terlambat",
      "Akun anda hampir kena blokir, segera buka Verifikasi_BRI.apk",
      "HP kamu lemot? Saya kasih aplikasi pembersih, download Booster.apk",
      // A space before the dot, or the split-APK format ("SiDesa. Apk nya lemot" is not a file: below).
      "Undangan_Pernikahan .Apk silakan dibuka",
      "undangan.xapk silakan diinstall",
      // The village's own app sent as a file reads exactly like a lure: officials correct such a comment.
      "silakan unduh SiDesa.apk di kantor desa untuk layanan surat online",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: true, reason: "promosi:aplikasi" });
  });

  it("does not flag lost-and-found posts with a reward and the finder's number", () => {
    for (const t of [
      "Dicari kucing hilang warna oren di RT 03, ada reward 500rb bagi yang menemukan, hubungi 0812345678901",
      "Lost my wallet near the mosque yesterday, text me 081234567890 if you found it please",
      "Dompet saya hilang di pasar, isinya KTP dan ATM, yg nemu ada reward 200rb, hubungi 085712345678",
      "Congrats to the winner of the village football cup, RW 05 team!",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: false });
  });

  it("still flags recovery, loan and prize scams that speak of something lost or found", () => {
    for (const t of [
      "Lost your money to fake investment? I help recover lost funds, text me on whatsapp +15551234567",
      "Lost money in crypto? contact recovery expert, guaranteed refund, whatsapp +447700900123",
      "Hutang ilang, pinjaman cair, wa 081234567890",
      "Selamat nomor anda terpilih mendapat hadiah, yang menemukan kode ini klaim di 081234567890",
      "Kartu ATM anda hilang? Hubungi CS resmi BRI via WA 081234567890, proses cepat 24 jam, rekening aman",
      "Kartu ATM hilang atau terblokir? Hubungi CS BRI via WA 081234567890, proses cepat 24 jam",
      "KTP hilang? Bisa pinjem modal KTP aja, limit gede, wa 081234567890",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: true });
  });

  it("does not flag lost-and-found posts that offer a reward in money ('hadiah', 'imbalan uang')", () => {
    for (const t of [
      "Dompet hilang berisi uang 2 juta, KTP dan ATM. Yang menemukan akan diberi hadiah 500rb, hubungi wa 081234567890",
      "Kucing hilang! Hadiah 1 juta bagi yang menemukan, dijamin ikhlas, wa 081234567890",
      "Motor hilang, Beat hitam, yang menemukan dapat hadiah 2 juta, wa 081234567890",
      "Tas hilang di angkot, isinya dompet dan uang gaji bulan ini, tolong yang menemukan hubungi 081234567890, ada imbalan 500rb",
      "Lost cat, orange tabby, reward money 1jt for whoever finds her, whatsapp 081234567890",
      "Leungit hayam jago 3 siki, nu manggih mangga wa 081234567890, aya hadiahna",
    ]) expect(verdict(t), t).toMatchObject({ isSpam: false });
  });
});

describe("detectSpam: sellers", () => {
  it("flags promos with a contact channel", () => {
    const r = spam("Jual beras premium 5kg harga 65rb, minat hub WA 0812-3456-7890");
    expect(r).toMatchObject({ isSpam: true, reason: "promosi_jualan" });
    expect(spam("promo diskon 50% kosmetik original, order dm aja kak").isSpam).toBe(true);
  });

  it("does not flag residents talking about prices or selling harvests", () => {
    expect(spam("harga pupuk naik terus, tolong pak kades perhatikan petani").isSpam).toBe(false);
    expect(spam("warung kuring sepi ti minggu kamari, sayuran teu aya nu meuli").isSpam).toBe(false);
    expect(spam("jalan rusak gk dibenerin2, kapan diaspal?").isSpam).toBe(false);
  });

  it("does not flag the village's own sellers (BUMDes, PKK) who give a number", () => {
    expect(spam("bumdes jual bibit kopi 5rb per polybag di balai desa, yang mau pesan hubungi bu euis 0813 2200 4411").isSpam).toBe(false);
  });

  it("scores in 0..1", () => {
    for (const t of ["slot gacor maxwin depo wd link di bio 🔥🔥🔥🔥", "selamat pagi"]) {
      const r = classifySpam(t, t);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });
});

describe("markFloods", () => {
  const clean = { isSpam: false, score: 0, reason: null };

  it("flags the same long text posted many times, including near copies", () => {
    const flood = "ayo gabung grup kami dapatkan info menarik setiap hari";
    const items = [
      { normalized: flood },
      { normalized: `${flood} 2` },
      { normalized: "hari setiap ayo gabung grup kami dapatkan info menarik" },
      { normalized: "jalan di rt 3 rusak parah mohon diperbaiki" },
    ];
    const out = markFloods(items, items.map(() => clean));
    expect(out.map((r) => r.isSpam)).toEqual([true, true, true, false]);
    expect(out[0].reason).toBe("banjir_salinan");
  });

  it("leaves short stock replies and texts below the copy threshold alone", () => {
    const items = Array.from({ length: 10 }, () => ({ normalized: "terima kasih admin" }));
    expect(markFloods(items, items.map(() => clean)).some((r) => r.isSpam)).toBe(false);
    const two = Array.from({ length: FLOOD_MIN_COPIES - 1 }, () => ({ normalized: "ayo gabung grup kami dapatkan info menarik setiap hari" }));
    expect(markFloods(two, two.map(() => clean)).some((r) => r.isSpam)).toBe(false);
  });

  it("keeps an existing spam verdict and rejects mismatched lengths", () => {
    const prior = { isSpam: true, score: 1, reason: "judi_online" };
    const items = Array.from({ length: 3 }, () => ({ normalized: "slot gacor maxwin hari ini depo receh wd berapapun" }));
    expect(markFloods(items, items.map(() => prior))[0].reason).toBe("judi_online");
    expect(() => markFloods(items, [])).toThrow(/same length/);
  });
});

describe("rules and the learned spam score together", () => {
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const ruleSays = { isSpam: true, score: 0.8, reason: "judi_online" };
  const ruleClear = { isSpam: false, score: 0.3, reason: null };

  it("takes either verdict, the learned one only at its threshold", () => {
    expect(combineSpam(ruleSays, { probability: 0.1, threshold: 0.5 })).toBe(ruleSays);
    expect(combineSpam(ruleClear, { probability: 0.4, threshold: 0.5 })).toBe(ruleClear);
    expect(combineSpam(ruleClear, { probability: 0.91, threshold: 0.5 })).toEqual({ isSpam: true, score: 0.91, reason: "promosi:model" });
    expect(combineSpam(ruleClear, undefined)).toBe(ruleClear);
  });

  it("does not let the learned score hide a resident asking whether a link is real", () => {
    const high = { probability: 0.95, threshold: 0.5 };
    expect(combineSpam(ruleClear, high, "min ini link resmi gak ya? s.id/blt-desa26 disuruh isi no rekening")).toBe(ruleClear);
    expect(combineSpam(ruleClear, high, "min link s.id/blt-desa26 ini asli apa hoax ya? tetangga disuruh isi no rekening")).toBe(ruleClear);
    expect(combineSpam(ruleClear, high, "mas, link s.id/blt-desa26 kon isi no rekening, iki tenan ora ya?")).toBe(ruleClear);
    expect(combineSpam(ruleClear, high, "pinjaman cair 5 menit tanpa jaminan, chat admin")).toEqual({ isSpam: true, score: 0.95, reason: "promosi:model" });
    expect(pipeline.analyze("bu, ieu link s.id/blt-desa26 nyuruh isi no rekening, resmi teu? abdi sieun").spam.isSpam).toBe(false);
  });

  it("finds promotion the rules do not list, and leaves residents' callbacks alone", () => {
    // Neither text is in the corpus or the synthetic training comments.
    const loan = pipeline.analyze("perlu duit buat lebaran? pinjaman kilat cair sejam, tanpa agunan, langsung chat admin kami ya");
    expect(loan.spam.isSpam).toBe(true);
    const callback = pipeline.analyze("pak kades, saya warga rt 03 mau tanya soal surat pindah, tolong telepon saya di 0852 1144 7788");
    expect(callback.spam.isSpam).toBe(false);
    const thanks = pipeline.analyze("makasih banyak karang taruna sudah bikin turnamen voli antar rt, seru pisan 🏐🏐🔥🔥");
    expect(thanks.spam.isSpam).toBe(false);
  });
});

describe("detectSpamWords with the normaliser's raw words", () => {
  it("gives the verdict it gives scanning the raw text itself", () => {
    const file = new URL("../../../test/fixtures/village-corpus/comments.jsonl", import.meta.url);
    const corpus = readFileSync(file, "utf8").split("\n").filter((l) => l.trim().length > 0).map((l) => (JSON.parse(l) as { text: string }).text);
    const odd = ["Butuh DANA? pinjaman cair, WA aja", "Modal kecil untung besar!! Join sekarang", "FREE followers, DM now", "jual pulsa murah, minat?",
      "arisan online aman 100%", "usaha-kerja/hari gabung", "GRATIS ongkir!!! chat admin", "hadiah undian: klaim di bio", "s l o t gacor", "B0NUS cair"];
    const res = getResources();
    for (const text of [...odd, ...corpus]) {
      const f = normalizeWords(text, res.normalize);
      const base = { text, normalized: f.normalized, normalizedWords: f.normalizedWords, urgent: false };
      expect(detectSpamWords({ ...base, rawWords: f.rawWords, suspect: f.suspect }), text).toEqual(detectSpamWords(base));
    }
  });
});

describe("detectSpam: the texts three cold reviews wrote to break the app-file, lost-and-found and bank rules", () => {
  // test/fixtures/spam-review: 275 realistic comments with the verdict a village office expects. A development
  // set (the rules of 1.5.5 and 1.5.6 were written with it in view), kept so no later rule change brings a miss back.
  // Rows marked "open" are known misses, listed in its README; they are not asserted.
  const rows = readFileSync(new URL("../../../test/fixtures/spam-review/review-2026-12-05.jsonl", import.meta.url), "utf8")
    .trim().split("\n").map((l) => JSON.parse(l) as { text: string; spam: boolean; open?: boolean });
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });

  it("gives every settled row its expected verdict", () => {
    const wrong = rows.filter((r) => !r.open && pipeline.analyze(r.text).spam.isSpam !== r.spam).map((r) => `${r.spam ? "missed" : "flagged"}: ${r.text}`);
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => !r.open).length).toBeGreaterThanOrEqual(263);
  });
});

describe("detectSpam: identity-data harvests, fees for services, testimonials, quoted reports (1.7.0)", () => {
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
  const isSpam = (t: string) => pipeline.analyze(t).spam.isSpam;

  it("flags a request for NIK, KK or a phone number sent to a link, a number or an inbox, around aid or a registration", () => {
    for (const t of [
      "Bantuan sembako tahap 4 sudah cair, yg belum dapat silakan isi NIK dan nomor HP di bit.ly/sembako-jabar26 sebelum hari Jumat",
      "mangga kintunkeun foto KTP sareng KK ka WA 0857 2231 4490 kanggo pendataan bansos, enggal nya",
      "Please send your ID card and home address to claim the community grant: tinyurl.com/grant-village",
      "sy admin desa yg baru, utk data ulang PKH silakan kirim NIK + foto KK via inbox ke akun ini 🙏",
    ]) expect(isSpam(t), t).toBe(true);
  });

  it("flags a fee for a document or aid payable to a stranger's number or link", () => {
    for (const t of [
      "Pengurusan KTP dan KK online cepat jadi, biaya administrasi 75rb, hubungi Pak Rudi 0813-4455-6621",
      "aktivasi IKD wajib minggu ini, lewat wa.me/6281277001122 aja fee 30k",
    ]) expect(isSpam(t), t).toBe(true);
  });

  it("flags a testimonial that gives the benefactor's contact", () => {
    for (const t of [
      "Alhamdulillah berkat Bu Ratna utang saya 40 juta lunas dalam 2 bulan, yg mau konsultasi WA beliau 0812 7788 1234",
      "Thanks to Mr. Benson's trading signals I made $2,500 this month, contact him on telegram @bensonfx_signals",
    ]) expect(isSpam(t), t).toBe(true);
  });

  it("does not flag residents: complaints about fees, the village's own fees, thanks, and quoted spam being reported", () => {
    for (const t of [
      "kok ngurus KK di desa dimintai biaya administrasi 100rb sama oknum? bukannya gratis pak?",
      "Turnamen bulutangkis karang taruna, biaya pendaftaran 50rb per pasang, daftar ke panitia WA 0812 3344 5566",
      "terima kasih pak kades berkat perbaikan jalan warga bisa jualan lagi ke pasar",
      "min tolong hapus komen2 yg isinya 'depo 25k wd 3jt situs sebelah', tiap postingan ada 😡",
      "hati2 ada pesan 'kirim NIK dan KK ke WA ini untuk BLT' itu penipuan, jangan dikirim",
      "abdi kabobodo ngaklik link 'hadiah BRI' saldo leungit 2 juta, kedah lapor ka saha?",
      "Kantor desa buka pendaftaran PKH, bawa fotokopi KTP dan KK ke balai desa hari Senin",
    ]) expect(isSpam(t), t).toBe(false);
  });

  it("still flags a promotion put in quotes with a sales phrase or a report word around it", () => {
    // From the cold review of 1.7.0: the quotes alone must not hide an advertisement.
    for (const t of [
      '"SLOT GACOR hari ini maxwin, daftar di gacor88.com wa 0812 3456 7890" jangan sampai ketinggalan',
      '"Pinjol cepat cair tanpa jaminan, langsung chat wa.me/6281234567890" jgn ragu',
      'Jangan ketinggalan: "DEPO 10RB WD 1JT slot gacor link di bio"',
      '"SLOT GACOR maxwin gacor88.com wa 0812 3456 7890" cek komen',
    ]) expect(isSpam(t), t).toBe(true);
  });

  it("gives the round-5 development set its expected verdicts", () => {
    // test/fixtures/village-corpus/synthetic-spam-round5.jsonl: 120 comments written from the annotation guide by a
    // helper session (1.7.0's rules were written with them in view). Rows marked "open" are known misses.
    const rows = readFileSync(new URL("../../../test/fixtures/village-corpus/synthetic-spam-round5.jsonl", import.meta.url), "utf8")
      .trim().split("\n").map((l) => JSON.parse(l) as { text: string; spam: boolean; open?: boolean });
    const wrong = rows.filter((r) => !r.open && isSpam(r.text) !== r.spam).map((r) => `${r.spam ? "missed" : "flagged"}: ${r.text}`);
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => !r.open).length).toBe(119);
  });
});
