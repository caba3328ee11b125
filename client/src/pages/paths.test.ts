import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS } from "./explorerFilters";
import { explorerHref, topicHref, villageHref, weeklyHref } from "./paths";

describe("page URLs", () => {
  it("links a topic of a week to the explorer filtered to that topic and week", () => {
    expect(explorerHref({ ...DEFAULT_FILTERS, topic: "bansos", from: "2026-11-16", to: "2026-11-22" }, 1, 1)).toBe(
      "/jelajahi?topic=bansos&from=2026-11-16&to=2026-11-22",
    );
  });

  it("adds the village only when it is not the default one", () => {
    expect(weeklyHref("2026-W40", 2, 1)).toBe("/?week=2026-W40&desa=2");
    expect(weeklyHref(undefined, 1, 1)).toBe("/");
    expect(villageHref("/jelajahi", 3, 1)).toBe("/jelajahi?desa=3");
  });

  it("links a topic page for a week", () => {
    expect(topicHref("air_bersih", "2026-W47", 1, 1)).toBe("/topik/air_bersih?week=2026-W47");
  });
});
