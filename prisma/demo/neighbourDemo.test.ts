import { describe, expect, it } from "vitest";
import { generateDemoVillageWithTruth } from "./generateDemo";
import { deriveNeighbourVillage } from "./neighbourDemo";

describe("deriveNeighbourVillage", () => {
  const base = generateDemoVillageWithTruth();
  const n = deriveNeighbourVillage(base);

  it("is a small Facebook-only village of the same kecamatan, the same on every call", () => {
    expect(n.village).toMatchObject({ code: "32.15.04.2007", name: "Mulyasejati", kecamatan: base.village.kecamatan, kabupaten: base.village.kabupaten });
    expect(n.sources.map((s) => s.platform)).toEqual(["facebook"]);
    expect(n.comments.length).toBeGreaterThan(200);
    expect(n.comments.length).toBeLessThan(base.comments.length / 5);
    expect(n.comments.every((c) => c.platform === "facebook")).toBe(true);
    expect(deriveNeighbourVillage(generateDemoVillageWithTruth())).toEqual(n);
  });

  it("keeps whole threads under its own posts, with its own page answering and its own name in the texts", () => {
    const ids = new Set(n.comments.map((c) => c.externalId));
    const posts = new Set(n.posts.map((p) => p.externalId));
    expect(n.comments.filter((c) => c.parentExternalId && !ids.has(c.parentExternalId))).toEqual([]);
    expect(n.comments.filter((c) => !posts.has(c.postExternalId ?? ""))).toEqual([]);
    const page = n.sources[0].accountId;
    expect(n.comments.filter((c) => c.authorId === page).length).toBeGreaterThan(0);
    expect(n.comments.some((c) => c.authorId === base.sources.find((s) => s.platform === "facebook")!.accountId)).toBe(false);
    expect([...n.comments, ...n.posts].filter((x) => /Mulyasari/.test(x.text))).toEqual([]);
  });
});
