import { describe, expect, it } from "vitest";
import { isIsoWeek, parseIsoWeek, shiftWeek, weekEnd, weekOfDate, weeksEndingAt, weeksInYear, weekStart } from "./weeks";

describe("ISO weeks", () => {
  it("finds the Monday and Sunday of a week", () => {
    // 2026-W47: Monday 16 November 2026 to Sunday 22 November 2026.
    expect(weekStart("2026-W47")).toBe("2026-11-16");
    expect(weekEnd("2026-W47")).toBe("2026-11-22");
    // 2026 starts on a Thursday, so week 1 begins on Monday 29 December 2025.
    expect(weekStart("2026-W01")).toBe("2025-12-29");
  });

  it("maps dates at year boundaries to the week of their Thursday", () => {
    expect(weekOfDate("2025-12-29")).toBe("2026-W01");
    expect(weekOfDate("2021-01-03")).toBe("2020-W53");
    expect(weekOfDate("2026-11-22")).toBe("2026-W47");
    expect(weekOfDate("2026-11-23")).toBe("2026-W48");
  });

  it("counts 53-week years", () => {
    expect(weeksInYear(2020)).toBe(53);
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it("shifts across a year boundary", () => {
    expect(shiftWeek("2026-W01", -1)).toBe("2025-W52");
    expect(shiftWeek("2020-W53", 1)).toBe("2021-W01");
  });

  it("lists the 12 weeks ending at a week, oldest first", () => {
    const weeks = weeksEndingAt("2026-W47", 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toBe("2026-W36");
    expect(weeks[11]).toBe("2026-W47");
  });

  it("rejects malformed and impossible weeks with the value in the message", () => {
    expect(() => parseIsoWeek("2026-47")).toThrow(/2026-47/);
    expect(() => parseIsoWeek("2025-W53")).toThrow(/53/);
  });

  it("tells valid weeks from URL garbage", () => {
    expect(isIsoWeek("2026-W47")).toBe(true);
    expect(isIsoWeek("2026-W99")).toBe(false);
    expect(isIsoWeek("minggu-ini")).toBe(false);
  });
});
