// Sentences written for these tests (not taken from the village corpus), and the rule-review fixture.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createPipeline } from "./pipeline";
import { DEFAULT_TOPICS } from "./taxonomy";
import { decideIntent, featurize, featurizeIntent, INTENT_LABELS, isUrgent, NEEDS_REPLY } from "./intent";
import { detectSpam, markFloods } from "./spam";
import type { NlpContext } from "./types";

const pipeline = createPipeline({ topics: DEFAULT_TOPICS });
const an = (t: string) => pipeline.analyze(t);

describe("intent stage", () => {
  it("tells questions, complaints, proposals, thanks and chatter apart", () => {
    expect(an("Pak, jadwal posyandu bulan depan tanggal berapa ya?").intent).toBe("pertanyaan");
    expect(an("Kumaha carana daftar BPJS di kantor desa? iraha bukana?").intent).toBe("pertanyaan");
    expect(an("got ning RT 4 mampet, banyune mlebu dalan, wis seminggu ora diresiki").intent).toBe("keluhan");
    expect(an("lampu jalan depan masjid mati terus sudah dua minggu, gelap banget kalo malam").intent).toBe("keluhan");
    expect(an("usul pak, gimana kalau tiap minggu diadakan kerja bakti bersihin selokan").intent).toBe("usulan");
    expect(an("hatur nuhun pisan kang kades, jalan ka sawah tos saé").intent).toBe("apresiasi");
    expect(an("Terima kasih bu bidan, pelayanan imunisasinya ramah sekali").intent).toBe("apresiasi");
  });

  it("scores in (0, 1] and needs-reply is keluhan, pertanyaan or usulan", () => {
    const a = an("kapan bantuan pupuk dibagikan min?");
    expect(a.intentScore).toBeGreaterThan(0);
    expect(a.intentScore).toBeLessThanOrEqual(1);
    expect([...NEEDS_REPLY].sort()).toEqual(["keluhan", "pertanyaan", "usulan"]);
  });

  it("prefers a needs-reply class once their summed probability passes the threshold", () => {
    // lainnya is the single most likely class, but keluhan+pertanyaan together pass 0.5.
    const p = Float64Array.from([0.3, 0.25, 0.0, 0.05, 0.4]);
    expect(decideIntent(p, INTENT_LABELS, 0.5).label).toBe("keluhan");
    expect(decideIntent(p, INTENT_LABELS, 0.6).label).toBe("lainnya");
  });
});

