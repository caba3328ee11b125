// The online intent/urgency update (intentAdaptation.ts) through the pipeline, as a village uses it:
// after correcting a handful of comments in its own idiom, NEW comments in that idiom (not near-duplicates
// of a corrected one) follow; a pipeline without the corrections (another village, or the corrections
// deleted) answers as before.
import { describe, expect, it } from "vitest";
import { createPipeline } from "./pipeline";
import { DEFAULT_TOPICS } from "./taxonomy";
import { buildOverrides, nearestOverride } from "./labelOverrides";
import { normalizeText } from "./normalize";
import { getResources } from "./resources";
import { applyIntentOnline, buildIntentOnline } from "./intentAdaptation";

// Sarcasm about potholed roads, in this village's own words ("smooth as the moon's surface", "a fish pond").
const SARCASM = [
  "mantap jalan desa makin mulus kayak permukaan bulan",
  "keren banget jalannya sekarang ada kolam ikan di tengah",
  "wah jalan ke sawah udah kayak permukaan bulan, hebat",
  "salut, jalan rt 02 sekarang punya kolam ikan gratis",
  "mantul pak, jalan dusun cibodas mirip permukaan bulan",
  "keren desa kita, tiap lubang jalan jadi kolam ikan",
  "jalan ke sekolah mulus banget kayak permukaan bulan, top",
  "hebat, depan balai desa ada kolam ikan baru di jalan",
];
const NEW_SARCASM = ["mantap, perempatan pasar sekarang ada kolam ikannya", "keren jalan ke makam makin mirip permukaan bulan"];
const THANKS = ["terima kasih pak kades jalan desa sudah mulus diaspal", "mantap acara 17an kemarin seru banget"];

// Burglars in an occupied home right now: a theft word alone does not pass the danger gate (a stolen
// motorbike is no emergency), but this village treats a burglar still around its houses as urgent.
// A dozen corrections: since urgency v4 (trained on more thefts that are over, "malingnya sudah kabur")
// six of them moved "ada maling di rumah … malam ini" only with "barusan" or "masih" in it.
const BURGLARY = [
  "ada maling masuk rumah bu siti tadi malam, warga lagi ronda",
  "maling masuk rumah pak ujang, orangnya masih di sekitar kampung",
  "malam ini maling masuk rumah di rt 03, tolong yang ronda",
  "maling lagi di rumah nenek rt 02, penghuninya sendirian",
  "rumah pak rt dimasuki maling barusan, pelakunya kabur ke kebun",
  "maling masuk rumah warga gang mawar, anak-anak ketakutan",
  "ada maling di dapur bu eni, suaminya lagi kerja di kota",
  "maling manjat genteng rumah pak dadang, tolong warga kumpul",
  "ada orang asing bongkar jendela rumah mak icih, dikira maling",
  "maling di rumah kosong sebelah masjid, lampunya nyala senter",
  "warga rt 04 kepung maling yang sembunyi di kamar mandi pak odin",
  "maling bawa linggis masuk rumah janda di blok c",
];
const NEW_BURGLARY = ["maling masuk rumah pak rw barusan, pelakunya masih di kebun", "ada maling di rumah bu ani rt 01 malam ini"];

const normalized = (t: string) => normalizeText(t, getResources().normalize).normalized;

describe("intent and urgency learned from a village's corrections", () => {
  const plain = createPipeline({ topics: DEFAULT_TOPICS });

  it("reads new comments in the corrected idiom as the officials did, not near-duplicates of a corrected one", () => {
    // The new comments are no near-duplicates: the overrides alone would leave them alone.
    const overrides = buildOverrides(SARCASM.map((t) => ({ normalized: normalized(t), label: "keluhan" })));
    for (const t of NEW_SARCASM) expect(nearestOverride(overrides, normalized(t))).toBeNull();
    expect(NEW_SARCASM.map((t) => plain.analyze(t).intent)).toEqual(["apresiasi", "apresiasi"]);

    const village = createPipeline({ topics: DEFAULT_TOPICS, corrections: SARCASM.map((text) => ({ text, label: "", intent: "keluhan" })) });
    expect(NEW_SARCASM.map((t) => village.analyze(t).intent)).toEqual(["keluhan", "keluhan"]);
    // Plain thanks keep their intent.
    for (const t of THANKS) expect(village.analyze(t).intent).toBe("apresiasi");
  });

  it("raises the urgency of new comments like the ones marked urgent, not of old or harmless ones", () => {
    expect(NEW_BURGLARY.map((t) => plain.analyze(t).urgent)).toEqual([false, false]);
    const village = createPipeline({ topics: DEFAULT_TOPICS, corrections: BURGLARY.map((text) => ({ text, label: "", urgent: true })) });
    for (const t of NEW_BURGLARY) {
      const r = village.analyze(t);
      expect(r.urgent).toBe(true);
      expect(r.urgentTerms).toContain("maling");
    }
    expect(village.analyze("motor saya hilang minggu lalu, sudah lapor polisi").urgent).toBe(false);
    expect(village.analyze("jalan desa rusak parah dari tahun lalu").urgent).toBe(false);
  });

  it("changes nothing for a village without those corrections, and reverts when they are deleted", () => {
    const texts = [...NEW_SARCASM, ...NEW_BURGLARY, ...THANKS];
    const mine = createPipeline({ topics: DEFAULT_TOPICS, corrections: [...SARCASM.map((text) => ({ text, label: "", intent: "keluhan" })), ...BURGLARY.map((text) => ({ text, label: "", urgent: true }))] });
    // Another village with corrections of its own (other texts, other labels).
    const other = createPipeline({ topics: DEFAULT_TOPICS, corrections: [{ text: "jadwal posyandu bulan depan tanggal berapa?", label: "", intent: "pertanyaan" }] });
    expect(texts.map((t) => mine.analyze(t))).not.toEqual(texts.map((t) => plain.analyze(t)));
    expect(texts.map((t) => other.analyze(t))).toEqual(texts.map((t) => plain.analyze(t)));
    // Deleted corrections: the village's pipeline is rebuilt from what remains, here nothing.
    expect(texts.map((t) => createPipeline({ topics: DEFAULT_TOPICS, corrections: [] }).analyze(t))).toEqual(texts.map((t) => plain.analyze(t)));
  });

  it("is deterministic, bounded in size, and learns nothing from corrections without a known intent or urgency", () => {
    const m = getResources().intent;
    const corr = SARCASM.map((t) => ({ ...normalizeText(t, getResources().normalize), intent: "keluhan" as const }));
    const a = buildIntentOnline(m, corr);
    const b = buildIntentOnline(m, corr);
    expect(a.weights).toEqual(b.weights);
    expect(a.weights.length).toBe((1 << m.intent.bits) * (m.intent.classes + 1));
    expect(buildIntentOnline(m, [...corr, ...corr, ...corr]).weights.length).toBe(a.weights.length);
    const none = buildIntentOnline(m, [{ ...normalizeText("hadir min", getResources().normalize), intent: null, urgent: null }]);
    expect(none.count).toBe(0);
    const z = new Float64Array(m.intent.classes);
    expect(applyIntentOnline(none, [1, 2, 3], z)).toBe(0);
    expect([...z]).toEqual([0, 0, 0, 0, 0]);
  });
});
