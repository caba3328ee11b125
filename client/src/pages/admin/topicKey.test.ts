import { describe, expect, it } from "vitest";
import { freeKey, topicKeyFromName } from "./topicKey";

describe("topic keys from names", () => {
  it("turns a name into a valid key", () => {
    expect(topicKeyFromName("Penerangan Jalan")).toBe("penerangan_jalan");
    expect(topicKeyFromName("Air bersih & PDAM")).toBe("air_bersih_pdam");
    expect(topicKeyFromName("17 Agustusan")).toBe("topik_17_agustusan");
    expect(topicKeyFromName("Pérsatuan Pemuda")).toBe("persatuan_pemuda");
    expect(topicKeyFromName("x".repeat(60))).toHaveLength(40);
  });

  it("never reuses a key that is taken", () => {
    expect(freeKey("banjir", [])).toBe("banjir");
    expect(freeKey("banjir", ["banjir"])).toBe("banjir_2");
    expect(freeKey("banjir", ["banjir", "banjir_2"])).toBe("banjir_3");
  });
});
