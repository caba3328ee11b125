import { describe, expect, it } from "vitest";
import { buildActivityGrid } from "./activity";

const empty = () => Array.from({ length: 7 }, () => Array<number>(24).fill(0));

describe("buildActivityGrid", () => {
  it("finds the busiest weekday and hour and scales intensities to it", () => {
    const a = empty();
    a[0][7] = 2; // Monday 07:00
    a[4][19] = 8; // Friday 19:00
    const g = buildActivityGrid(a);
    expect(g.peak).toEqual({ weekday: 4, hour: 19, count: 8 });
    expect(g.total).toBe(10);
    expect(g.rows[0].cells[7].intensity).toBe(0.25);
    expect(g.rows[4].total).toBe(8);
  });

  it("treats missing rows and hours as zero and an empty week as no peak", () => {
    const g = buildActivityGrid([[1, 2]]);
    expect(g.rows).toHaveLength(7);
    expect(g.rows[6].cells).toHaveLength(24);
    expect(g.total).toBe(3);
    const none = buildActivityGrid(undefined);
    expect(none.peak).toBeNull();
    expect(none.rows[3].cells[3].intensity).toBe(0);
  });
});
