import { describe, expect, it } from "vitest";
import type { VillageComparisonRowDTO } from "@suara-desa/shared/contracts";
import { isSmallSample } from "@suara-desa/shared/samples";
import { buildComparisonRows, sortComparisonRows } from "./comparisonRows";

const row = (id: number, name: string, t: Partial<VillageComparisonRowDTO["totals"]>, latestDataDay: string | null = "2026-11-22"): VillageComparisonRowDTO => ({
  village: { id, code: `32.15.04.200${id}`, name, kecamatan: "Ciampel", kabupaten: "Karawang", timeZone: "Asia/Jakarta" },
  totals: { comments: 0, positif: 0, netral: 0, negatif: 0, needsReply: 0, answered: 0, overdue: 0, medianFirstReplyHours: null, ...t },
  topComplaint: null,
  smallSample: isSmallSample(t.comments ?? 0),
  freshness: { lastFetchAt: null, latestDataDay, needsLogin: 0, stale: true, currentWeekEmpty: null },
});

const rows = buildComparisonRows([
  row(1, "Mulyasari", { comments: 200, positif: 50, netral: 90, negatif: 60, needsReply: 40, answered: 30, medianFirstReplyHours: 5 }),
  row(2, "Mulyasejati", { comments: 20, positif: 2, netral: 8, negatif: 10, needsReply: 8, answered: 2, medianFirstReplyHours: 20 }, "2026-11-20"),
  row(3, "Kutapohaci", {}, null),
]);

describe("buildComparisonRows", () => {
  it("derives the review's shares and leaves a gap where there is nothing to divide", () => {
    expect(rows[0]).toMatchObject({ negativeShare: 0.3, answeredShare: 0.75 });
    expect(rows[1]).toMatchObject({ negativeShare: 0.5, answeredShare: 0.25 });
    expect(rows[2]).toMatchObject({ negativeShare: null, answeredShare: null, medianFirstReplyHours: null });
  });
});

describe("sortComparisonRows", () => {
  const names = (key: Parameters<typeof sortComparisonRows>[1], dir: "asc" | "desc") => sortComparisonRows(rows, key, dir).map((r) => r.name);
  it("sorts by a share either way, villages without the figure last", () => {
    expect(names("negativeShare", "desc")).toEqual(["Mulyasejati", "Mulyasari", "Kutapohaci"]);
    expect(names("negativeShare", "asc")).toEqual(["Mulyasari", "Mulyasejati", "Kutapohaci"]);
    expect(names("answeredShare", "asc")).toEqual(["Mulyasejati", "Mulyasari", "Kutapohaci"]);
    expect(names("medianFirstReplyHours", "desc")).toEqual(["Mulyasejati", "Mulyasari", "Kutapohaci"]);
  });
  it("sorts by name and by how fresh the data is", () => {
    expect(names("name", "asc")).toEqual(["Kutapohaci", "Mulyasari", "Mulyasejati"]);
    expect(names("freshness", "asc")).toEqual(["Mulyasejati", "Mulyasari", "Kutapohaci"]);
    expect(names("comments", "desc")).toEqual(["Mulyasari", "Mulyasejati", "Kutapohaci"]);
  });
});

describe("small samples", () => {
  const withSmall = buildComparisonRows([
    row(1, "Mulyasari", { comments: 200, positif: 50, netral: 90, negatif: 60 }),
    row(2, "Mulyasejati", { comments: 20, positif: 2, netral: 8, negatif: 10 }),
    row(5, "Karangmulya", { comments: 4, positif: 0, netral: 1, negatif: 3 }),
    row(3, "Kutapohaci", {}, null),
  ]);
  it("carries the API's small-sample mark with the share it would have been", () => {
    expect(withSmall.find((r) => r.name === "Karangmulya")).toMatchObject({ smallSample: true, negatif: 3, comments: 4, negativeShare: 0.75 });
    expect(withSmall.find((r) => r.name === "Mulyasejati")!.smallSample).toBe(false);
  });
  it("never ranks a small sample's share: 3 of 4 negative sorts with the missing figures, in either direction", () => {
    const order = (dir: "asc" | "desc") => sortComparisonRows(withSmall, "negativeShare", dir).map((r) => r.name);
    expect(order("desc")).toEqual(["Mulyasejati", "Mulyasari", "Karangmulya", "Kutapohaci"]);
    expect(order("asc")).toEqual(["Mulyasari", "Mulyasejati", "Karangmulya", "Kutapohaci"]);
    // By comments it is an ordinary figure.
    expect(sortComparisonRows(withSmall, "comments", "asc").map((r) => r.name)).toEqual(["Kutapohaci", "Karangmulya", "Mulyasejati", "Mulyasari"]);
  });
});
