import { describe, expect, it } from "vitest";
import { buildSentimentTrend, sentimentShares } from "./sentimentTrend";

const point = (week: string, negatif: number, netral: number, positif: number) => ({
  week,
  negatif,
  netral,
  positif,
  comments: negatif + netral + positif,
});

describe("buildSentimentTrend", () => {
  it("covers 12 weeks ending at the chosen week, oldest first", () => {
    const out = buildSentimentTrend([point("2026-W47", 5, 3, 2)], "2026-W47");
    expect(out.map((w) => w.week)).toEqual([
      "2026-W36", "2026-W37", "2026-W38", "2026-W39", "2026-W40", "2026-W41",
      "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47",
    ]);
    expect(out[11]).toMatchObject({ start: "2026-11-16", end: "2026-11-22", negatif: 5, rated: 10 });
  });

  it("fills a missing week with zero counts and null shares (a gap, not 0 %)", () => {
    const out = buildSentimentTrend([point("2026-W45", 1, 1, 2), point("2026-W47", 3, 0, 1)], "2026-W47");
    const w46 = out.find((w) => w.week === "2026-W46")!;
    expect(w46).toMatchObject({ negatif: 0, netral: 0, positif: 0, rated: 0 });
    expect(w46.shares).toEqual({ negatif: null, netral: null, positif: null });
    expect(out.find((w) => w.week === "2026-W45")!.shares.positif).toBe(0.5);
  });

  it("keeps the shares of a week the server sent with zero comments null too", () => {
    const out = buildSentimentTrend([point("2026-W47", 0, 0, 0)], "2026-W47");
    expect(out[11].shares.negatif).toBeNull();
  });

  it("ignores points outside the window", () => {
    const out = buildSentimentTrend([point("2026-W30", 9, 9, 9), point("2026-W48", 9, 9, 9)], "2026-W47");
    expect(out.reduce((s, w) => s + w.rated, 0)).toBe(0);
  });

  it("moves the window with the chosen week", () => {
    const out = buildSentimentTrend([point("2026-W40", 4, 0, 0)], "2026-W41", 4);
    expect(out.map((w) => w.week)).toEqual(["2026-W38", "2026-W39", "2026-W40", "2026-W41"]);
    expect(out[2].shares.negatif).toBe(1);
  });
});

describe("sentimentShares", () => {
  it("divides by the rated comments so the three shares add up to one", () => {
    const s = sentimentShares({ negatif: 1, netral: 2, positif: 1 });
    expect(s.negatif! + s.netral! + s.positif!).toBeCloseTo(1);
    expect(s.netral).toBe(0.5);
  });
});
