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

// Hornet attacks: no word of the danger lists (a sting is not one of the kinds the guide names), so the model
// leaves them alone, but this village treats a swarm stinging children as urgent. Four corrections move new
// attacks elsewhere in the village; bee words without an attack and old or harmless comments stay as they were.
const HORNETS = [
  "sarang tawon vespa di pohon depan SD, 3 murid disengat, tawonnya masih beterbangan",
  "ada sarang tawon gede di plafon rumah bu ani, anaknya disengat tadi pagi",
  "tawon vespa nyerang anak2 yang main di lapangan, minta damkar ambil sarangnya",
  "kawanan tawon dari sarang di rumpun bambu nyengat warga yang lewat gang 2",
];
const NEW_HORNETS = ["tawon gede nyerang orang di kebun rt 03 dari tadi", "tawon vespa dari sarang di pohon mangga nyengat anak2 tadi"];

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
    expect(NEW_HORNETS.map((t) => plain.analyze(t).urgent)).toEqual([false, false]);
    const village = createPipeline({ topics: DEFAULT_TOPICS, corrections: HORNETS.map((text) => ({ text, label: "", urgent: true })) });
    for (const t of NEW_HORNETS) expect(village.analyze(t).urgent, t).toBe(true);
    expect(village.analyze("budidaya lebah madu bisa jadi usaha bumdes").urgent).toBe(false);
    expect(village.analyze("motor saya hilang minggu lalu, sudah lapor polisi").urgent).toBe(false);
    expect(village.analyze("jalan desa rusak parah dari tahun lalu").urgent).toBe(false);
  });

  it("changes nothing for a village without those corrections, and reverts when they are deleted", () => {
    const texts = [...NEW_SARCASM, ...NEW_HORNETS, ...THANKS];
    const mine = createPipeline({ topics: DEFAULT_TOPICS, corrections: [...SARCASM.map((text) => ({ text, label: "", intent: "keluhan" })), ...HORNETS.map((text) => ({ text, label: "", urgent: true }))] });
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
