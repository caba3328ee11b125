import { describe, expect, it } from "vitest";
import { addWeeks, isoWeekOfDay, isoWeekRange, localDay, localTimeToUtc } from "./time";

describe("village time", () => {
  it("buckets an instant into the Jakarta day, not the UTC day", () => {
    // 18:30 UTC on Sunday is 01:30 Monday in Jakarta (UTC+7).
    expect(localDay(new Date("2026-11-22T18:30:00Z"), "Asia/Jakarta")).toBe("2026-11-23");
    expect(localDay(new Date("2026-11-22T16:59:59Z"), "Asia/Jakarta")).toBe("2026-11-22");
    expect(localDay(new Date("2026-11-22T16:59:59Z"), "Asia/Jayapura")).toBe("2026-11-23");
  });

  it("names ISO weeks with Monday start, across year ends", () => {
    expect(isoWeekOfDay("2026-11-16")).toBe("2026-W47");
    expect(isoWeekOfDay("2026-11-22")).toBe("2026-W47");
    expect(isoWeekOfDay("2026-11-23")).toBe("2026-W48");
    expect(isoWeekOfDay("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOfDay("2025-12-29")).toBe("2026-W01");
  });

  it("gives the Monday..Sunday range of a week and steps weeks", () => {
    expect(isoWeekRange("2026-W47")).toEqual({ start: "2026-11-16", end: "2026-11-22" });
    expect(isoWeekRange("2026-W01")).toEqual({ start: "2025-12-29", end: "2026-01-04" });
    expect(addWeeks("2026-W01", -1)).toBe("2025-W52");
    expect(addWeeks("2026-W47", -11)).toBe("2026-W36");
  });

  it("converts a local wall time back to UTC", () => {
    expect(localTimeToUtc("2026-11-23", 0, "Asia/Jakarta").toISOString()).toBe("2026-11-22T17:00:00.000Z");
    expect(localTimeToUtc("2026-11-23", 19 * 60 + 5, "Asia/Jakarta").toISOString()).toBe("2026-11-23T12:05:00.000Z");
  });
});
