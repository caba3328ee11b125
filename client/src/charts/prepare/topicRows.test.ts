import { describe, expect, it } from "vitest";
import { buildTopicHeadline, buildTopicRows, sortTopicRows } from "./topicRows";

const topic = (key: string, count: number, negatif: number, previous: number) => ({
  key,
  name: key.toUpperCase(),
  count,
  negatif,
  keluhan: 0,
  previous,
  delta: 999, // deliberately wrong: the builder recomputes it from the figures it shows
});

describe("buildTopicRows", () => {
  it("sorts biggest concern first and derives negative share and change", () => {
    const rows = buildTopicRows([topic("bansos", 10, 7, 4), topic("banjir_bencana", 25, 20, 30), topic("sampah", 9, 1, 2), topic("air_bersih", 9, 1, 1)]);
    // Equal counts (sampah, air_bersih): the one that grew more comes first.
    expect(rows.map((r) => r.key)).toEqual(["banjir_bencana", "bansos", "air_bersih", "sampah"]);
    expect(rows[0]).toMatchObject({ negativeShare: 0.8, delta: -5, barRatio: 1, isNew: false });
    expect(rows[1]).toMatchObject({ delta: 6, barRatio: 0.4 });
  });

  it("marks topics absent last week as new and leaves the share of an empty topic null", () => {
    const rows = buildTopicRows([topic("air_bersih", 3, 0, 0), topic("pendidikan", 0, 0, 2)]);
    expect(rows[0]).toMatchObject({ isNew: true, negativeShare: 0 });
    expect(rows[1]).toMatchObject({ isNew: false, negativeShare: null, delta: -2, barRatio: 0 });
  });

  it("uses translated names when given and falls back to the server's name", () => {
    const rows = buildTopicRows([topic("bansos", 1, 0, 0), topic("x", 1, 0, 0)], (k) => (k === "bansos" ? "Social aid" : undefined));
    expect(rows.map((r) => r.name).sort()).toEqual(["Social aid", "X"]);
  });

  it("returns nothing for no topics", () => {
    expect(buildTopicRows([])).toEqual([]);
  });
});

describe("buildTopicHeadline", () => {
  it("names the top three concerns and the one that grew most", () => {
    const rows = buildTopicRows([topic("a", 30, 1, 29), topic("b", 20, 1, 5), topic("c", 10, 1, 1), topic("d", 9, 1, 0)]);
    const h = buildTopicHeadline(rows);
    expect(h.top.map((r) => r.key)).toEqual(["a", "b", "c"]);
    expect(h.grewMost?.key).toBe("b"); // +15 beats +9, +9 and +1
  });

  it("reports no growth when every topic shrank or stayed the same", () => {
    const h = buildTopicHeadline(buildTopicRows([topic("a", 3, 1, 5), topic("b", 2, 0, 2), topic("c", 0, 0, 4)]));
    expect(h.grewMost).toBeNull();
    expect(h.top.map((r) => r.key)).toEqual(["a", "b"]);
  });
});

describe("what the chair asks first", () => {
  const rows = buildTopicRows([topic("bansos", 10, 7, 4), topic("banjir_bencana", 25, 3, 30), topic("air_bersih", 9, 8, 1), topic("sampah", 4, 0, 2)]);

  it("names the most complained topics by their number of negative comments, not by volume", () => {
    expect(buildTopicHeadline(rows).mostComplained.map((r) => [r.key, r.negatif])).toEqual([["air_bersih", 8], ["bansos", 7], ["banjir_bencana", 3]]);
  });

  it("sorts the table by negative comments by default and by any column on request", () => {
    expect(sortTopicRows(rows, "negatif", "desc").map((r) => r.key)).toEqual(["air_bersih", "bansos", "banjir_bencana", "sampah"]);
    expect(sortTopicRows(rows, "count", "desc")[0].key).toBe("banjir_bencana");
    expect(sortTopicRows(rows, "negativeShare", "desc")[0].key).toBe("air_bersih");
    expect(sortTopicRows(rows, "delta", "asc")[0].key).toBe("banjir_bencana");
  });
});
