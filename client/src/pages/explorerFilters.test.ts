import { describe, expect, it } from "vitest";
import { activeFilterKeys, DEFAULT_FILTERS, filtersToSearch, isRangeValid, parseFilters } from "./explorerFilters";

describe("explorer filters in the URL", () => {
  it("round-trips every filter through the query string", () => {
    const f = {
      topic: "air_bersih",
      sentiment: "negatif" as const,
      platform: "facebook" as const,
      language: "su" as const,
      q: "jalan rusak",
      from: "2026-11-16",
      to: "2026-11-22",
      spam: "include" as const,
      pii: "only" as const,
      sort: "likes" as const,
    };
    const search = filtersToSearch(f);
    expect(search).toBe("?topic=air_bersih&sentiment=negatif&platform=facebook&language=su&q=jalan+rusak&from=2026-11-16&to=2026-11-22&spam=include&pii=only&sort=likes");
    expect(parseFilters(search)).toEqual(f);
  });

  it("leaves defaults out of the URL", () => {
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe("");
    expect(parseFilters("")).toEqual(DEFAULT_FILTERS);
  });

  it("drops unknown or malformed values instead of sending them to the API", () => {
    const f = parseFilters("?topic=Air%20Bersih&sentiment=marah&platform=tiktok&language=fr&from=2026-02-30&to=yesterday&spam=all&pii=yes&sort=random&q=%20%20");
    expect(f).toEqual(DEFAULT_FILTERS);
  });

  it("trims and caps free text at 200 characters (the API's limit)", () => {
    expect(parseFilters(`?q=${"a".repeat(250)}`).q).toHaveLength(200);
    expect(parseFilters("?q=%20banjir%20").q).toBe("banjir");
  });

  it("counts active filters without the sort order", () => {
    expect(activeFilterKeys(parseFilters("?topic=bansos&sort=likes&spam=only"))).toEqual(["topic", "spam"]);
  });

  it("rejects a range that ends before it starts", () => {
    expect(isRangeValid(parseFilters("?from=2026-11-22&to=2026-11-16"))).toBe(false);
    expect(isRangeValid(parseFilters("?from=2026-11-16&to=2026-11-16"))).toBe(true);
    expect(isRangeValid(parseFilters("?from=2026-11-16"))).toBe(true);
  });
});