describe("urgency stage", () => {
  it("flags life, health or home at risk now, with the triggering terms", () => {
    const a = an("TOLONG air banjir sudah masuk rumah sekarang, ada nenek yang tidak bisa jalan di dalam");
    expect(a.urgent).toBe(true);
    expect(a.urgentTerms).toContain("banjir");
    const b = an("kebakaran di rumah pak Darso gang 3, apinya masih besar, tolong damkar!!");
    expect(b.urgent).toBe(true);
    expect(b.urgentTerms.length).toBeGreaterThan(0);
  });

  it("does not flag past events, aid questions or ads that borrow danger words", () => {
    for (const t of [
      "banjir tahun lalu parah banget ya, semoga tahun ini aman",
      "bantuan buat korban banjir kemarin kapan cair?",
      "BANJIR PROMO!!! sepatu diskon 60% cuma hari ini, order via dm",
      "jalan di depan SD berlubang, kalau hujan jadi kubangan",
    ]) {
      const a = an(t);
      expect(a.urgent, t).toBe(false);
      expect(a.urgentTerms, t).toEqual([]);
    }
  });

  it("finds danger and present-time cues in Sundanese and English too", () => {
    expect(featurize({ surface: "caah asup ka imah ayeuna", normalized: "caah asup ka imah ayeuna" }, 16).dangerTerms).toContain("caah");
    const f = featurize({ surface: "the river is flooding our house right now", normalized: "the river is flooding our house right now" }, 16);
    expect(f.dangerTerms).toContain("flooding");
    expect(f.nowTerms).toContain("right now");
  });

  it("reads regional danger and people words for intent and urgency only, not for the sentiment features", () => {
    const input = { surface: "nini abdi terjebak di luhur hateup, cai beuki luhur ayeuna", normalized: "nini abdi terjebak di luhur hateup, cai beuki luhur ayeuna" };
    const withExtras = featurizeIntent(input, 13);
    expect(withExtras.dangerTerms).toContain("terjebak");
    // The village sentiment model reads featurize: its features stay those it was trained on.
    const plain = featurize(input, 13);
    expect(plain.dangerTerms).not.toContain("terjebak");
    expect(withExtras.idx.slice(0, plain.idx.length)).toEqual(plain.idx);
    expect(withExtras.idx.length).toBeGreaterThan(plain.idx.length);
  });

  it("needs a danger word or a person with a present-time word, and no ad cue, besides the score", () => {
    const person = featurizeIntent({ surface: "mbah lumpuh durung bisa metu saiki", normalized: "mbah lumpuh durung bisa metu saiki" }, 13);
    expect(isUrgent(0.9, person, 0.5)).toBe(true);
    expect(isUrgent(0.4, person, 0.5)).toBe(false);
    const impatient = featurizeIntent({ surface: "tolong jawab min sekarang !!", normalized: "tolong jawab min sekarang !!" }, 13);
    expect(isUrgent(0.99, impatient, 0.5)).toBe(false);
    const ad = featurizeIntent({ surface: "banjir promo diskon sekarang", normalized: "banjir promo diskon sekarang" }, 13);
    expect(isUrgent(0.99, ad, 0.5)).toBe(false);
  });

  it("does not let a risk named as later or a theft word alone through the gate, unless the score waives it", () => {
    const later = featurizeIntent({ surface: "got di gang 4 mampet tolong dikeruk sebelum banjir", normalized: "got di gang 4 mampet tolong dikeruk sebelum banjir" }, 13);
    expect(later.dangerTerms).toContain("banjir");
    expect(isUrgent(0.3, later, 0.2)).toBe(false);
    expect(isUrgent(0.3, later, 0.2, 0.9)).toBe(false);
    expect(isUrgent(0.95, later, 0.2, 0.9)).toBe(true);
    for (const t of ["tiang listrik miring di kampung sukasari , takut roboh", "tolong saluran dikeruk , jangan tunggu banjir lagi"]) {
      expect(isUrgent(0.3, featurizeIntent({ surface: t, normalized: t }, 13), 0.2, 0.9), t).toBe(false);
    }
    const theft = featurizeIntent({ surface: "sepeda anak saya hilang di sekolah tolong", normalized: "sepeda anak saya hilang di sekolah tolong" }, 13);
    expect(isUrgent(0.3, theft, 0.2)).toBe(false);
    const now = featurizeIntent({ surface: "banjir masuk rumah nenek tidak bisa keluar", normalized: "banjir masuk rumah nenek tidak bisa keluar" }, 13);
    expect(isUrgent(0.3, now, 0.2)).toBe(true);
  });
});

describe("a danger that recurs or is left behind is not urgent without a present-time word (urgency v10)", () => {
  const urgentAt = (t: string, prob: number) => isUrgent(prob, featurizeIntent({ surface: t, normalized: t }, 13), 0.2, 0.4);
  it("reads habits and aftermaths as chronic below the gate-waiving score; above it the score decides (urgency v12)", () => {
    for (const t of ["ada yang bakar sampah tiap malam di kampung babakan , asapnya masuk rumah", "aya nu ngaduruk runtah unggal wengi , haseupna asup ka imah",
      "genangan bekas banjir jadi sarang nyamuk , tolong ada fogging", "setelah banjir banyak warga yang gatal-gatal dan diare", "rumah kami langganan banjir , air masuk rumah"]) {
      expect(urgentAt(t, 0.3), t).toBe(false);
      expect(urgentAt(t, 0.99), t).toBe(true);
    }
  });
  it("keeps a danger now urgent when habit words stand beside a present-time word, and a count of minutes is no habit", () => {
    expect(urgentAt("tiap tahun banjir , tapi sekarang air sudah masuk rumah sepinggang", 0.5)).toBe(true);
    expect(urgentAt("unggal taun caah , tapi peuting ieu tanggulna jebol , cai asup ka imah", 0.5)).toBe(true);
    expect(urgentAt("the river floods us every year but tonight the water came into our house", 0.5)).toBe(true);
    expect(urgentAt("tolong istri saya kontraksi tiap 3 menit , ketubannya sudah pecah", 0.5)).toBe(true);
  });
});

