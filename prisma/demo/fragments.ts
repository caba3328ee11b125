// Hand-written fragments for the demo village's comments and posts. The generator combines them
// (opener + core + add-on + closer + emoji, slang rewriting, slot filling) so twelve weeks of
// comments read like a real village rather than a handful of repeated strings.
//
// Template mini-language (expanded innermost-first, so pieces nest):
//   {a|b|c}  one alternative at random (an empty alternative is allowed: {sangat|})
//   {?text}  text or nothing (50/50)
//   {slot}   a named slot: text slots below, or computed ones (rt, rw, rtrw, phone, nik, n2, n3,
//            lama, jam) filled by the generator.
// All names, phone numbers and NIKs are invented; see generateDemo.ts for how numbers are made
// obviously fake while staying well-formed.

export type Lang = "id" | "su" | "jv" | "en";
export type Tone = "neg" | "neu" | "pos";
export type LangTexts = Partial<Record<Tone, readonly string[]>>;

export interface Theme {
  /** Relative weights of negative, neutral, positive comments for this theme. */
  tone: readonly [number, number, number];
  texts: Partial<Record<Lang, LangTexts>>;
  /** Replies the village admin posts under comments of this theme. */
  admin?: readonly string[];
  /** The village's own announcements on this theme (formal Indonesian). */
  posts?: readonly string[];
}

export const TEXT_SLOTS: Record<string, readonly string[]> = {
  dusun: ["Dusun Krajan", "Dusun Sukamaju", "Dusun Cikalong", "Dusun Pasirjaya", "dusun Krajan", "dusun Cikalong", "Dusun 3", "dusun 4"],
  dusun_su: ["Dusun Krajan", "dusun Sukamaju", "dusun 2", "Cikalong", "Pasirjaya", "lembur Krajan"],
  kampung: ["Kampung Babakan", "Kp. Babakan", "Kampung Cibogo", "Kp. Pasirtanjung", "Kampung Leuwisari", "Kp. Tegalwaru", "Kampung Sukasari"],
  tempat: [
    "depan Masjid Al-Ikhlas", "deket SDN Mulyasari 1", "pertigaan Sukamaju", "samping pos ronda", "depan balai desa",
    "dekat jembatan irigasi", "Gang Mawar", "depan warung Bu Entin", "belakang madrasah", "dekat lapang bola",
    "ujung gang Melati", "depan pabrik penggilingan padi", "sebelah makam", "depan TK Pertiwi",
  ],
  jalan_sm: [
    "Jalan Dusun Sukamaju", "jalan Sukamaju", "jalan ke Sukamaju", "jalan dusun 2", "jalan poros Sukamaju–Cikalong",
    "Jln. Sukamaju", "jalan Sukamaju arah sawah", "jalan utama Dusun Sukamaju",
  ],
  banjir_lok: ["RT 03 RW 02", "rt 3 rw 2", "RT 03/RW 02", "Dusun Krajan", "Krajan", "RT 04 RW 02", "pinggir saluran irigasi Krajan", "Gang Mawar Krajan", "Kp. Babakan"],
  program: ["BLT Dana Desa", "BLT DD", "PKH", "BPNT", "BLT", "bansos", "sembako BPNT"],
  pejabat: ["pak kades", "Pak Kades", "pak sekdes", "pak kadus", "pak RT", "pak RW", "perangkat desa", "aparat desa"],
  sapaan: ["pak", "min", "bu", "kang", "pak kades", "admin"],
  sapaan_su: ["pa", "kang", "pa kades", "pa kuwu", "min", "ceu", "mang"],
  hewan: ["kucing", "ayam", "motor"],
  emo_neg: ["😡", "😤", "😩", "😢", "😭", "🤦‍♂️", "🙏", "💔", "😠"],
  emo_pos: ["👍", "🙏", "❤️", "😊", "👏", "💪", "🔥", "🥰", "✨", "👍👍"],
  emo_neu: ["🙏", "🤔", "😊", "🙏🙏", "👀"],
};

// Openers and closers by language and tone. "@admin" is replaced by the platform's mention form.
export const OPENERS: Record<Lang, Record<Tone, readonly string[]>> = {
  id: {
    neg: [
      "Pak kades,", "Assalamualaikum pak,", "Punten min,", "Min,", "Mohon maaf sebelumnya,", "Izin lapor,", "@admin",
      "Tolong dong,", "Pak,", "Admin desa,", "Mohon izin menyampaikan,", "Halo min,", "Permisi pak,", "Maaf pak,",
      "Min tolong dibaca,", "Ini gimana ya,", "Astagfirullah,", "Hadeuh,", "Duh,",
    ],
    neu: ["Min mau tanya,", "Permisi,", "Izin bertanya,", "Assalamualaikum,", "Punten,", "@admin", "Halo min,", "Pak mau nanya,", "Maaf mau tanya,", "Selamat siang,"],
    pos: ["Alhamdulillah,", "Mantap,", "Terima kasih pak kades,", "Masya Allah,", "Keren,", "Salut,", "Alhamdulillah ya Allah,", "Mantul,", "@admin"],
  },
  su: {
    neg: ["Punten pa,", "Pa kades,", "Punten min,", "Sampurasun,", "Euy,", "Aduh,", "Kang,", "Pa kuwu,", "Hampura sateuacanna,"],
    neu: ["Punten bade naros,", "Sampurasun,", "Punten,", "Min,", "Wilujeng enjing,", "Punten kang,"],
    pos: ["Alhamdulillah,", "Hatur nuhun pa kades,", "Mantap pisan,", "Sae pisan,", "Hatur nuhun,"],
  },
  jv: {
    neg: ["Nuwun sewu pak,", "Pak,", "Lur,", "Min,", "Wah,"],
    neu: ["Nuwun sewu,", "Tanya min,", "Pak,", "Lur,"],
    pos: ["Alhamdulillah,", "Matur nuwun pak,", "Mantep,", "Apik tenan,"],
  },
  en: {
    neg: ["Hi admin,", "Sorry but", "Honestly,", "Dear village office,"],
    neu: ["Hi,", "Quick question:", "Hello admin,"],
    pos: ["Wow,", "Great job,", "Nice,", "Alhamdulillah,"],
  },
};

export const CLOSERS: Record<Lang, Record<Tone, readonly string[]>> = {
  id: {
    neg: [
      "Mohon segera ditindaklanjuti.", "Tolong diperhatikan.", "Jangan cuma janji.", "Kasihan warga.",
      "Sudah lapor ke RT tapi belum ditanggapi.", "Gimana ini pak?", "Sampai kapan begini?", "Mohon perhatiannya.",
      "Sudah berkali-kali lapor, tidak ada kabar.", "Warga butuh bukti bukan janji.", "Tolong jangan diam saja min.",
      "Jangan pas kampanye saja datang.", "Malu sama desa sebelah.", "Capek lapor terus.", "Minimal dijawab lah min.",
      "Kami bayar pajak juga pak.", "Semoga dibaca.", "Mohon maaf kalau kurang berkenan.",
    ],
    neu: ["Terima kasih.", "Makasih min.", "Mohon infonya.", "Ditunggu jawabannya.", "Terima kasih sebelumnya.", "Mohon pencerahannya.", "Nuhun.", "Info ya min."],
    pos: [
      "Semoga makin maju desa kita.", "Sukses terus.", "Sehat selalu pak kades.", "Semoga berkah.", "Lanjutkan!",
      "Terima kasih banyak.", "Bangga jadi warga Mulyasari.", "Gercep pokoknya.", "Semoga amanah.", "Jazakallah khair.",
    ],
  },
  su: {
    neg: ["Mugia gancang dilereskeun.", "Punten diperhatoskeun.", "Karunya warga.", "Tos lapor ka pa RT can aya jawaban.", "Kumaha ieu teh?", "Ulah ngan jangji wungkul.", "Bosen lapor wae."],
    neu: ["Hatur nuhun.", "Nuhun min.", "Punten infona.", "Diantos waleranana."],
    pos: ["Mugia langkung maju.", "Sing sehat salawasna pa.", "Hatur nuhun pisan.", "Mugia barokah.", "Bangga jadi warga Mulyasari."],
  },
  jv: {
    neg: ["Mugi ndang didandani.", "Piye iki pak?", "Ojo mung janji.", "Wis kesel lapor terus."],
    neu: ["Matur nuwun.", "Suwun min.", "Nyuwun info."],
    pos: ["Mugi tambah maju.", "Sehat terus pak.", "Matur nuwun sanget."],
  },
  en: {
    neg: ["Please fix this soon.", "Please follow up.", "This is really frustrating.", "Hope someone reads this."],
    neu: ["Thanks.", "Thanks in advance.", "Any info?"],
    pos: ["Keep it up!", "Proud of our village.", "Thank you so much."],
  },
};

// Add-ons that lengthen complaints with realistic detail (Indonesian only; slang rewriting varies them).
export const ADDONS_NEG: readonly string[] = [
  "Sudah {lama} begini.", "Udah lapor ke pak RT tapi katanya tunggu saja.", "Tiap hari warga mengeluh.",
  "Warga sudah sabar dari kemarin.", "Kemarin sudah ditanyakan ke kadus juga.", "Sudah difoto dan dikirim ke grup WA RT.",
  "Coba bapak lewat sendiri ke sini.", "Padahal sudah pernah dibahas waktu musdes.", "Katanya mau diurus tapi sampai sekarang belum ada.",
  "Warga {kampung} juga sama ngeluhnya.", "Ini bukan pertama kalinya.", "Gk ada kabar sama sekali.", "Udh lapor blm ditanggepin.",
];

// Resident replies under another resident's comment.
export const REPLY_OPENERS: Record<Lang, Record<Tone, readonly string[]>> = {
  id: {
    neg: ["Betul banget,", "Sama di RT kami juga,", "Setuju,", "Bener,", "Iya nih,", "Sama kang,", "Iya sama,", "Nah ini,", "Sepakat,", "Tul,"],
    neu: ["Coba tanya ke pak RT langsung,", "Katanya sih", "Setahu saya", "Info dari grup RT,", "Kemarin dengar", "Ikut nanya,"],
    pos: ["Aamiin,", "Betul,", "Setuju,", "Iya alhamdulillah,", "Mantap,"],
  },
  su: {
    neg: ["Leres pisan,", "Sami di dieu oge,", "Muhun,", "Leres kang,", "Enya bener,"],
    neu: ["Cobi taros ka pa RT,", "Saurna mah", "Kamari nguping"],
    pos: ["Aamiin,", "Leres,", "Muhun alhamdulillah,"],
  },
  jv: {
    neg: ["Bener lur,", "Podo neng kene,", "Setuju,"],
    neu: ["Jare", "Coba takon pak RT,"],
    pos: ["Aamiin,", "Bener,"],
  },
  en: {
    neg: ["Same here,", "Agree,", "True,"],
    neu: ["I heard", "Maybe ask the RT,"],
    pos: ["Agree,", "Amen,"],
  },
};

