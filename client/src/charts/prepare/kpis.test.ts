import { describe, expect, it } from "vitest";
import { buildKpis } from "./kpis";

const totals = (negatif: number, netral: number, positif: number, spam: number) => ({
  negatif,
  netral,
  positif,
  spam,
  comments: negatif + netral + positif,
});

describe("buildKpis", () => {
  it("reports counts as differences and shares as percentage-point changes", () => {
    const [comments, neg, pos, spam] = buildKpis(totals(30, 50, 20, 12), totals(10, 20, 20, 4));
    expect(comments).toMatchObject({ key: "comments", value: 100, change: 50 });
    expect(neg.value).toBeCloseTo(0.3);
    expect(neg.change).toBeCloseTo(0.1); // 30 % now vs 20 % before
    expect(pos.change).toBeCloseTo(-0.2); // 20 % vs 40 %
    expect(spam).toMatchObject({ value: 12, change: 8 });
    expect(neg.better).toBe("down");
    expect(pos.better).toBe("up");
  });

  it("has no change without a previous week", () => {
    expect(buildKpis(totals(1, 1, 1, 0), null).every((k) => k.change === null)).toBe(true);
  });

  it("never invents a share for a week without comments", () => {
    const [, neg, pos] = buildKpis(totals(0, 0, 0, 5), totals(1, 0, 1, 0));
    expect(neg.value).toBeNull();
    expect(neg.change).toBeNull();
    expect(pos.change).toBeNull();
  });
});

describe("small samples", () => {
  it("does not compare shares in points when either week has fewer than 20 comments", () => {
    const week = (comments: number, negatif: number) => ({ comments, negatif, netral: comments - negatif, positif: 0, spam: 0 });
    const kpis = buildKpis(week(5, 3), week(5, 1));
    const neg = kpis.find((k) => k.key === "negativeShare")!;
    expect(neg.change).toBeNull();
    expect(neg.smallSample).toEqual({ now: 3, before: 1 });
    expect(buildKpis(week(40, 10), week(50, 20)).find((k) => k.key === "negativeShare")!.smallSample).toBeUndefined();
  });
});