describe("a habit or an aftermath beside a danger now does not silence it (urgency v11, the cold review of v10)", () => {
  it("keeps these emergencies urgent: a person hurt or trapped now, a present-time word, a missing person, or a word that is no habit", () => {
    for (const t of [
    "ada anak tenggelam di kolam bekas tambang di belakang kampung, tolong !!",
    "anak tercebur ke kolam bekas galian pasir, tenggelam, warga sedang mencari",
    "anak saya digigit ular, ada bekas gigitan di kaki, sekarang pingsan, tolong",
    "ada kebakaran di gudang bekas di belakang sd, apinya sudah merembet ke rumah warga",
    "20 warga keracunan sisa makanan hajatan, muntah-muntah dan pingsan, tolong ambulans",
    "bayi saya kejang berulang, tidak sadar, tolong ambulans desa",
    "ibu saya pingsan, dia sering sesak napas, tolong ambulans",
    "bapak saya pasien cuci darah rutin, pingsan di rumah, tolong ambulans",
    "kakek jatuh dari pohon, tidak sadar, jangan dibawa ke tukang urut, tolong ambulans",
    "setelah gempa rumah pak rt roboh, ada warga tertimpa, tolong",
    "pasca gempa ada warga tertimpa tembok, tolong evakuasi",
    "habis banjir tanggul jebol, air masuk rumah sepinggang, warga terjebak",
    "rumah pak ujang habis kebakaran, anaknya terjebak di kamar, tolong damkar",
    "sanggeus lini imah abdi rubuh, aya nu katindih, tulung",
    "rumah kami langganan banjir, tapi kali ini air sudah sedada, nenek terjebak di atap",
    "biasana caah teu nepi ka imah, ieu mah cai geus asup ka imah sacangkeng, nini kajebak",
    "biasane banjir ora nganti omah, iki banyune wis mlebu omah, mbah kejebak",
    "it floods every year but this time the water is inside and grandma is trapped",
    "our house always floods but the water is coming into the house fast, my baby is inside, please help",
    "every time we call the ambulance nobody answers, my father is unconscious",
    "tiap tahun banjir, malam ini air sudah masuk rumah, ada lansia di rumah",
    "tolong anak saya umur 5 tahun hilang sejak sore, pakai baju merah, biasanya main di lapangan",
    "anak saya umur 5 tahun hilang sejak sore, dicari warga belum ketemu, selalu pulang sebelum magrib",
    "tolong bantu cari, nenek saya hilang sejak subuh, pakai baju biru, sering lupa jalan pulang",
    ]) expect(an(t).urgent, t).toBe(true);
  });
  it("keeps emergencies an adversarial session wrote beside habit words urgent (urgency v12: the score above the gate-waiving one decides)", () => {
    // Two more of its 25 are missed for reasons outside this rule (they stay missed without the habit words):
    // "tp kini air udah sepaha di rumah2, bayi sama ibu hamil blm dievakuasi" and "bapak sekarat, matanya gak respon".
    for (const t of [
    "Langganan banjir tiap taun sih, tapi yg ini paling parah, air udah sepinggang di dalem rumah, nenek gak bisa keluar kamar, tolong kirim perahu ke RT 04!!",
    "Setiap hujan emang banjir di Cieunteung, nah ini air lg naik cepet banget, warga udah pada naik ke atap, butuh perahu karet!!",
    "Bekas kebakaran minggu lalu nyala lagi!! apinya gede, ada anak kecil di dalam rumah sebelahnya, damkar tolong cepet",
    "Unggal usum hujan caah, tapi poe ieu cai geus nepi ka dada, aki jeung nini teu bisa kaluar ti imah, tulung!",
    "Saben udan mesti banjir, tapi dina iki banyune wis mlebu omah sedada, bocah cilik ora bisa metu, tulung!!",
    "Every year the Citarum floods us but as we speak water is pouring into the houses, my grandma can't get out of her room, please send help",
    "Setelah gempa jam 3 ini rumah bu Imas ambruk, ada anak kecil di dalam belum bisa dikeluarin, butuh alat berat!!",
    "Pasca longsor, hari ini tanah gerak lagi, rumah pak RT retak dan miring, 3 KK msh di dalam, tolong evakuasi",
    "Sisa banjir kmrn belum surut, eh skg hujan lagi, air naik lagi ke rumah, lansia di RT 2 kejebak gak bisa jalan",
    "Setiap tahun longsor di Cibitung, barusan aja bukit runtuh lagi, ada 2 rumah ketimbun, penghuninya belum keluar!!",
    "Setiap malam pasti ada yg bakar sampah, tapi yg ini beda, apinya nyambar ke rumah warga, rumah bu Ela kebakar, anaknya masih tidur di dalam!!",
    "Langganan korslet tiap hujan di gang 5, sekarng kabel putus jatuh ke jalan, ada bocah ketiban kabel, badannya gemeteran",
    "Sanggeus caah, tembok imah pa Ujang rubuh, budakna katiban tembok, teu walakaya, geura tulungan!!",
    "Sakwise banjir, bocah tetangga tiba ning kali, kegawa arus, durung ketemu, tulung sing bisa nglangi!!",
    "After the flood the wall of our neighbour's house collapsed on their son, he is stuck under it and screaming, we need help",
    "Tiap hari Minggu ada yg mancing di situ, tapi barusan ada bocah kecemplung ke situ, belum muncul lagi!!",
    "Setiap sore anak2 main di sungai, skrg ada yg keseret arus sampe ke bendungan, tolong warga yg bisa berenang!!",
    "Menahun tanggul ini bocor, detik2 ini tanggulnya jebol, air masuk deras ke kampung, warga lari ke masjid, banyak yg masih di rumah",
    "Bertahun-tahun jalan ini longsoran, pagi tadi truk masuk jurang bawa 5 orang, korban luka parah, ambulans belum dateng",
    "Setelah kebakaran pasar, asapnya masuk ke rumah, anak saya asma kambuh, napasnya ngik-ngik, gak kuat jalan, tolong ambulans",
    "Tiap musim hujan banjir, ayeuna mah cai ngagolak asup ka imah, si orok jeung indungna aya di loteng, perahu mana?",
    "Bekas gempa rumah udah retak2, nah tembok dapur runtuh barusan, mertua saya ketiban, kakinya gak bisa digerakin, darahnya banyak",
    "Every night the stray dogs roam here, this time one is attacking a kid near the mosque, he's bleeding from the leg, someone come quick!",
    ]) expect(an(t).urgent, t).toBe(true);
  });
  it("lifts the habit gate below the gate-waiving score too once a present-time word or a person in danger names the danger now", () => {
    const f = featurizeIntent({ surface: "tiap tahun banjir , malam ini air sudah masuk rumah", normalized: "tiap tahun banjir , malam ini air sudah masuk rumah" }, 13);
    expect(isUrgent(0.3, f, 0.2, 0.4)).toBe(true);
    const chronic = featurizeIntent({ surface: "tiap tahun banjir , air masuk rumah", normalized: "tiap tahun banjir , air masuk rumah" }, 13);
    expect(isUrgent(0.3, chronic, 0.2, 0.4)).toBe(false);
  });
});