/** Neutral replies that answer or point somewhere (used instead of opener + question). */
export const REPLY_INFO: Record<Lang, readonly string[]> = {
  id: [
    "Katanya sih minggu depan.", "Coba langsung ke kantor desa aja, kemarin saya dilayani cepat.", "Info dari grup WA RT, jadwalnya hari Kamis.",
    "Sudah diumumkan di grup WA RW kok.", "Kemarin saya tanya ke pak RT katanya masih didata.", "Coba DM admin, biasanya dibalas.",
    "Tanya ke kadus aja, beliau tahu.", "Kemarin sudah ada pengumumannya di balai desa.", "Setahu saya syaratnya cuma KTP sama KK.",
    "Lihat postingan desa yang kemarin, sudah ada infonya.", "Sabar dulu, katanya lagi diproses.", "Saya juga nunggu info yang sama.",
    "Kemarin ada rapat di balai desa soal itu.", "Coba tanya bu RT, kemarin beliau yang ngumpulin data.",
  ],
  su: ["Saurna mah minggu payun.", "Cobi langsung ka kantor desa, kamari abdi gancang dilayanan.", "Tos diumumkeun di grup WA RW.", "Taros ka pa kadus wae.", "Sabar heula, nuju diproses saurna."],
  jv: ["Jare minggu ngarep.", "Takon pak RT wae lur.", "Wis diumumke neng grup WA."],
  en: ["I heard it's next week.", "Try asking at the village office directly.", "It was announced in the RW WhatsApp group."],
};

/** Very short replies that appear on their own. */
export const SHORT_REPLIES: Record<Lang, Record<Tone, readonly string[]>> = {
  id: {
    neg: ["betul", "setuju bgt", "up", "up min", "sama", "bener bgt", "iya parah", "naikin biar dibaca", "tul", "sepakat 👍"],
    neu: ["nyimak", "ikut nyimak", "izin share", "hadir", "up", "👀", "tag pak RT nya", "dm aja min"],
    pos: ["aamiin", "aamiin ya Allah", "mantap", "setuju", "🙏", "betul alhamdulillah", "❤️"],
  },
  su: {
    neg: ["leres", "muhun leres", "sami", "bener pisan"],
    neu: ["ngiring nyimak", "hadir", "nuhun infona"],
    pos: ["aamiin", "hatur nuhun", "mantap euy"],
  },
  jv: { neg: ["bener", "podo"], neu: ["nyimak"], pos: ["aamiin", "suwun"] },
  en: { neg: ["same", "agree"], neu: ["following"], pos: ["amen", "agree"] },
};

export const ADMIN_GENERIC: Record<"neg" | "neu", readonly string[]> = {
  neg: [
    "Terima kasih atas informasinya, {nama}. Laporan sudah kami teruskan ke kepala dusun untuk ditindaklanjuti.",
    "Mohon maaf atas ketidaknyamanannya. Silakan datang ke kantor desa pada jam kerja (Senin–Jumat 08.00–15.00) agar bisa kami bantu langsung.",
    "Terima kasih {nama}, masukannya kami catat dan akan dibahas dalam rapat perangkat desa minggu ini.",
    "Baik, {nama}. Mohon kirimkan lokasi dan fotonya lewat pesan langsung agar petugas bisa segera mengecek.",
    "Mohon maaf baru sempat membalas, {nama}. Laporan sudah kami terima dan sedang diproses.",
    "Terima kasih sudah melapor, {nama}. Kasi terkait akan meninjau langsung dalam minggu ini.",
  ],
  neu: [
    "Informasi lengkapnya bisa ditanyakan ke kantor desa atau ketua RT masing-masing. Terima kasih.",
    "Baik {nama}, informasinya akan kami umumkan di akun resmi desa. Mohon ditunggu.",
    "Silakan datang ke kantor desa pada jam kerja (Senin–Jumat 08.00–15.00), petugas siap membantu.",
    "Terima kasih pertanyaannya, {nama}. Jadwalnya akan kami sampaikan melalui ketua RT.",
    "Untuk info lebih lanjut silakan kirim pesan langsung ke akun ini, {nama}.",
  ],
};

export const HASHTAGS: readonly string[] = ["#DesaMulyasari", "#Ciampel", "#Karawang", "#DesaMembangun", "#PemdesMulyasari", "#InfoDesa", "#KarawangBangkit"];

