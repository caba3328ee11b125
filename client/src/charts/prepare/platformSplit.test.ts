import { describe, expect, it } from "vitest";
import { buildPlatformRows } from "./platformSplit";

describe("buildPlatformRows", () => {
  it("orders platforms consistently and derives the negative share", () => {
    const rows = buildPlatformRows([
      { platform: "x", comments: 4, negatif: 2, netral: 1, positif: 1 },
      { platform: "facebook", comments: 10, negatif: 1, netral: 4, positif: 5 },
      { platform: "instagram", comments: 0, negatif: 0, netral: 0, positif: 0 },
    ]);
    expect(rows.map((r) => r.platform)).toEqual(["facebook", "instagram", "x"]);
    expect(rows[0].negativeShare).toBe(0.1);
    expect(rows[1].negativeShare).toBeNull();
    expect(rows[2].negativeShare).toBe(0.5);
  });
});