describe("urgency reads more kinds of danger (urgency v6)", () => {
  const terms = (t: string) => featurizeIntent({ surface: t, normalized: t }, 13).dangerTerms;

  it("names medical emergencies, falls, bites, gas and missing children in the four languages", () => {
    expect(terms("bapa abdi teu tiasa nyarios , awakna teu tiasa digerakkeun")).toContain("teu tiasa nyarios");
    expect(terms("bau gas elpiji dari rumah sebelah , takut meledak")).toEqual(expect.arrayContaining(["bau gas", "meledak"]));
    expect(terms("ana bocah kecemplung sumur tua , durung bisa diangkat")).toContain("kecemplung");
    expect(terms("the river is overflowing and water is coming into our houses")).toEqual(expect.arrayContaining(["overflowing", "coming into"]));
    expect(terms("anak saya belum ketemu dari jam 3 sore")).toContain("belum ketemu");
  });

  it("does not count a danger word under a negation", () => {
    expect(terms("pohon tumbang tapi tidak ada yang luka")).not.toContain("luka");
    expect(terms("pohon tumbang tapi tidak ada yang luka")).toContain("pohon tumbang");
    expect(terms("banyu nggenang ning dalan , ora mlebu omah")).toEqual([]);
    expect(terms("no one injured , smoke is gone")).toContain("smoke");
    expect(terms("no one injured , smoke is gone")).not.toContain("injured");
    // The danger word's own negation is part of it.
    expect(terms("bapak saya tidak bisa bicara sejak tadi")).toContain("tidak bisa bicara");
  });

  it("reads a danger as over only when it is not said to go on", () => {
    expect(an("kebakaran di gudang kayu rt 03, api belum terkendali, warga panik").urgent).toBe(true);
    expect(an("kebakaran di gudang kayu rt 03 semalam, alhamdulillah api sudah terkendali").urgent).toBe(false);
  });

  it("flags such emergencies whole, and leaves the same words in a report of the past", () => {
    expect(an("Min tolong, bapak saya jatuh dari pohon kelapa, kakinya patah ga bisa jalan, ambulans desa di mana?").urgent).toBe(true);
    expect(an("anjing gila gigit anak di gang mawar barusan, masih berkeliaran").urgent).toBe(true);
    expect(an("wingi banyune mlebu omah, saiki wis asat, nanging kasure rusak kabeh").urgent).toBe(false);
    expect(an("tahun lalu anak tetangga kecemplung sumur, semoga sumur tua itu segera ditutup").urgent).toBe(false);
  });
});

