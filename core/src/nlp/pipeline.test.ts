import { describe, expect, it } from "vitest";
import { getResources } from "./resources";
import { createPipeline, MODEL } from "./pipeline";
import { DEFAULT_TOPICS } from "./taxonomy";

describe("createPipeline", () => {
  const pipeline = createPipeline({ topics: DEFAULT_TOPICS });

  it("records the model name and version", () => {
    expect(pipeline.model).toEqual(MODEL);
    expect(MODEL.name).toBe("suara-desa-nlp");
    expect(MODEL.version).toMatch(/^\d+\.\d+\.\d+\+topics\.[\w.-]+\.taxonomy\.[\w.-]+$/);
  });

  it("analyses a slang Indonesian complaint end to end", () => {
    const a = pipeline.analyze("jln di RT 03 rusak bgt gk dibenerin!!! hub 081234567890");
    expect(a.normalized).toContain("jalan di rt 03 rusak banget tidak dibenerin");
    expect(a.tokens).toContain("jalan");
    expect(a.language).toBe("id");
    expect(a.sentiment.label).toBe("negatif");
    expect(a.topics.map((t) => t.key)).toContain("infrastruktur");
    expect(a.spam.isSpam).toBe(false);
    expect(a.pii.some((p) => p.type === "phone")).toBe(true);
    const phone = a.pii.find((p) => p.type === "phone")!;
    expect(a.text.slice(phone.start, phone.end)).toContain("081234567890");
  });

  it("finds an e-mail written with (at) in a comment without a digit or an @", () => {
    const text = "daftar posyandu kirim ke ani.rahma (at) gmail.com ya bu";
    const a = pipeline.analyze(text);
    expect(a.pii.map((p) => [p.type, text.slice(p.start, p.end)])).toEqual([["email", "ani.rahma (at) gmail.com"]]);
  });

  it("analyses Sundanese and Javanese comments", () => {
    const su = pipeline.analyze("Hatur nuhun pisan Pak Kades, jalanna tos diaspal, sae pisan");
    expect(su.language).toBe("su");
    expect(su.sentiment.label).toBe("positif");
    const jv = pipeline.analyze("Dalane rusak banget, wis suwe ora didandani");
    expect(jv.language).toBe("jv");
    expect(jv.sentiment.label).toBe("negatif");
  });

  it("flags obfuscated gambling spam but still gives it a sentiment", () => {
    const a = pipeline.analyze("s|ot g4cor m4xw1n hari ini, depo 10rb wd jutaan, link di bio");
    expect(a.normalized).toContain("slot gacor maxwin");
    expect(a.spam.isSpam).toBe(true);
    expect(["positif", "netral", "negatif"]).toContain(a.sentiment.label);
  });

  it("analyzeBatch keeps order and flags copy-paste floods", () => {
    const flood = "Promo kaos murah meriah, order sekarang wa 081299998888";
    const texts = ["Terima kasih pak, bansos sudah cair", flood, flood, flood, flood];
    const out = pipeline.analyzeBatch(texts);
    expect(out.map((a) => a.text)).toEqual(texts);
    expect(out[0].spam.isSpam).toBe(false);
    expect(out.slice(1).every((a) => a.spam.isSpam)).toBe(true);
  });

  it("creating a second pipeline with other topics reuses the loaded resources", () => {
    // Loaded once per process (no timing assertion: benchmarks are scripts, machines are shared).
    const before = getResources();
    const p2 = createPipeline({ topics: [{ key: "wifi_desa", nameId: "WiFi Desa", nameEn: "Village WiFi", keywords: ["wifi"] }] });
    expect(getResources()).toBe(before);
    expect(p2.analyze("wifi desa mati terus").topics.map((t) => t.key)).toEqual(["wifi_desa"]);
  });
});