export const THEMES = {
  // ---- Story: Jalan Dusun Sukamaju (complaints W37–W40, repair W42, thanks W43) ----
  jalan_keluhan: {
    tone: [0.86, 0.11, 0.03],
    texts: {
      id: {
        neg: [
          "{jalan_sm} rusak parah, lubangnya {makin besar|makin dalam|sudah kayak kolam ikan}.",
          "Kapan {jalan_sm} diperbaiki? Sudah {lama} rusak dan tidak ada kabar.",
          "Jalan rusak banget di {jalan_sm}, {motor saya|motor adik saya|ban motor saya} {sampai pecah ban|velgnya peyang|hampir jatuh} kemarin.",
          "Tiap hujan {jalan_sm} jadi kubangan, anak sekolah {pada kotor|harus jalan muter|sering jatuh}.",
          "Tolong {jalan_sm} {tempat} diperbaiki, sudah banyak yang jatuh.",
          "Katanya dana desa buat jalan, tapi {jalan_sm} tetap saja bolong-bolong.",
          "Lubang di {jalan_sm} {tempat} {makin lebar|tambah parah} pak, bahaya kalau malam tidak ada lampu.",
          "Malu kalau ada tamu lewat {jalan_sm}, jalannya hancur.",
          "{jalan_sm} sudah kayak jalan off road. Truk gabah tiap hari lewat situ.",
          "Sudah diukur-ukur {lama} lalu tapi belum juga dikerjakan {jalan_sm}.",
          "Ibu hamil mau ke bidan lewat {jalan_sm} harus pelan-pelan sekali, kasihan.",
          "Jalan ke sawah di Sukamaju rusak, angkut gabah jadi susah dan ongkosnya naik.",
          "Min ini {jalan_sm} kapan dibenerin, jln rusak bgt gk dibenerin dari kapan tau.",
          "Yang diaspal jalan depan rumah pejabat terus, {jalan_sm} dilupakan.",
          "Kemarin tetangga saya jatuh di {jalan_sm} {tempat}, tangannya sampai dijahit.",
          "Sudah lapor lewat musdusun, sudah lapor ke kadus, {jalan_sm} tetap begitu saja.",
        ],
        neu: [
          "Min, {jalan_sm} masuk rencana perbaikan tahun ini tidak?",
          "Mau tanya pak, perbaikan {jalan_sm} jadinya kapan?",
          "Ada info {jalan_sm} mau dicor atau diaspal?",
          "Kemarin ada yang ngukur di {jalan_sm}, itu dari desa atau dari kabupaten ya?",
        ],
        pos: ["Semoga {jalan_sm} cepat diperbaiki, kami percaya sama pak kades."],
      },
      su: {
        neg: [
          "Jalan di dusun 2 geus ruksak pisan, iraha rek dibenerkeun?",
          "{jalan_sm} mani ruksak kitu, motor abdi dugi ka bocor ban.",
          "Unggal hujan {jalan_sm} jadi balong, barudak sakola hese leumpang.",
          "Tos {lama_su} jalan Sukamaju ruksak, teu aya kabar wae.",
          "Punten pa, lombang di {jalan_sm} beuki ageung, bahaya upami wengi.",
          "Jalan ka sawah di Sukamaju ruksak, hese ngangkut pare.",
          "Jalan Sukamaju teh siga jalan ka gunung, ancur pisan.",
        ],
        neu: ["Punten, jalan Sukamaju teh bade dibenerkeun iraha?", "Aya info teu jalan dusun 2 bade dicor?"],
      },
      jv: {
        neg: ["Dalan Sukamaju rusak banget, kapan didandani pak?", "Dalane bolong kabeh, motorku nganti ban bocor."],
      },
      en: {
        neg: ["The road in Dusun Sukamaju is full of potholes, when will it be fixed?", "Jalan Sukamaju is getting worse every week, someone will get hurt."],
      },
    },
    admin: [
      "Terima kasih laporannya, {nama}. Perbaikan Jalan Dusun Sukamaju sudah masuk anggaran Dana Desa tahap II dan dijadwalkan pertengahan Oktober.",
      "Mohon bersabar, {nama}. Pengerjaan Jalan Dusun Sukamaju menunggu pencairan Dana Desa tahap II. Sementara ini lubang besar akan ditimbun sirtu.",
      "Laporan sudah kami teruskan ke Kasi Pembangunan. Tim akan mengecek lokasi minggu ini.",
    ],
    posts: [
      "[INFO PEMBANGUNAN] Pemerintah Desa Mulyasari telah melakukan pengukuran Jalan Dusun Sukamaju sepanjang 650 meter. Perbaikan direncanakan menggunakan Dana Desa tahap II. Terima kasih atas kesabaran warga.",
      "Menindaklanjuti laporan warga, hari ini perangkat desa bersama Kadus Sukamaju meninjau kondisi jalan dusun. Lubang besar akan ditimbun sementara dengan sirtu.",
    ],
  },
  jalan_perbaikan: {
    tone: [0.35, 0.25, 0.4],
    texts: {
      id: {
        neg: [
          "Kok cuma ditambal sih {jalan_sm}? Sebulan juga rusak lagi.",
          "Perbaikan {jalan_sm} kok tipis banget cor-nya, takut cepat retak.",
          "Yang diperbaiki cuma sampai {tempat}, sisanya ke Cikalong belum.",
          "Material numpuk di pinggir {jalan_sm} menghalangi jalan, motor susah lewat.",
          "Pengerjaan jalan Sukamaju debunya parah, tolong disiram pak.",
          "Kenapa jalan ditutup total tanpa pemberitahuan? Warga jadi muter jauh.",
        ],
        neu: [
          "Perbaikan {jalan_sm} selesai kapan pak?",
          "Jalan Sukamaju ditutup sampai kapan ya min? Mau bawa gabah.",
          "Itu dicor atau diaspal min?",
          "Berapa anggaran perbaikan {jalan_sm}? Biar warga tahu.",
        ],
        pos: [
          "Akhirnya {jalan_sm} diperbaiki juga, alhamdulillah.",
          "Alhamdulillah alat berat sudah masuk Sukamaju, terima kasih pak kades.",
          "Mantap, {jalan_sm} mulai dicor. Ditunggu sampai selesai.",
          "Akhirnyaaa jalan Sukamaju dibenerin juga, penantian panjang.",
        ],
      },
      su: {
        neg: ["Naha ngan ditambal wungkul? Engke ruksak deui.", "Debu na parah pisan ti pagawean jalan."],
        neu: ["Jalan Sukamaju ditutup dugi ka iraha?"],
        pos: ["Alhamdulillah jalan dusun 2 tos dibenerkeun, hatur nuhun pa kades.", "Ahirna jalan Sukamaju dilereskeun oge, nuhun pisan."],
      },
      en: { pos: ["Finally the Sukamaju road is being repaired!"], neg: ["Why only patch it? It will break again in a month."] },
      jv: { pos: ["Akhire dalan Sukamaju didandani, matur nuwun pak."], neg: ["Kok mung ditambal thok?"] },
    },
    admin: [
      "Pengecoran Jalan Dusun Sukamaju dikerjakan bertahap sepanjang 650 meter dengan tebal 15 cm. Mohon maaf atas debu dan penutupan sementara.",
      "Perbaikan ruas sampai Cikalong masuk tahap berikutnya. Rincian anggaran terpasang di papan informasi kegiatan di lokasi.",
      "Terima kasih {nama}. Jalan dibuka kembali untuk motor mulai sore ini, untuk mobil menunggu cor kering 7 hari.",
    ],
    posts: [
      "[PEMBANGUNAN] Mulai hari ini dilaksanakan pengecoran Jalan Dusun Sukamaju sepanjang 650 m, sumber dana Dana Desa 2026 tahap II. Selama pengerjaan, kendaraan roda empat dialihkan lewat Dusun Cikalong. Mohon maaf atas ketidaknyamanannya.",
      "Progres pengecoran Jalan Dusun Sukamaju hari ke-3: sudah 60%. Terima kasih kepada warga yang ikut gotong royong.",
    ],
  },
  jalan_terima_kasih: {
    tone: [0.1, 0.08, 0.82],
    texts: {
      id: {
        pos: [
          "Terima kasih pak kades, {jalan_sm} sekarang mulus.",
          "Alhamdulillah sekarang ke sawah lewat Sukamaju enak, tidak takut jatuh lagi.",
          "Jalan Sukamaju sudah bagus, anak-anak sekolah jadi aman. Terima kasih pemdes.",
          "Mantap pak, jalan sudah jadi. Ini baru namanya kerja nyata.",
          "Sekarang {jalan_sm} halus, angkut gabah jadi cepat. Hatur nuhun.",
          "Terima kasih buat semua yang gotong royong ngecor jalan Sukamaju.",
          "Dulu tiap hari ngeluh, sekarang alhamdulillah jalannya sudah bagus.",
          "Jalannya bagus, tinggal lampu jalannya pak hehe.",
        ],
        neg: [
          "Jalan Sukamaju sudah bagus, tapi yang di {kampung} masih rusak pak.",
          "Baru seminggu sudah ada yang retak di {tempat}.",
          "Bagus sih, tapi sekarang motor pada ngebut di jalan Sukamaju, tolong dikasih polisi tidur.",
        ],
        neu: ["Ini panjangnya berapa meter pak yang dicor?", "Sekalian saluran air di pinggir jalan dibuat tidak pak?"],
      },
      su: {
        pos: [
          "Hatur nuhun pa kades, jalan dusun 2 ayeuna tos sae.",
          "Alhamdulillah ayeuna ka sawah teu sieun labuh deui.",
          "Jalan Sukamaju ayeuna mulus, hatur nuhun pisan.",
          "Sae pisan jalanna, mugia awet.",
        ],
        neg: ["Tos sae, ngan di {kampung} mah masih ruksak keneh."],
      },
      jv: { pos: ["Matur nuwun pak, dalan Sukamaju saiki wis apik."] },
      en: { pos: ["Thank you, the Sukamaju road looks great now.", "Road is finally smooth, good job!"] },
    },
    admin: [
      "Terima kasih {nama}. Mari bersama menjaga jalan ini, kendaraan bertonase berat mohon membatasi muatan.",
      "Alhamdulillah. Usulan jalan di lokasi lain kami tampung untuk musdes RKPDes 2027.",
    ],
    posts: [
      "Alhamdulillah, pengecoran Jalan Dusun Sukamaju sepanjang 650 meter telah selesai. Terima kasih kepada warga atas kesabaran dan gotong royongnya. Mari jaga bersama!",
    ],
  },

  // ---- Story: flood in Dusun Krajan, RT 03 RW 02 (warning W40, flood W41, aftermath W41–W42) ----
  banjir_waspada: {
    tone: [0.5, 0.45, 0.05],
    texts: {
      id: {
        neg: [
          "Selokan di {banjir_lok} mampet, kalau hujan deras pasti meluap.",
          "Hujan dari sore tidak berhenti, air di {banjir_lok} sudah naik ke jalan.",
          "Saluran irigasi dekat Krajan penuh sampah, tolong dikeruk sebelum banjir.",
        ],
        neu: ["Ada info ketinggian air di saluran Krajan min?", "Warga {banjir_lok} waspada ya, hujan terus dari tadi.", "Min, kalau banjir posko di mana?"],
      },
      su: { neg: ["Hujan gede ti sonten, cai di Krajan tos naek."], neu: ["Sing waspada nya warga Krajan, hujan wae ti tadi."] },
      jv: { neg: ["Udan deres ket sore, banyu neng Krajan wis munggah."] },
      en: { neu: ["Stay safe everyone in Krajan, it has been raining for hours."] },
    },
    admin: ["Terima kasih infonya. Petugas dan Linmas sudah bersiaga di Dusun Krajan. Jika air masuk rumah, segera hubungi ketua RT."],
    posts: [
      "[WASPADA] Curah hujan tinggi diperkirakan beberapa hari ke depan. Warga di bantaran saluran dan Dusun Krajan dimohon waspada, bersihkan saluran air di lingkungan masing-masing.",
    ],
  },
  banjir_kejadian: {
    tone: [0.58, 0.37, 0.05],
    texts: {
      id: {
        neg: [
          "Banjir lagi di {banjir_lok}, air sudah masuk rumah {selutut|sepinggang|sebetis|30 cm}.",
          "Tolong pak, banjir di {banjir_lok} makin tinggi, ada lansia belum dievakuasi!",
          "Rumah saya di {banjir_lok} kebanjiran, barang-barang tidak sempat diselamatkan.",
          "Banjir dari semalam, listrik mati, anak-anak kedinginan. Tolong bantuannya.",
          "Air masuk rumah jam 2 malam, kami mengungsi ke masjid. Belum ada bantuan makanan.",
          "Tiap tahun banjir di Krajan, kapan ada solusi? Saluran tidak pernah dikeruk.",
          "Sudah 2 hari banjir di {banjir_lok}, belum ada petugas yang datang ke gang kami.",
          "Perahu karet cuma satu, warga {banjir_lok} masih banyak yang terjebak.",
          "Pengungsi di masjid butuh selimut dan popok bayi, tolong pak.",
          "Sawah di Krajan terendam semua, padi baru tanam habis.",
          "Banjir parah banget, jalan ke Krajan putus tidak bisa dilewati motor.",
          "Bantuan nasi bungkus cuma sampai RT 01, RT 03 belum kebagian.",
          "Air bersih tidak ada, sumur keruh semua kena banjir.",
        ],
        neu: [
          "Posko banjir di mana ya min? Mau antar bantuan.",
          "Info ketinggian air di {banjir_lok} sekarang berapa?",
          "Yang mau donasi pakaian layak pakai bisa antar ke balai desa ya?",
          "Butuh relawan tidak min? Saya dan teman-teman karang taruna siap bantu.",
          "Jalan ke Krajan masih bisa dilewati mobil tidak?",
          "Evakuasi warga {banjir_lok} sudah selesai belum pak?",
          "Kalau mau kirim logistik ke pengungsi, hubungi siapa?",
        ],
        pos: ["Terima kasih relawan yang sudah bantu evakuasi di {banjir_lok} semalam.", "Salut buat Linmas dan karang taruna yang turun langsung ke air."],
      },
      su: {
        neg: [
          "Caah deui di Krajan, cai tos lebet ka imah {dugi ka tuur|sacangkeng}.",
          "Tulung pa, di RT 03 RW 02 aya nini-nini can dievakuasi.",
          "Imah abdi kabanjiran, barang teu kaburu disalametkeun.",
          "Ti tadi peuting caah, listrik pareum, barudak tiis. Nyuhunkeun bantosan.",
          "Unggal taun caah di Krajan, iraha aya solusi?",
        ],
        neu: ["Posko caah di mana nya? Bade nganteurkeun bantosan.", "Jalan ka Krajan tiasa diliwatan motor teu?"],
        pos: ["Hatur nuhun ka relawan anu tos ngabantosan evakuasi."],
      },
      jv: {
        neg: ["Banjir meneh neng Krajan, banyune wis mlebu omah.", "Tulung pak, isih ono wong tuwo durung dievakuasi."],
        neu: ["Posko banjir neng endi min?"],
      },
      en: {
        neg: ["Flooding again in Dusun Krajan, water is inside our houses. Please send help.", "Elderly people in RT 03 still need evacuation!"],
        neu: ["Where is the flood relief post? I want to donate."],
      },
    },
    admin: [
      "Posko banjir di Balai Desa Mulyasari buka 24 jam. Warga yang membutuhkan evakuasi silakan hubungi ketua RT atau relawan desa di lokasi.",
      "Tim evakuasi bersama BPBD Karawang sedang menuju {banjir_lok}. Mohon warga tetap tenang dan mengutamakan lansia dan anak-anak.",
      "Bantuan logistik untuk pengungsi di Masjid Al-Ikhlas sedang dikirim. Terima kasih {nama} atas informasinya.",
      "Donasi dapat diantar langsung ke posko di Balai Desa. Mohon dicatat di meja registrasi agar penyalurannya tercatat.",
    ],
    posts: [
      "[TANGGAP DARURAT BANJIR] Banjir melanda Dusun Krajan RT 03 RW 02 dan sekitarnya sejak dini hari. Posko dibuka di Balai Desa Mulyasari, pengungsian sementara di Masjid Al-Ikhlas. Warga yang membutuhkan evakuasi segera hubungi ketua RT.",
      "Update banjir: ketinggian air di Dusun Krajan 40–80 cm. Tim desa bersama BPBD Karawang, Linmas dan karang taruna melakukan evakuasi. Kebutuhan mendesak: selimut, makanan siap saji, popok bayi, obat-obatan.",
      "Dapur umum posko banjir Desa Mulyasari melayani 3 kali sehari untuk warga terdampak. Donasi dapat diantar ke Balai Desa.",
    ],
  },
  banjir_pasca: {
    tone: [0.22, 0.16, 0.62],
    texts: {
      id: {
        pos: [
          "Terima kasih posko banjir desa, makanan dan selimut sangat membantu.",
          "Alhamdulillah air sudah surut, terima kasih semua relawan dan perangkat desa.",
          "Salut sama ibu-ibu dapur umum, tiga hari masak terus buat pengungsi.",
          "Terima kasih BPBD dan pemdes yang sigap evakuasi warga Krajan.",
          "Terima kasih warga yang ikut kerja bakti bersihkan lumpur di {banjir_lok}.",
          "Posko kesehatan sangat membantu, anak saya yang gatal-gatal langsung diobati.",
          "Terima kasih pak kades sudah turun langsung malam-malam ke lokasi banjir.",
        ],
        neg: [
          "Air sudah surut tapi lumpur masih tebal di {banjir_lok}, belum ada yang bantu bersihin.",
          "Bantuan banjir kok tidak merata, rumah saya di {banjir_lok} tidak dapat.",
          "Setelah banjir banyak yang gatal-gatal dan diare, tolong ada pemeriksaan kesehatan.",
          "Tolong saluran di Krajan dikeruk, jangan tunggu banjir lagi.",
          "Sampah bekas banjir numpuk di pinggir jalan belum diangkut.",
        ],
        neu: [
          "Kerja bakti bersihin lumpur hari apa min?",
          "Bantuan buat rumah yang rusak karena banjir ada tidak pak?",
          "Pendataan warga terdampak banjir ke siapa ya?",
        ],
      },
      su: {
        pos: [
          "Hatur nuhun ka posko caah, tuangeun sareng simbut ngabantos pisan.",
          "Alhamdulillah cai tos surud, hatur nuhun ka sadaya relawan.",
          "Hatur nuhun pa kades tos sumping wengi-wengi ka lokasi caah.",
        ],
        neg: ["Leutak masih kandel di Krajan, can aya nu ngabantosan ngabersihan.", "Bantosan caah teu rata, imah abdi teu kenging."],
      },
      jv: { pos: ["Matur nuwun posko banjir, bantuane migunani banget."], neg: ["Lumpure isih kandel, durung ono sing ngresiki."] },
      en: { pos: ["Thank you to all the volunteers at the flood post!", "Huge thanks to the public kitchen team."], neg: ["The mud is still thick in Krajan and nobody has come to help clean."] },
    },
    admin: [
      "Pendataan rumah terdampak banjir dilakukan oleh ketua RT masing-masing sampai hari Jumat. Terima kasih {nama}.",
      "Kerja bakti pembersihan lumpur dan pengerukan saluran Krajan dilaksanakan Minggu pagi pukul 07.00. Mohon partisipasi warga.",
      "Puskesmas Ciampel membuka pemeriksaan kesehatan gratis untuk warga terdampak banjir di posko.",
    ],
    posts: [
      "Alhamdulillah, air di Dusun Krajan sudah surut. Terima kasih kepada BPBD Karawang, relawan, karang taruna, ibu-ibu PKK dan semua donatur. Posko kesehatan tetap buka sampai akhir pekan.",
      "[KERJA BAKTI] Minggu pagi pukul 07.00 kerja bakti membersihkan lumpur dan mengeruk saluran di Dusun Krajan. Bawa cangkul dan karung masing-masing.",
    ],
  },

  // ---- Story: bansos payout (questions W43, payout W44, follow-up W45) ----
  bansos_pra: {
    tone: [0.3, 0.65, 0.05],
    texts: {
      id: {
        neu: [
          "{program} tahap ini cair kapan min?",
          "Min, {program} bulan ini sudah ada jadwal pembagiannya belum?",
          "Cara cek penerima {program} gimana ya pak?",
          "Yang belum terdaftar {program} bisa daftar ke mana?",
          "Pembagian {program} nanti di balai desa atau di kantor pos?",
          "Syarat ambil {program} bawa apa saja min? KTP sama KK asli?",
          "Kalau yang ambil {program} diwakilkan boleh tidak?",
        ],
        neg: ["{program} kok belum cair juga, desa sebelah sudah.", "Sudah 3 bulan {program} tidak cair, ada apa ini?", "Data penerima {program} kapan diumumkan? Jangan tertutup."],
      },
      su: { neu: ["Punten, BLT iraha cairna?", "Bade naros, kumaha carana ngecek nu nampi bansos?"], neg: ["BLT teu acan cair keneh wae, desa sanes mah tos."] },
      jv: { neu: ["BLT cair kapan min?"] },
      en: { neu: ["When will the BLT be distributed?"] },
    },
    admin: [
      "Penyaluran {program} dijadwalkan minggu depan di Balai Desa. Jadwal per RW akan diumumkan di akun resmi desa.",
      "Cek penerima bisa lewat cekbansos.kemensos.go.id atau langsung ke operator SIKS-NG di kantor desa.",
    ],
    posts: [
      "[PENGUMUMAN] Penyaluran BLT Dana Desa bulan Oktober–Desember akan dilaksanakan di Balai Desa Mulyasari. Jadwal per RW menyusul. Penerima wajib membawa KTP dan KK asli.",
    ],
  },
  bansos_cair: {
    tone: [0.74, 0.2, 0.06],
    texts: {
      id: {
        neg: [
          "Kenapa yang dapat {program} malah yang punya mobil? Yang benar-benar miskin tidak dapat.",
          "Data DTKS tidak pernah diperbarui, orang yang sudah meninggal masih terdaftar {program}.",
          "Antre {program} dari jam 7 pagi sampai jam 1 siang, lansia sampai pingsan.",
          "NIK saya {nik} belum masuk data bansos, padahal sudah lapor ke RT dua kali.",
          "NIK ibu saya {nik} tidak terdaftar {program}, padahal janda dan tinggal sendiri.",
          "Saya sudah usul {program} dari tahun lalu tapi tetap tidak dapat, yang dapat saudara perangkat lagi.",
          "Pembagian {program} tidak adil, tetangga saya PNS dapat.",
          "Kenapa {program} dipotong? Harusnya 300 ribu, terima cuma 250.",
          "Antrean {program} di balai desa tidak teratur, panas, tidak ada kursi untuk lansia.",
          "Data penerima {program} tolong diumumkan terbuka biar tidak ada kecurigaan.",
          "Sudah jauh-jauh datang ke balai desa ternyata nama saya tidak ada. Capek pak.",
          "Orang mampu dapat {program}, yang rumahnya bilik malah tidak. Tolong dicek ulang DTKS-nya.",
          "Kok {program} cuma dibagi ke RW 01 dulu, RW 04 kapan?",
          "Sudah ganti KK baru tapi data {program} masih pakai yang lama, jadi ditolak.",
          "Kartu KKS saya terblokir, mau ambil {program} tidak bisa.",
        ],
        neu: [
          "Yang tidak bisa datang ambil {program} bisa diwakilkan?",
          "Kalau nama tidak ada di daftar {program}, lapornya ke siapa?",
          "Jadwal {program} untuk RW 03 hari apa min?",
          "Min, perbaikan data DTKS bisa di kantor desa atau harus ke dinsos?",
          "Bawa fotokopi KK juga atau cukup yang asli untuk {program}?",
        ],
        pos: ["Alhamdulillah {program} sudah cair, sangat membantu buat beli beras.", "Terima kasih, antrean {program} di RW 02 tertib dan cepat."],
      },
      su: {
        neg: [
          "Naha nu nampi BLT teh nu gaduh mobil? Nu leres-leres miskin teu kenging.",
          "NIK abdi {nik} teu acan kadaptar bansos, padahal tos lapor ka pa RT.",
          "Ngantri BLT ti isuk dugi ka lohor, karunya nu sepuh.",
          "Data DTKS teu pernah dirobih, nu tos maot masih kadaptar.",
          "Teu adil pembagian bansos teh, dulur perangkat deui wae nu kenging.",
        ],
        neu: ["Punten, upami nami teu aya dina daptar lapor ka saha?", "BLT kanggo RW 03 dinten naon?"],
        pos: ["Alhamdulillah BLT tos cair, hatur nuhun."],
      },
      jv: {
        neg: ["Sing oleh bansos kok malah wong sugih, sing mlarat ora oleh.", "NIK-ku {nik} durung kedaftar bansos pak."],
        neu: ["Jadwal BLT RW 03 kapan min?"],
      },
      en: { neg: ["The bansos list is not fair, some rich families got it while poor ones didn't.", "We queued for six hours for the BLT, please organise it better."] },
    },
    admin: [
      "Penerima BLT DD ditetapkan lewat musyawarah desa berdasarkan data DTKS. Bagi yang belum terdata, silakan mengajukan usulan melalui RT/RW dengan membawa KK dan KTP.",
      "Mohon maaf atas antrean panjang. Mulai besok pembagian dibagi per RW dengan jadwal jam berbeda dan disediakan tenda serta kursi untuk lansia.",
      "Besaran BLT DD adalah Rp300.000 per bulan tanpa potongan. Jika ada potongan, mohon laporkan ke kantor desa atau Inspektorat Kabupaten Karawang.",
      "Terima kasih {nama}. Data akan kami cek ke operator SIKS-NG. Perbaikan DTKS diproses lewat musdes dan diajukan ke Dinas Sosial Karawang.",
      "Daftar penerima BLT DD ditempel di papan pengumuman balai desa dan tiap pos RW.",
    ],
    posts: [
      "[JADWAL PENYALURAN BLT DD] Senin: RW 01 dan RW 02 · Selasa: RW 03 · Rabu: RW 04. Pukul 08.00–14.00 di Balai Desa Mulyasari. Bawa KTP dan KK asli. Lansia dan disabilitas didahulukan.",
      "Hari ini penyaluran BLT Dana Desa dan BPNT berlangsung di Balai Desa Mulyasari. Terima kasih kepada warga yang tertib mengantre.",
      "Penyaluran PKH tahap IV melalui Kantor Pos Ciampel. KPM yang belum menerima dapat menghubungi pendamping PKH desa.",
    ],
  },
  bansos_klarifikasi: {
    tone: [0.16, 0.36, 0.48],
    texts: {
      id: {
        pos: [
          "Oh jadi datanya dari DTKS pusat ya, sekarang jadi paham. Terima kasih penjelasannya min.",
          "Terima kasih pak, daftar penerima sudah ditempel di pos RW, jadi jelas.",
          "Alhamdulillah setelah lapor, data ibu saya sudah diusulkan masuk DTKS.",
          "Hari kedua antreannya jauh lebih tertib, ada tenda dan kursi. Terima kasih.",
          "Terima kasih sudah menjelaskan soal potongan, ternyata itu bukan dari desa.",
          "Pembagian PKH lewat kantor pos lancar, terima kasih pendamping PKH.",
        ],
        neu: [
          "Usulan masuk DTKS prosesnya berapa lama ya pak?",
          "Kalau sudah diusulkan lewat musdes, kapan bisa mulai dapat?",
          "Musdes pemutakhiran data bansos kapan diadakan?",
          "Jadi yang menentukan penerima bukan pak RT ya?",
        ],
        neg: ["Penjelasannya sudah, tapi tetap saja yang dapat itu-itu saja.", "Sudah diusulkan tahun lalu juga, sampai sekarang tidak ada hasil."],
      },
      su: {
        pos: ["Oh kitu nya, ayeuna janten ngartos. Hatur nuhun katerangannana.", "Alhamdulillah data ema tos diusulkeun, nuhun pa."],
        neu: ["Usulan DTKS teh sabaraha lami prosesna?"],
      },
      jv: { pos: ["Oh ngono, saiki dadi ngerti. Matur nuwun penjelasane."], neu: ["Usulan DTKS suwene piro pak?"] },
      en: { pos: ["Thanks for the clarification about the DTKS data."] },
    },
    admin: [
      "Usulan pemutakhiran DTKS diverifikasi Dinas Sosial Karawang, biasanya 1–3 bulan. Kami akan kabarkan hasilnya lewat RT/RW.",
      "Musdes pemutakhiran data penerima bansos dijadwalkan akhir bulan ini di Balai Desa. Undangan lewat ketua RT.",
    ],
    posts: [
      "[KLARIFIKASI] Penerima BLT DD ditetapkan melalui musyawarah desa dengan mengacu pada DTKS Kementerian Sosial. Warga yang merasa layak tetapi belum terdata dapat mengusulkan diri melalui RT/RW untuk diverifikasi. BLT DD diberikan utuh Rp300.000/bulan tanpa potongan.",
    ],
  },

  // ---- Background topics ----
  air: {
    tone: [0.72, 0.2, 0.08],
    texts: {
      id: {
        neg: [
          "Air PDAM di {dusun} mati sudah {lama}, warga terpaksa beli air galon.",
          "Pamsimas di {kampung} tidak mengalir lagi, pompanya rusak katanya.",
          "Air dari pamsimas keruh dan bau, tidak bisa buat masak.",
          "Bayar iuran air tiap bulan tapi airnya sering mati. Gimana ini?",
          "Sumur pada kering, pamsimas mati, warga {dusun} susah air bersih.",
          "Air cuma ngalir jam 2 malam, siang mati total.",
          "Pipa pamsimas bocor {tempat}, airnya terbuang sia-sia dari kemarin.",
          "Kemarau begini air bersih susah, tolong ada bantuan tangki air pak.",
        ],
        neu: [
          "Iuran pamsimas sebulan berapa ya sekarang?",
          "Pasang sambungan air baru ke siapa ya min?",
          "Ada jadwal bantuan air bersih dari desa tidak?",
          "Air pamsimas mati karena perbaikan atau rusak min?",
        ],
        pos: ["Alhamdulillah air pamsimas sudah ngalir lagi, terima kasih petugasnya.", "Terima kasih bantuan tangki air bersihnya pak."],
      },
      su: {
        neg: [
          "Cai PDAM di {dusun_su} teu ngocor tos {lama_su}.",
          "Pamsimas pareum deui, kapaksa meser cai galon.",
          "Caina kiruh tur bau, teu tiasa kanggo masak.",
          "Sumur saat, pamsimas pareum, hese cai bersih.",
        ],
        neu: ["Iuran pamsimas sabulan sabaraha ayeuna?"],
        pos: ["Alhamdulillah cai tos ngocor deui, nuhun."],
      },
      jv: { neg: ["Banyu PDAM mati wis seminggu pak.", "Banyune butek, ora iso nggo masak."], neu: ["Iuran pamsimas saiki piro?"] },
      en: { neg: ["No running water in our area for days now.", "The pamsimas water smells bad, we can't cook with it."], pos: ["Water is running again, thanks!"] },
    },
    admin: [
      "Pompa pamsimas sedang diperbaiki oleh pengurus BPSPAMS, ditargetkan normal dalam 2 hari. Sementara bantuan air tangki dikirim ke {dusun}.",
      "Terima kasih laporannya. Kebocoran pipa sudah kami teruskan ke pengurus pamsimas.",
    ],
    posts: [
      "[INFO AIR BERSIH] Layanan pamsimas Dusun Cikalong dan Pasirjaya terganggu karena perbaikan pompa. Bantuan air bersih dengan mobil tangki akan dikirim pukul 15.00.",
      "Musim kemarau, mari hemat air. Laporkan kebocoran pipa pamsimas ke pengurus BPSPAMS atau kantor desa.",
    ],
  },
  sampah: {
    tone: [0.72, 0.18, 0.1],
    texts: {
      id: {
        neg: [
          "TPS {tempat} penuh dan bau sekali, sudah {lama} tidak diangkut.",
          "Sampah numpuk di pinggir saluran {dusun}, pas hujan pasti mampet.",
          "Orang buang sampah sembarangan di {tempat}, tolong dipasang larangan.",
          "Truk sampah tidak datang lagi minggu ini, sampah sudah bau dan banyak lalat.",
          "Ada yang bakar sampah tiap malam di {kampung}, asapnya masuk rumah.",
          "Iuran sampah tetap ditarik tapi sampahnya tidak diangkut.",
          "Sampah plastik di saluran irigasi makin banyak, kasihan petani.",
        ],
        neu: ["Jadwal angkut sampah di {dusun} hari apa min?", "Bank sampah desa masih buka tidak?", "Iuran sampah bayar ke siapa?"],
        pos: ["Alhamdulillah TPS sudah bersih, terima kasih petugas kebersihan.", "Bank sampah desa keren, sampah jadi duit."],
      },
      su: {
        neg: ["Runtah numpuk di {tempat}, bau pisan.", "Aya nu sok ngaduruk runtah unggal wengi, haseupna asup ka imah.", "Runtah teu diangkut tos {lama_su}."],
        neu: ["Jadwal ngangkut runtah dinten naon?"],
        pos: ["Nuhun petugas kabersihan, ayeuna bersih."],
      },
      jv: { neg: ["Sampah numpuk, mambu banget.", "Truk sampah ora teko meneh minggu iki."], neu: ["Jadwal angkut sampah dino opo min?"] },
      en: { neg: ["The garbage at the TPS hasn't been collected for a week."] },
    },
    admin: [
      "Truk pengangkut sampah dari DLH sedang rusak, pengangkutan dijadwalkan ulang hari Kamis. Mohon maaf atas ketidaknyamanannya.",
      "Terima kasih {nama}. Papan larangan buang sampah akan dipasang dan Linmas akan patroli.",
    ],
    posts: [
      "[JUMAT BERSIH] Mari bersama membersihkan lingkungan dan saluran air di RT masing-masing. Sampah dikumpulkan di TPS sebelum pukul 10.00.",
      "Bank Sampah Mulyasari buka setiap Sabtu pukul 08.00–11.00 di samping balai desa. Tukar sampah plastikmu jadi tabungan!",
    ],
  },
  kesehatan: {
    tone: [0.4, 0.38, 0.22],
    texts: {
      id: {
        neg: [
          "Puskesmas antrenya lama sekali, datang jam 7 baru dilayani jam 11.",
          "Posyandu di {dusun} bulan ini kok tidak ada info sama sekali?",
          "Bidan desa susah dihubungi malam hari, kemarin ada yang mau melahirkan.",
          "Obat di polindes sering kosong.",
          "Ambulans desa dipakai untuk apa saja? Kemarin warga butuh malah tidak ada.",
        ],
        neu: [
          "Posyandu bulan ini tanggal berapa min?",
          "Imunisasi anak ada di posyandu atau harus ke puskesmas?",
          "Pemeriksaan lansia gratis di posbindu jadwalnya kapan?",
          "Cara pinjam ambulans desa gimana ya?",
          "BPJS PBI yang nonaktif diurus di mana?",
        ],
        pos: [
          "Terima kasih kader posyandu {dusun}, selalu sabar melayani.",
          "Alhamdulillah ada cek kesehatan gratis buat lansia, ibu saya senang sekali.",
          "Pelayanan bidan desa bagus, cepat tanggap.",
          "PMT posyandu bulan ini enak, anak saya suka.",
        ],
      },
      su: {
        neg: ["Ngantri di puskesmas lami pisan.", "Posyandu bulan ieu teu aya info pisan."],
        neu: ["Posyandu bulan ieu ping sabaraha?", "Imunisasi budak di posyandu atanapi puskesmas?"],
        pos: ["Hatur nuhun kader posyandu, sabar pisan ngalayanan.", "Alhamdulillah aya cek kasehatan gratis kanggo nu sepuh."],
      },
      jv: { neu: ["Posyandu wulan iki tanggal piro min?"], pos: ["Matur nuwun kader posyandu."] },
      en: { pos: ["The free health check for the elderly was great."], neu: ["When is the next posyandu?"] },
    },
    admin: [
      "Jadwal posyandu bulan ini: Dusun Krajan tanggal 8, Sukamaju tanggal 10, Cikalong tanggal 12, Pasirjaya tanggal 14.",
      "Ambulans desa bisa digunakan gratis untuk warga, hubungi kantor desa atau ketua RT.",
    ],
    posts: [
      "[POSYANDU] Jadwal posyandu balita dan posbindu lansia bulan ini di setiap dusun. Jangan lupa bawa buku KIA.",
      "Cek kesehatan gratis untuk lansia bersama Puskesmas Ciampel, Sabtu pukul 08.00 di Balai Desa.",
    ],
  },
  kesehatan_dbd: {
    tone: [0.55, 0.3, 0.15],
    texts: {
      id: {
        neg: [
          "Anak saya kena DBD, di {dusun} sudah 3 orang. Tolong fogging pak.",
          "Nyamuk banyak sekali sejak banjir, kapan fogging?",
          "Fogging cuma di jalan besar, gang-gang tidak disemprot.",
          "Genangan bekas banjir jadi sarang nyamuk, tolong ada PSN.",
        ],
        neu: ["Jadwal fogging di {dusun} kapan min?", "Abate gratis bisa minta di mana?"],
        pos: ["Terima kasih sudah fogging di {dusun}, nyamuk berkurang.", "Terima kasih kader jumantik sudah keliling periksa jentik."],
      },
      su: { neg: ["Budak abdi kaserang DBD, tulung fogging pa.", "Reungit seueur pisan saparantos caah."], neu: ["Fogging iraha di {dusun_su}?"] },
      en: { neg: ["Three dengue cases in our street already, please do fogging."] },
    },
    admin: ["Fogging fokus dari Puskesmas Ciampel dijadwalkan Kamis di {dusun}. Mohon warga juga melakukan 3M Plus."],
    posts: ["[WASPADA DBD] Setelah banjir, genangan air menjadi sarang nyamuk. Lakukan 3M Plus. Fogging fokus bersama Puskesmas Ciampel dilaksanakan Kamis di Dusun Krajan."],
  },
  pendidikan: {
    tone: [0.45, 0.4, 0.15],
    texts: {
      id: {
        neg: [
          "PIP anak saya belum cair, padahal sudah terdaftar.",
          "Atap kelas SDN Mulyasari 2 bocor, anak-anak belajar sambil kena tetes air.",
          "Kenapa yang dapat PIP itu-itu saja? Anak saya yatim tidak dapat.",
          "Jalan ke sekolah gelap, tolong lampu jalan dekat SD dinyalakan.",
        ],
        neu: [
          "Pencairan PIP lewat BRI atau lewat sekolah min?",
          "Surat keterangan tidak mampu untuk beasiswa bisa dibuat di desa?",
          "Ada info beasiswa untuk anak SMA min?",
          "Aktivasi rekening PIP harus bawa apa saja?",
        ],
        pos: ["Alhamdulillah PIP anak saya sudah cair, terima kasih.", "Program bimbel gratis di balai desa bagus sekali, anak saya jadi semangat belajar."],
      },
      su: { neg: ["PIP budak abdi teu acan cair.", "Hateup kelas SD bocor, karunya barudak."], neu: ["PIP cairna ngalangkungan BRI atanapi sakola?"] },
      jv: { neu: ["PIP cair kapan min?"] },
      en: { neu: ["Is there any scholarship info for high school students?"] },
    },
    admin: ["Pencairan PIP melalui rekening BRI siswa. Untuk aktivasi, bawa surat keterangan dari sekolah, KK dan KTP orang tua."],
    posts: ["[INFO PIP] Siswa penerima PIP yang belum aktivasi rekening dimohon segera ke BRI Unit Ciampel dengan membawa surat keterangan sekolah, KK dan KTP orang tua."],
  },
  administrasi: {
    tone: [0.5, 0.42, 0.08],
    texts: {
      id: {
        neg: [
          "Bikin surat pengantar di kantor desa lama sekali, sudah 3 hari belum jadi.",
          "Datang ke kantor desa jam 10 pegawainya belum ada.",
          "KTP sudah rekam dari {lama} lalu tapi belum jadi juga.",
          "Urus KK di desa dilempar-lempar, katanya harus ke kecamatan, di kecamatan disuruh ke Disdukcapil.",
          "Pelayanan di kantor desa judes, tolong diperbaiki.",
          "Mau bikin SKTM saja harus bolak-balik 3 kali.",
          "Surat domisili kok bayar? Katanya gratis.",
        ],
        neu: [
          "Syarat bikin surat pengantar nikah apa saja min?",
          "Kantor desa hari Sabtu buka tidak?",
          "Urus akta kelahiran bisa lewat desa atau harus ke Disdukcapil?",
          "Pindah domisili ke Mulyasari prosesnya gimana?",
          "KK hilang, urusnya ke mana dulu pak?",
          "Bikin SKCK perlu surat pengantar dari desa ya?",
          "Jam pelayanan kantor desa sampai jam berapa?",
        ],
        pos: ["Pelayanan kantor desa sekarang cepat, surat jadi 15 menit. Mantap.", "Terima kasih jemput bola rekam KTP untuk lansia."],
      },
      su: {
        neg: ["Ngadamel surat pengantar lami pisan, tos 3 dinten can rengse.", "Sumping ka kantor desa jam 10 pagawena teu acan aya."],
        neu: ["Syarat ngadamel surat pengantar nikah naon wae?", "Kantor desa dinten Saptu buka teu?"],
        pos: ["Pelayanan di kantor desa ayeuna gancang, nuhun."],
      },
      jv: { neu: ["Syarat gawe surat pengantar opo wae min?"], neg: ["Ngurus KK suwe banget."] },
      en: { neu: ["What are the requirements for a domicile letter?"] },
    },
    admin: [
      "Pelayanan kantor desa Senin–Jumat 08.00–15.00, Sabtu 08.00–12.00 khusus surat pengantar. Syarat: KTP dan KK asli.",
      "Surat keterangan dari desa tidak dipungut biaya. Jika ada pungutan, mohon laporkan ke kami.",
      "Mohon maaf atas keterlambatannya, {nama}. Silakan hubungi pelayanan di kantor desa dengan menyebutkan nomor antrean.",
    ],
    posts: [
      "[LAYANAN] Pelayanan administrasi kependudukan keliling (jemput bola) untuk lansia dan disabilitas di Dusun Cikalong hari Rabu. Bawa KK dan KTP lama.",
      "Jam pelayanan Kantor Desa Mulyasari: Senin–Jumat 08.00–15.00, Sabtu 08.00–12.00. Semua layanan surat keterangan GRATIS.",
    ],
  },
  keamanan: {
    tone: [0.6, 0.25, 0.15],
    texts: {
      id: {
        neg: [
          "Motor tetangga saya di {kampung} hilang semalam, tolong ronda diaktifkan lagi.",
          "Pos ronda di {kampung} kosong terus, tidak ada yang jaga.",
          "Banyak anak muda nongkrong sampai subuh di {tempat}, resah warga.",
          "Lampu jalan mati di {tempat}, rawan begal.",
          "Maling ayam lagi di {dusun}, sudah ketiga kalinya bulan ini.",
          "Balapan liar tiap malam minggu di jalan Sukamaju, bahaya.",
        ],
        neu: ["Jadwal ronda RT 05 sudah dibuat belum pak?", "Kalau ada orang mencurigakan lapor ke siapa malam-malam?", "Nomor Babinsa dan Bhabinkamtibmas desa berapa min?"],
        pos: ["Alhamdulillah ronda aktif lagi, warga jadi tenang.", "Terima kasih Linmas yang patroli tiap malam."],
      },
      su: {
        neg: ["Motor tatangga leungit tadi wengi, ronda kudu diaktipkeun deui.", "Pos ronda kosong wae, teu aya nu jaga.", "Lampu jalan pareum, sieun aya begal."],
        neu: ["Jadwal ronda tos didamel teu acan?"],
        pos: ["Alhamdulillah ronda tos aktip deui."],
      },
      jv: { neg: ["Motore tanggaku ilang wingi bengi.", "Pos ronda kosong terus, ora ono sing jogo."], pos: ["Alhamdulillah ronda aktif meneh."] },
      en: { neg: ["A motorbike was stolen again last night, we need the night patrol back."] },
    },
    admin: ["Terima kasih {nama}. Siskamling akan diaktifkan kembali di setiap RT, jadwal dibagikan lewat ketua RT. Laporan kehilangan silakan ke Polsek Ciampel."],
    posts: ["[KAMTIBMAS] Waspada pencurian kendaraan bermotor. Kunci ganda motor Anda dan aktifkan kembali siskamling di lingkungan masing-masing."],
  },
  keamanan_judol: {
    tone: [0.8, 0.15, 0.05],
    texts: {
      id: {
        neg: [
          "Min tolong hapus komen judol di postingan ini, malu dilihat orang.",
          "Banyak banget spam slot di kolom komentar, admin ke mana?",
          "Judi online bikin resah, tetangga saya sampai jual motor gara-gara slot.",
          "Anak muda di {kampung} banyak yang kecanduan judol, tolong ada penyuluhan.",
          "Akun-akun judi ini tolong diblokir min, komennya sampai puluhan.",
          "Gara-gara judi online banyak yang terjerat pinjol, tolong desa bergerak.",
        ],
        neu: ["Kalau lihat akun judol lapornya ke mana ya?", "Ada penyuluhan bahaya judi online tidak pak?"],
      },
      su: { neg: ["Min, hapus koméntar judol teh, éra.", "Judi online ngaresahkeun, seueur budak ngora kacanduan."] },
      jv: { neg: ["Min, komen judol iku dibusak wae, isin.", "Judi online marai resah, akeh bocah enom kecanduan."] },
      en: { neg: ["Admin please delete all these gambling spam comments."] },
    },
    admin: ["Terima kasih laporannya. Komentar promosi judi online akan kami hapus dan akunnya dilaporkan. Mari bersama menolak judi online."],
    posts: ["[STOP JUDI ONLINE] Pemerintah Desa Mulyasari mengajak seluruh warga menjauhi judi online. Laporkan akun promosi judi ke aduankonten.id. Komentar promosi judi akan dihapus."],
  },
  pertanian_panen: {
    tone: [0.3, 0.3, 0.4],
    texts: {
      id: {
        pos: ["Alhamdulillah panen di blok Sukamaju bagus tahun ini.", "Panen raya, semoga harga gabah tetap bagus.", "Terima kasih combine harvester dari desa, panen jadi cepat."],
        neg: ["Harga gabah anjlok pas panen, petani rugi.", "Combine harvester desa antrenya lama sekali, padi sudah rebah.", "Hama tikus parah di sawah Cikalong, panen berkurang banyak."],
        neu: ["Sewa combine harvester desa berapa per hektar?", "Gapoktan beli gabah petani harga berapa sekarang?"],
      },
      su: {
        pos: ["Alhamdulillah panen pare taun ieu sae.", "Hatur nuhun, panen tiasa gancang."],
        neg: ["Harga gabah murah pisan pas panen.", "Beurit seueur pisan di sawah, panen kirang."],
        neu: ["Nyewa combine sabaraha per hektar?"],
      },
      jv: { neg: ["Rego gabah anjlok pas panen."], pos: ["Alhamdulillah panen taun iki apik."] },
      en: { pos: ["Good harvest this season, alhamdulillah."], neg: ["Grain prices dropped right at harvest time."] },
    },
    admin: ["Jadwal combine harvester diatur per kelompok tani lewat Gapoktan Mulyasari. Silakan daftar ke ketua kelompok."],
    posts: ["Panen raya padi musim gadu di Desa Mulyasari bersama Gapoktan dan PPL Kecamatan Ciampel. Semoga hasil panen melimpah dan berkah."],
  },
  pertanian_irigasi: {
    tone: [0.7, 0.22, 0.08],
    texts: {
      id: {
        neg: [
          "Air irigasi tidak sampai ke sawah Cikalong, padahal sudah musim tanam.",
          "Pintu air di saluran Sukamaju rusak, air terbuang ke kali.",
          "Giliran air irigasi tidak adil, blok atas dapat terus.",
          "Saluran irigasi dangkal penuh lumpur, tolong dinormalisasi.",
        ],
        neu: ["Jadwal giliran air irigasi minggu ini gimana pak?", "Normalisasi saluran irigasi kapan dimulai?"],
        pos: ["Terima kasih ulu-ulu yang sudah atur air, sekarang sawah kebagian semua."],
      },
      su: { neg: ["Cai irigasi teu dugi ka sawah Cikalong.", "Panto cai ruksak, caina kabuang."], neu: ["Giliran cai minggu ieu kumaha?"] },
      jv: { neg: ["Banyu irigasi ora tekan sawah, piye iki?"] },
      en: { neg: ["Irrigation water is not reaching the rice fields in Cikalong."] },
    },
    admin: ["Normalisasi saluran tersier dijadwalkan melalui program padat karya tunai desa. Jadwal giliran air diatur P3A bersama ulu-ulu."],
    posts: ["[PADAT KARYA] Normalisasi saluran irigasi tersier Dusun Cikalong dimulai Senin. Dibutuhkan 20 tenaga kerja dari warga setempat, daftar ke kadus."],
  },
  pertanian_pupuk: {
    tone: [0.78, 0.17, 0.05],
    texts: {
      id: {
        neg: [
          "Pupuk subsidi langka, di kios cuma dapat 1 karung padahal butuh 4.",
          "Urea subsidi kosong terus, terpaksa beli nonsubsidi mahal sekali.",
          "Kuota pupuk di e-RDKK tidak cukup, sudah mau tanam.",
          "Kios pupuk jual di atas HET, tolong diawasi pak.",
          "Petani kecil susah dapat pupuk, yang dapat banyak itu-itu saja.",
          "Pupuk langka pas musim tanam, tiap tahun begini terus.",
        ],
        neu: ["Cara daftar e-RDKK gimana ya?", "Kartu tani masih dipakai untuk tebus pupuk atau cukup KTP?", "Kios pupuk resmi di Mulyasari di mana saja?"],
        pos: ["Alhamdulillah pupuk sudah datang di kios, terima kasih sudah diperjuangkan."],
      },
      su: {
        neg: ["Pupuk subsidi langka, di kios ngan kenging sakarung.", "Urea kosong wae, kapaksa meser nu mahal.", "Pupuk langka pas usum tandur."],
        neu: ["Kumaha carana daptar e-RDKK?"],
      },
      jv: { neg: ["Pupuk subsidi langka, regone larang."] },
      en: { neg: ["Subsidised fertiliser is impossible to find right before planting season."] },
    },
    admin: ["Penebusan pupuk subsidi kini cukup dengan KTP di kios resmi sesuai e-RDKK. Kekurangan kuota sudah kami sampaikan ke BPP Ciampel."],
    posts: ["[INFO PUPUK] Penebusan pupuk bersubsidi musim tanam rendeng dapat dilakukan di kios resmi dengan KTP sesuai data e-RDKK. Laporkan penjualan di atas HET ke kantor desa."],
  },
  umkm: {
    tone: [0.15, 0.4, 0.45],
    texts: {
      id: {
        pos: [
          "Bazar UMKM kemarin rame, dagangan saya habis. Terima kasih pemdes.",
          "Produk UMKM Mulyasari keren, rengginang Bu Imas paling enak.",
          "Pelatihan packaging kemarin bermanfaat sekali buat UMKM.",
          "Mantap ada bazar, jadi bisa belanja produk tetangga sendiri.",
        ],
        neu: [
          "Daftar jadi peserta bazar UMKM ke siapa min?",
          "Pelatihan UMKM berikutnya tentang apa pak?",
          "Bikin NIB untuk usaha rumahan bisa dibantu desa?",
          "Pinjaman modal dari BUMDes masih ada tidak?",
          "Yang mau pesan opak dan rengginang bisa WA saya {phone}.",
          "Open order keripik singkong, hubungi {phone} ya.",
        ],
        neg: ["Bazar cuma untuk yang kenal perangkat saja, UMKM kecil tidak diajak.", "Tempat bazar panas, tidak ada tenda, pembeli sepi."],
      },
      su: { pos: ["Bazar UMKM rame pisan, dagangan abdi seep.", "Rengginang Mulyasari raos pisan."], neu: ["Daptar bazar ka saha nya?"] },
      jv: { pos: ["Bazar UMKM rame, daganganku entek."], neu: ["Daftar bazar neng sopo min?"] },
      en: { pos: ["Loved the UMKM bazaar, bought lots of local snacks!"] },
    },
    admin: ["Pendaftaran peserta bazar UMKM dibuka di kantor desa sampai Jumat, gratis. Prioritas pelaku usaha warga Mulyasari."],
    posts: [
      "[BAZAR UMKM] Bazar produk UMKM Desa Mulyasari hari Minggu pukul 07.00–12.00 di lapangan desa. Ada rengginang, opak, keripik, batik Karawang dan kuliner lokal. Yuk dukung usaha tetangga!",
      "Pelatihan pengemasan dan pemasaran online untuk UMKM bersama BUMDes Mulyasari Mandiri, Kamis pukul 09.00 di Balai Desa.",
    ],
  },
  anggaran: {
    tone: [0.55, 0.35, 0.1],
    texts: {
      id: {
        neg: [
          "Dana desa miliaran tapi jalan masih rusak, uangnya ke mana?",
          "APBDes tolong dipasang di baliho, warga berhak tahu.",
          "Laporan realisasi dana desa tahun lalu tidak pernah diumumkan.",
          "BUMDes katanya untung tapi tidak ada laporan ke warga.",
          "Pembangunan cuma di sekitar rumah pejabat, dusun lain dilupakan.",
        ],
        neu: ["Rincian APBDes 2026 bisa dilihat di mana?", "Dana desa tahap III sudah cair belum pak?", "Berapa persen dana desa untuk BLT tahun ini?"],
        pos: ["Salut, baliho APBDes sudah dipasang di depan balai desa. Transparan.", "Terima kasih sudah terbuka soal anggaran, jadi warga percaya."],
      },
      su: { neg: ["Dana desa seueur tapi jalan ruksak keneh, artosna ka mana?", "APBDes kedah diumumkeun, warga hak terang."], neu: ["Rincian APBDes tiasa ditingali di mana?"] },
      jv: { neg: ["Dana desa akeh tapi dalan isih rusak."] },
      en: { neg: ["Where does the village fund actually go? Please publish the APBDes."] },
    },
    admin: ["Rincian APBDes 2026 terpasang di baliho depan Balai Desa dan dapat dilihat di papan informasi tiap dusun. Laporan realisasi disampaikan dalam musdes."],
    posts: ["[TRANSPARANSI] Infografis APBDes Desa Mulyasari 2026: Pendapatan Rp2,1 M; Belanja bidang pembangunan 41%, pemberdayaan 18%, pembinaan kemasyarakatan 9%, penanggulangan bencana & darurat 12% (termasuk BLT DD)."],
  },
  anggaran_musdes: {
    tone: [0.35, 0.45, 0.2],
    texts: {
      id: {
        neu: [
          "Musdes RKPDes 2027 diadakan kapan dan di mana? Warga biasa boleh datang?",
          "Usulan dari RT kami sudah masuk musdus, nanti dibahas di musdes kan?",
          "Tolong usulan lampu jalan {dusun} masuk prioritas 2027.",
          "Siapa saja yang diundang musdes min?",
        ],
        neg: ["Musdes kok undangannya mendadak, warga tidak sempat menyiapkan usulan.", "Usulan dari {dusun} tiap tahun tidak pernah masuk.", "Musdes cuma formalitas, keputusannya sudah ada sebelumnya."],
        pos: ["Musdes kemarin bagus, usulan warga benar-benar didengar.", "Terima kasih usulan drainase Krajan masuk prioritas 2027."],
      },
      su: { neu: ["Musdes iraha diayakeunana? Warga biasa tiasa sumping?"], neg: ["Usulan ti dusun kami teu pernah lebet."], pos: ["Musdes kamari sae, usulan warga didangukeun."] },
      jv: { neu: ["Musdes kapan pak? Warga biasa oleh teko?"], neg: ["Usulan soko dusun kami ora tau mlebu."] },
      en: { neu: ["Can ordinary residents attend the musdes?"], neg: ["Our proposals never make it into the plan."] },
    },
    admin: ["Musdes RKPDes 2027 terbuka untuk umum, dilaksanakan Sabtu pukul 09.00 di Balai Desa. Usulan tertulis dapat disampaikan melalui kadus."],
    posts: ["[MUSDES] Musyawarah Desa Penyusunan RKPDes 2027 akan dilaksanakan Sabtu pukul 09.00 di Balai Desa Mulyasari. Terbuka untuk seluruh warga. Mari sampaikan usulan pembangunan!"],
  },
  sosial: {
    tone: [0.12, 0.35, 0.53],
    texts: {
      id: {
        pos: [
          "Kerja bakti di {dusun} kemarin rame, guyub sekali warganya.",
          "Pengajian rutin malam Jumat di Masjid Al-Ikhlas makin ramai, alhamdulillah.",
          "Terima kasih karang taruna sudah bikin turnamen voli antar-RW.",
          "Santunan anak yatim kemarin sangat menyentuh, semoga berkah.",
          "Senam sehat ibu-ibu PKK tiap Minggu seru.",
        ],
        neu: ["Kerja bakti minggu ini di RW berapa?", "Pengajian akbar bulan ini siapa penceramahnya?", "Lapangan desa boleh dipakai buat acara hajatan tidak?"],
        neg: ["Kerja bakti yang datang itu-itu saja, yang lain cuma nonton.", "Sound system hajatan sampai jam 1 malam, tolong ada aturan."],
      },
      su: {
        pos: ["Kerja bakti kamari rame, guyub pisan wargana.", "Pangaosan malem Jumaah beuki rame, alhamdulillah.", "Hatur nuhun karang taruna."],
        neu: ["Kerja bakti minggu ieu di RW sabaraha?"],
      },
      jv: { pos: ["Kerja bakti wingi rame, guyub rukun."] },
      en: { pos: ["Love how the community came together for the clean-up."] },
    },
    posts: [
      "[KERJA BAKTI] Minggu pagi kerja bakti serentak membersihkan saluran dan lingkungan di seluruh RW. Mari guyub rukun!",
      "Pengajian akbar dan santunan anak yatim Desa Mulyasari, Kamis malam di Masjid Al-Ikhlas. Terbuka untuk umum.",
      "Selamat Hari Santri 22 Oktober. Santri siaga jiwa raga, bersama membangun desa.",
      "Selamat Hari Sumpah Pemuda! Pemuda Mulyasari bersatu, berkarya untuk desa.",
      "Selamat Hari Pahlawan 10 November. Mari teladani semangat para pahlawan dalam membangun desa.",
    ],
  },
  sosial_17an: {
    tone: [0.1, 0.25, 0.65],
    texts: {
      id: {
        pos: [
          "Lomba 17an kemarin seru banget, terima kasih panitia.",
          "Karnaval Agustusan Mulyasari paling meriah se-Ciampel.",
          "Anak saya juara balap karung, senang sekali. Terima kasih karang taruna.",
          "Panjat pinang RW 03 kocak, semoga tahun depan ada lagi.",
          "Malam puncak 17an mantap, dangdutnya meriah.",
        ],
        neu: ["Hadiah lomba 17an diambil di mana min?", "Foto-foto karnaval ada yang upload tidak?", "Dokumentasi lomba bisa minta ke siapa?"],
        neg: ["Hadiah lomba 17an sampai sekarang belum dibagikan.", "Panggung 17an belum dibongkar, menghalangi jalan."],
      },
      su: { pos: ["Lomba 17an kamari rame pisan, nuhun panitia.", "Karnaval Agustusan meriah pisan."], neg: ["Hadiah lomba teu acan dibagikeun."] },
      jv: { pos: ["Lomba 17an wingi rame tenan, matur nuwun panitia."] },
      en: { pos: ["The Independence Day carnival was amazing this year!"] },
    },
    admin: ["Hadiah lomba HUT RI dapat diambil di sekretariat karang taruna, Balai Desa, Sabtu–Minggu pukul 09.00–15.00."],
    posts: ["Terima kasih kepada seluruh warga, panitia dan karang taruna atas suksesnya rangkaian HUT ke-81 RI di Desa Mulyasari. Pengambilan hadiah lomba di sekretariat karang taruna."],
  },
  infra_umum: {
    tone: [0.68, 0.22, 0.1],
    texts: {
      id: {
        neg: [
          "Lampu PJU di {tempat} mati sudah {lama}, gelap sekali kalau malam.",
          "Jembatan kecil ke {kampung} papannya sudah lapuk, bahaya.",
          "Drainase di {dusun} mampet, air tergenang terus.",
          "Gorong-gorong {tempat} ambrol, tolong diperbaiki sebelum ada korban.",
          "Tiang listrik miring di {kampung}, takut roboh.",
        ],
        neu: ["Lapor lampu jalan mati ke siapa ya?", "Pembangunan TPT di {dusun} kapan dilanjutkan?"],
        pos: ["Lampu jalan di {tempat} sudah menyala lagi, terima kasih.", "Drainase baru di {dusun} bagus, tidak tergenang lagi."],
      },
      su: { neg: ["Lampu jalan di {tempat} pareum tos {lama_su}.", "Sasak ka {kampung} papanna tos rapuh, bahaya."], pos: ["Lampu jalan tos hurung deui, nuhun."] },
      jv: { neg: ["Lampu dalan mati, peteng banget yen bengi."] },
      en: { neg: ["The street lights near the school have been off for weeks."] },
    },
    admin: ["Terima kasih {nama}. Lampu PJU yang mati sudah kami data untuk diganti minggu ini."],
    posts: ["Pembangunan drainase dan TPT di Dusun Pasirjaya telah selesai dikerjakan. Terima kasih atas dukungan warga."],
  },
  pujian: {
    tone: [0.02, 0.05, 0.93],
    texts: {
      id: {
        pos: [
          "Pak kades gercep, laporan langsung ditanggapi. Mantap.",
          "Akun desa sekarang aktif dan informatif, terima kasih min.",
          "Semoga pemdes Mulyasari selalu amanah.",
          "Desa Mulyasari makin maju, bangga jadi warganya.",
          "Terima kasih perangkat desa yang sudah bekerja keras.",
          "Mantap pak kades, turun langsung ke warga.",
          "Salut sama admin yang sabar balas komentar satu-satu.",
          "Pelayanan desa sekarang jauh lebih baik dari dulu.",
        ],
      },
      su: { pos: ["Pa kades gancang pisan ngabales, mantap.", "Mugia pamarentah desa Mulyasari amanah salawasna.", "Hatur nuhun pa kades, sing sehat."] },
      jv: { pos: ["Pak kades sip, cepet tanggap.", "Matur nuwun perangkat desa."] },
      en: { pos: ["Great work by the village office!", "This account is really helpful, thank you admin."] },
    },
  },
  tanya: {
    tone: [0.05, 0.9, 0.05],
    texts: {
      id: {
        neu: [
          "Ada lowongan kerja di pabrik sekitar Karawang tidak min?",
          "Nomor WA pengaduan desa berapa ya?",
          "Wifi gratis di balai desa passwordnya apa min?",
          "Lapangan desa bisa disewa untuk turnamen?",
          "Info pelatihan kerja dari BLK Karawang ada tidak?",
          "Kantor desa pindah ke gedung baru ya?",
          "Kadus {dusun} sekarang siapa ya?",
          "Pendaftaran Linmas masih dibuka tidak?",
        ],
      },
      su: { neu: ["Aya lowongan damel teu min?", "Nomer WA pengaduan desa sabaraha?", "Kadus {dusun_su} ayeuna saha?"] },
      jv: { neu: ["Ono lowongan kerjo ora min?", "Nomer WA pengaduan desa piro?"] },
      en: { neu: ["Is there a complaint hotline for the village?", "Any job openings around Karawang?"] },
    },
    admin: ["Pengaduan warga dapat disampaikan langsung ke kantor desa atau lewat pesan di akun resmi ini. Terima kasih."],
  },
  salam: {
    tone: [0.0, 0.45, 0.55],
    texts: {
      id: {
        neu: ["Hadir dari {dusun}", "Nyimak", "Salam dari warga {kampung}", "Izin share ya min", "Hadir min"],
        pos: ["Semangat pak kades!", "Mantap desaku", "Sehat selalu perangkat desa Mulyasari", "Jumat berkah semuanya", "Love Mulyasari ❤️"],
      },
      su: { neu: ["Sampurasun", "Hadir ti {dusun_su}", "Wilujeng enjing sadayana"], pos: ["Mantap desa abdi", "Sing sehat pa kades", "Hatur nuhun pa kades"] },
      jv: { pos: ["Sugeng enjang sedoyo", "Mantep desaku"] },
      en: { pos: ["Good morning everyone!", "Proud of Mulyasari"] },
    },
    posts: [
      "Jumat Berkah. Selamat menunaikan ibadah salat Jumat bagi warga Desa Mulyasari.",
      "Selamat pagi warga Mulyasari! Kantor desa siap melayani hari ini pukul 08.00–15.00.",
    ],
  },
} satisfies Record<string, Theme>;

