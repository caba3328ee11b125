import { describe, expect, it } from "vitest";
import { DEFAULT_TOPICS, DEFAULT_TOPIC_KEYS } from "./taxonomy";
import { topicTokens } from "./topics";

describe("default taxonomy", () => {
  it("has the 13 village-concern topics in order", () => {
    expect(DEFAULT_TOPIC_KEYS).toEqual([
      "infrastruktur", "air_bersih", "sampah_lingkungan", "banjir_bencana", "bansos", "kesehatan", "pendidikan",
      "administrasi", "keamanan_ketertiban", "pertanian", "ekonomi_umkm", "anggaran_transparansi", "kegiatan_sosial",
    ]);
  });

  it("gives every topic names and descriptions in Indonesian and English and lower-case keywords", () => {
    for (const t of DEFAULT_TOPICS) {
      expect(t.nameId.length, t.key).toBeGreaterThan(3);
      expect(t.nameEn.length, t.key).toBeGreaterThan(3);
      expect(t.descriptionId?.length ?? 0, t.key).toBeGreaterThan(20);
      expect(t.descriptionEn?.length ?? 0, t.key).toBeGreaterThan(20);
      expect(t.keywords.length, t.key).toBeGreaterThanOrEqual(30);
      for (const k of t.keywords) expect(k, t.key).toBe(k.toLowerCase().trim());
    }
  });

  it("never gives the same keyword phrase to two topics (the tagger could not tell them apart)", () => {
    const owner = new Map<string, string>();
    for (const t of DEFAULT_TOPICS) {
      for (const k of t.keywords) {
        const sig = topicTokens(k).join(" ");
        const prev = owner.get(sig);
        if (prev && prev !== t.key) throw new Error(`"${k}" is in both ${prev} and ${t.key}`);
        owner.set(sig, t.key);
      }
    }
    expect(owner.size).toBeGreaterThan(500);
  });

  it("covers Sundanese and Javanese forms, not only formal Indonesian", () => {
    const all = new Set(DEFAULT_TOPICS.flatMap((t) => t.keywords));
    for (const w of ["cai", "banyu", "runtah", "uwuh", "caah", "dalan", "sakola", "sasak"]) expect(all.has(w), w).toBe(true);
  });
});
