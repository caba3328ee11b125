import { describe, expect, it } from "vitest";
import { monthlyPeriod, shiftPeriod, weeklyPeriod } from "./period";
import { periodLabel, villageDisplayName } from "./reportStrings";

describe("report periods", () => {
  it("spans ISO weeks and calendar months in local days", () => {
    expect(weeklyPeriod("2026-W47")).toEqual({ kind: "weekly", key: "2026-W47", start: "2026-11-16", end: "2026-11-22" });
    expect(monthlyPeriod("2024-02")).toMatchObject({ start: "2024-02-01", end: "2024-02-29" });
    expect(() => monthlyPeriod("2026-13")).toThrow(/not a month/);
  });
  it("shifts across year ends", () => {
    expect(shiftPeriod(monthlyPeriod("2026-01"), -1).key).toBe("2025-12");
    expect(shiftPeriod(monthlyPeriod("2026-11"), -5).key).toBe("2026-06");
    expect(shiftPeriod(weeklyPeriod("2026-W01"), -1).key).toBe("2025-W52");
  });
  it("labels periods in Indonesian and English", () => {
    expect(periodLabel(weeklyPeriod("2026-W47"), "id")).toBe("Minggu 47 · 16–22 November 2026");
    expect(periodLabel(weeklyPeriod("2026-W49"), "id")).toBe("Minggu 49 · 30 November – 6 Desember 2026");
    expect(periodLabel(monthlyPeriod("2026-11"), "en")).toBe("Month November 2026");
    expect(villageDisplayName("Mulyasari", "id")).toBe("Desa Mulyasari");
    expect(villageDisplayName("Desa Sukamaju", "en")).toBe("Desa Sukamaju");
  });
});