export type ThemeKey = keyof typeof THEMES;

// ---- Online-gambling spam: a handful of bases mutated into floods of near-identical comments ----
export const SPAM_BASES: readonly string[] = [
  "Slot gacor hari ini maxwin terus! Cek link di bio 🔥🔥",
  "s|ot g4cor x500 di situs88 bosku, link di bio",
  "Mau JP? main di DEWA88 aja, link di bio ✅",
  "WD berapapun dibayar! situs88 terpercaya 💰💰",
  "Bosku cari situs gacor? klik profil aku ya 🎰",
  "Gacor parah! modal 20rb jadi 5jt 😱 link di bio",
  "RTP live akurat, pola maxwin cek bio 🔥",
  "Daftar sekarang bonus new member 100% 🎁 link di bio",
  "Info slot gacor malam ini, admin WA {phone} 🔥",
  "Lagi butuh modal? pinjaman cair 5 menit tanpa BI checking, WA {phone}",
  "Situs88 lagi gacor bosku, maxwin x1000 🤑",
  "Depo 10rb bisa maxwin! KOI88 link di bio 🔥🔥🔥",
];
export const SPAM_TAILS: readonly string[] = ["", " 🔥", " 💰", " 🎰", " !!!", " gasss", " bosku", " 🤑🤑", " ✅✅"];
export const SPAM_HANDLES: readonly string[] = [
  "slot_gacor_official", "maxwin.jp88", "dewi_slot77", "admin.situs88", "bonus.newmember", "ratu_gacor", "rajaslot.vip",
  "gacor.hariini", "jp_paus88", "pola.maxwin", "koi88.resmi", "situs88_id", "bandar.jp", "dewa88.login", "zeus_x500",
  "olympus.gacor", "mahjong_ways2", "pinjam.cepat24", "linkalternatif88", "kakek_zeus",
];

