import { describe, expect, it } from "vitest";
import { en } from "./en";
import { makeFormatters, placeholders, translate } from "./format";
import { id, type MessageKey } from "./id";

describe("catalogues", () => {
  const keys = Object.keys(id) as MessageKey[];

  it("give every message in both languages, non-empty", () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(id[k].trim(), `id ${k}`).not.toBe("");
      expect(en[k].trim(), `en ${k}`).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const k of keys) expect(placeholders(en[k]), k).toEqual(placeholders(id[k]));
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(translate(id, "explorer.shown", { count: "1.234" })).toBe("1.234 komentar ditampilkan");
    expect(translate(id, "explorer.shown")).toBe("{count} komentar ditampilkan");
  });

  it("pick the English singular only for one", () => {
    expect(translate(en, "retention.months", { count: 1 })).toBe("1 month");
    expect(translate(en, "retention.months", { count: 12 })).toBe("12 months");
    expect(translate(en, "explorer.shownOf", { count: "1", total: "1.234" })).toBe("1 of 1.234 comments shown");
    expect(translate(en, "explorer.shownOf", { count: "0", total: "1" })).toBe("0 of 1 comment shown");
    expect(translate(en, "retag.stale", { count: 1 })).toBe("1 comment still carries old labels.");
    // A missing parameter stays visible, without the word forms.
    expect(translate(en, "retention.months")).toBe("{count} {count}");
  });
});

describe("formatters", () => {
  const fmt = makeFormatters("id-ID");

  it("format numbers and shares the Indonesian way", () => {
    expect(fmt.number(1234567)).toBe("1.234.567");
    expect(fmt.percent(0.256)).toMatch(/^25,6\s?%$/);
    expect(fmt.points(-0.05)).toBe("5,0");
  });

  it("show a missing share as a dash, never as 0 %", () => {
    expect(fmt.percent(null)).toBe("—");
  });

  it("show calendar dates without time-zone shifts and instants in the village's zone", () => {
    expect(fmt.date("2026-11-16")).toBe("16 Nov 2026");
    expect(fmt.dateRange("2026-11-16", "2026-11-22")).toMatch(/^16\s?–\s?22 Nov 2026$/);
    expect(fmt.dateRange("2026-11-30", "2026-12-06")).toMatch(/^30 Nov\s?–\s?6 Des 2026$/);
    expect(fmt.shortDateRange("2026-11-16", "2026-11-22")).toMatch(/^16\s?–\s?22 Nov$/);
    expect(fmt.shortDateRange("2026-10-26", "2026-11-01")).toMatch(/^26 Okt\s?–\s?1 Nov$/);
    // 17:30 UTC is 00:30 the next day in Jakarta (UTC+7).
    expect(fmt.dateTime("2026-11-16T17:30:00Z", "Asia/Jakarta")).toMatch(/17 Nov 2026.*00[.:]30/);
  });
});