describe("urgency reads suffixed danger words and missing persons (urgency v7, v8)", () => {
  const terms = (t: string) => featurizeIntent({ surface: t, normalized: t }, 13).dangerTerms;

  it("reads a danger word with -nya, -na, -e, -ne or -ipun as the word itself", () => {
    expect(terms("istri saya ketubannya sudah pecah dari subuh")).toContain("ketubannya");
    expect(terms("bojoku ketubane wis pecah")).toContain("ketubane");
    expect(terms("seuneuna beuki gede ka imah tatangga")).toContain("seuneuna");
    expect(terms("genine wis tekan omah sebelah")).toContain("genine");
  });

  it("keeps the negation, leaves words that only end like one, and reads a suffixed theft word as a theft", () => {
    expect(terms("ga ada yang lukanya parah kok")).toEqual([]);
    expect(terms("ora ana sing lukane , mung kaget")).toEqual([]);
    // "sapie" is no danger word: only listed danger words are read on their stem.
    expect(terms("sapine pak rt lepas ke sawah")).toEqual([]);
    // "malingnya" is "maling": a theft, urgent only on the gate-waiving score, like the word itself.
    expect(an("malingnya tadi udah ketangkep warga, sekarang dibawa ke polsek").urgent).toBe(false);
    expect(an("maling tadi udah ketangkep warga, sekarang dibawa ke polsek").urgent).toBe(false);
  });

  it("reads a person reported missing and searched for as a danger, not a theft (the score still decides)", () => {
    expect(terms("ada anak usia 6 tahun hilang sejak jam 3 sore")).toContain("anak … hilang");
    expect(terms("budak bu iis nu umurna 4 taun leungit ti tabuh 3")).toContain("budak … leungit");
    expect(terms("my neighbor's kid hasn't come home since maghrib")).toContain("kid hasn't come home");
    expect(terms("budak abdi teu acan uih ti sakola , tos magrib")).toContain("budak … uih");
    expect(terms("anaknya bu iis hilang dari jam 2 siang")).toContain("anaknya bu iis hilang");
    expect(an("Ada anak usia 6 tahun hilang sejak jam 3 sore tadi di sekitar lapangan, pakai kaos merah. Mohon warga bantu mencari.").urgent).toBe(true);
    expect(terms("cucu saya umur 4 taun hilang di pasar malam alun-alun , baju kuning , tolong bantu")).toContain("cucu … hilang");
    expect(terms("bocahe pak slamet ilang wiwit bakda ashar , klambi abang , sing weruh tulung kabari")).toContain("bocahe pak slamet ilang");
    // Not a theft any more, but the score must still pass the threshold: "hilang" alone needed the gate-waiving score.
    const f = featurizeIntent({ surface: "ada anak usia 6 tahun hilang sejak jam 3 sore", normalized: "ada anak usia 6 tahun hilang sejak jam 3 sore" }, 13);
    expect(isUrgent(0.3, f, 0.21, 0.4)).toBe(true);
    expect(isUrgent(0.1, f, 0.21, 0.4)).toBe(false);
  });

  it("does not read a lost thing, a pet or a lost mood of a person as a missing person", () => {
    const missing = (t: string) => terms(t).filter((x) => x.includes(" "));
    expect(missing("sepeda anak saya hilang di sekolah, ada yang lihat")).toEqual([]);
    expect(missing("seragam olahraga anak saya hilang tadi pagi , ada yg liat")).toEqual([]);
    expect(missing("kacamata nenek saya hilang dari tadi pagi")).toEqual([]);
    expect(missing("anak entog saya ilang 3 ekor tadi sore , ada yg liat ?")).toEqual([]);
    expect(missing("anak saya hilang semangat belajar sejak pandemi")).toEqual([]);
    expect(missing("anak saya tidak hilang kok , sudah di rumah nenek sejak tadi")).toEqual([]);
    expect(missing("anak saya bilang hp-nya hilang sejak kemarin di angkot , ada yg lihat ?")).toEqual([]);
    expect(missing("anak sekarang hilang sopan santunnya sejak ada hp")).toEqual([]);
    expect(missing("anak saya demamnya belum hilang sejak 3 hari")).toEqual([]);
    // Missing without any search, since or clothing word: not decided by the rule (the score decides).
    expect(terms("anak saya belum pulang dari pondok , katanya lagi ujian")).toEqual(["belum pulang"]);
    expect(an("sepeda anak saya hilang di parkiran sekolah, ada yang lihat?").urgent).toBe(false);
    expect(an("anak yg hilang kemarin udah ketemu di rumah neneknya, terima kasih semua yg ikut nyari").urgent).toBe(false);
  });

  it("flags a birth with the waters broken asked of the midwife", () => {
    expect(an("bu bidan desa ada di rumah ga? istri sy ketubannya udh pecah dr subuh, mobil ga ada, jalan ke puskesmas putus").urgent).toBe(true);
    expect(an("bu bidan ning endi ya? bojoku arep nglairake, ketubane wis pecah, ambulan desa bisa mrene saiki ora").urgent).toBe(true);
  });
});