// ---- Residents' names (pseudonymous: first names + initials or invented handles) ----
export const FIRST_MALE: readonly string[] = [
  "Asep", "Ujang", "Dadang", "Cecep", "Dede", "Usep", "Aep", "Atep", "Endang", "Deden", "Jajang", "Yayan", "Nanang",
  "Engkus", "Oman", "Komar", "Wawan", "Heri", "Iwan", "Agus", "Budi", "Rudi", "Andi", "Ahmad", "Rizky", "Fajar",
  "Dimas", "Reza", "Yusuf", "Hendra", "Aldi", "Rafi", "Ilham", "Bayu", "Eko", "Slamet", "Joko", "Sugeng", "Wahyu",
  "Ade", "Dudi", "Ajat", "Maman", "Udin", "Opik", "Irfan", "Ridwan", "Firman", "Galih", "Yudi", "Tatang", "Ateng",
  "Rohmat", "Saepul", "Encep", "Kiki", "Arif", "Fikri", "Gilang", "Dani",
];
export const FIRST_FEMALE: readonly string[] = [
  "Euis", "Cucu", "Iis", "Imas", "Enok", "Eneng", "Neneng", "Lilis", "Elis", "Yati", "Nining", "Entin", "Tati", "Ai",
  "Teti", "Nenden", "Rini", "Siti", "Dewi", "Putri", "Ayu", "Indah", "Wulan", "Nabila", "Salsa", "Fitri", "Nurul",
  "Rahma", "Sri", "Ratna", "Yuni", "Nia", "Tika", "Rina", "Dian", "Mira", "Popon", "Cicih", "Onih", "Titin", "Nurjanah",
  "Santi", "Lina", "Anisa", "Dinda", "Intan", "Citra", "Nani", "Iin", "Yanti",
];
export const LAST_MALE: readonly string[] = [
  "Saepudin", "Supriatna", "Sumarna", "Permana", "Hidayat", "Mulyana", "Kurniawan", "Setiawan", "Suhendar", "Kusnadi",
  "Sopian", "Hermawan", "Gunawan", "Maulana", "Firmansyah", "Ramdani", "Sulaeman", "Rohman", "Saputra", "Komarudin",
  "Juhana", "Suryana", "Nugraha", "Sobari", "Hasanudin", "Hamdani", "Ruhiyat", "Darmawan", "Pratama", "Sutisna", "Wijaya",
];
export const LAST_FEMALE: readonly string[] = [
  "Nurhayati", "Rahmawati", "Lestari", "Fauziah", "Anggraini", "Purnamasari", "Kurniasih", "Maryani", "Sulastri", "Handayani",
  "Wulandari", "Susanti", "Hasanah", "Rohimah", "Mulyani", "Permatasari", "Komalasari", "Suryani",
];
export const HANDLE_WORDS: readonly string[] = ["karawang", "krw", "mulyasari", "telagasari", "sukamaju", "cikalong", "official", "real", "id", "jr", "kw", "03"];
