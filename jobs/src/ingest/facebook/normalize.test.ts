import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeFacebookComments, normalizeFacebookPosts, parseGraphTime } from "./normalize";

const FIXTURES = path.resolve(__dirname, "../../../../test/fixtures/facebook");
const load = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
const opts = { postId: "104512345678901_122150000000000001" };

describe("Facebook normalize (golden)", () => {
  it("posts.json -> posts.expected.json", () => {
    expect(plain(normalizeFacebookPosts(load("posts.json")))).toEqual(load("posts.expected.json"));
  });
  it("comments.json -> comments.expected.json", () => {
    expect(plain(normalizeFacebookComments(load("comments.json"), opts))).toEqual(load("comments.expected.json"));
  });
});

describe("Facebook normalize rules", () => {
  const out = normalizeFacebookComments(load("comments.json"), opts);
  it("keeps replies flat with their parent (filter=stream)", () => {
    expect(out.comments.find((c) => c.externalId.endsWith("_1187000000000002"))!.parentExternalId).toBe("122150000000000001_1187000000000001");
  });
  it("skips empty messages; keeps the Page's own answers under the Page id (the store flags them)", () => {
    expect(out.skipped).toEqual([{ id: "122150000000000001_1187000000000010", reason: "no text" }]);
    expect(out.comments.find((c) => c.externalId.endsWith("_1187000000000011"))!.authorId).toBe("104512345678901");
  });
  it("keeps a comment whose author is hidden, without inventing one", () => {
    const hidden = out.comments.find((c) => c.externalId.endsWith("_1187000000000001"))!;
    expect(hidden.authorId).toBeNull();
    expect(hidden.authorName).toBeNull();
  });
  it("parses Graph offsets (+0000, -0700)", () => {
    expect(parseGraphTime("2026-11-24T04:12:09+0000")!.toISOString()).toBe("2026-11-24T04:12:09.000Z");
    expect(parseGraphTime("2026-11-24T04:12:09-0700")!.toISOString()).toBe("2026-11-24T11:12:09.000Z");
    expect(parseGraphTime("bukan tanggal")).toBeNull();
  });
  it("falls back to story when a post has no message", () => {
    const posts = normalizeFacebookPosts(load("posts.json")).posts;
    expect(posts[1].text).toMatch(/cover photo/);
  });
});