describe("spam is lainnya", () => {
  it("gives a promotion intent lainnya even when it borrows a resident's words", () => {
    const a = an("Butuh uang cepat buat bayar sekolah anak? pinjaman tanpa jaminan cair 10 menit, limit 15jt, chat wa 0812 7788 1100");
    expect(a.spam.isSpam).toBe(true);
    expect(a.intent).toBe("lainnya");
    expect(a.intentScore).toBe(Math.round(a.spam.score * 1000) / 1000);
  });

  it("marks copy-paste floods lainnya too, in a batch", () => {
    const text = "kunjungi toko kami di pasar baru ada banyak pilihan baju lebaran anak";
    const out = pipeline.analyzeBatch([text, text, text]);
    expect(out.every((a) => a.spam.isSpam && a.intent === "lainnya")).toBe(true);
  });
});

describe("spam respects urgency", () => {
  const ctx: NlpContext = { topics: [], resources: {} };
  it("never hides an urgent comment as spam", () => {
    const text = "slot gacor deposit 10rb link di bio";
    expect(detectSpam({ text, normalized: text, tokens: [] }, ctx).isSpam).toBe(true);
    expect(detectSpam({ text, normalized: text, tokens: [], urgent: true }, ctx).isSpam).toBe(false);
  });

  it("does not mark repeated urgent messages as a copy-paste flood", () => {
    const clean = { isSpam: false, score: 0, reason: null };
    const items = Array.from({ length: 5 }, () => ({ normalized: "tolong banjir masuk rumah rt 2", urgent: true }));
    expect(markFloods(items, items.map(() => clean)).some((r) => r.isSpam)).toBe(false);
    const plain = items.map((i) => ({ normalized: i.normalized }));
    expect(markFloods(plain, plain.map(() => clean)).every((r) => r.isSpam)).toBe(true);
  });
});

describe("urgency and the bank-data rule on the texts a cold review wrote against them", () => {
  // test/fixtures/rule-review: 156 comments two cold reviews wrote, with the verdict the guide gives; a development set
  // (1.6.2 and 1.6.3 were written with them in view), kept so a later change cannot bring a fixed error back; and 63 an
  // adversarial session wrote against urgency v13's memory and fallen-tree gates (withdrawn: they silenced 27 of these
  // emergencies), kept so such a gate cannot come back. Rows marked "open" are known errors listed in its README; they
  // are not asserted.
  const rows = ["2026-12-05-a", "2026-12-05-b", "2026-12-06-c"].flatMap((part) => readFileSync(new URL(`../../../test/fixtures/rule-review/review-${part}.jsonl`, import.meta.url), "utf8")
    .trim().split("\n").map((l) => JSON.parse(l) as { text: string; urgent: boolean; spam: boolean; open?: boolean }));

  it("gives every settled row its expected urgency and spam verdict", () => {
    const wrong = rows.filter((r) => !r.open).flatMap((r) => {
      const a = an(r.text);
      return a.urgent === r.urgent && a.spam.isSpam === r.spam ? [] : [`${r.urgent ? "urgent" : "ordinary"}/${r.spam ? "spam" : "not spam"}: ${r.text}`];
    });
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => !r.open).length).toBeGreaterThanOrEqual(158);
  });
});
