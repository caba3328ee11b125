import { describe, expect, it } from "vitest";
import { CommentListQuerySchema, IsoDate, IsoWeek, isoWeeksInYear, YearMonth } from "./contracts";

const message = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message;

describe("period and date schemas (one definition for the API, the CLI and the client)", () => {
  it("accepts real weeks, months and dates of supported years", () => {
    for (const w of ["2026-W47", "2026-W53", "2000-W01", "2100-W52"]) expect(IsoWeek.safeParse(w).success, w).toBe(true);
    for (const m of ["2026-11", "2000-01", "2100-12"]) expect(YearMonth.safeParse(m).success, m).toBe(true);
    for (const d of ["2026-11-23", "2024-02-29", "2000-01-01"]) expect(IsoDate.safeParse(d).success, d).toBe(true);
  });

  it("refuses years outside 2000–2100 with a message saying so", () => {
    expect(message(IsoWeek.safeParse("9999-W52"))).toBe("year must be between 2000 and 2100, got 9999");
    expect(message(YearMonth.safeParse("0000-01"))).toBe("year must be between 2000 and 2100, got 0000");
    expect(message(IsoDate.safeParse("1970-01-01"))).toContain("between 2000 and 2100");
  });

  it("refuses weeks a year does not have and dates the calendar does not have", () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(message(IsoWeek.safeParse("2025-W53"))).toBe("2025 has weeks 01 to 52, got W53");
    expect(message(IsoWeek.safeParse("2026-W00"))).toContain("weeks 01 to 53");
    expect(message(IsoDate.safeParse("2026-02-30"))).toBe("2026-02-30 is not a calendar date");
    expect(message(IsoDate.safeParse("2025-02-29"))).toBe("2025-02-29 is not a calendar date");
    expect(message(IsoDate.safeParse("2026-13-01"))).toBe("2026-13-01 is not a calendar date");
    expect(message(YearMonth.safeParse("2026-13"))).toBe('must be a month like 2026-11, got "2026-13"');
    expect(message(IsoWeek.safeParse("2026-47"))).toBe('must be an ISO week like 2026-W47, got "2026-47"');
  });

  it("names the date filter that is impossible", () => {
    const r = CommentListQuerySchema.safeParse({ from: "2026-02-30" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["from"]);
  });
});
