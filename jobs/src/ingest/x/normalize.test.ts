import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeXComments, normalizeXPosts, type XTweetsResponse } from "./normalize";

const FIXTURES = path.resolve(__dirname, "../../../../test/fixtures/x");
const load = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
const VILLAGE = "1400000000000000001";

describe("X normalize (golden)", () => {
  it("mentions.json -> mentions.expected.json", () => {
    expect(plain(normalizeXComments(load("mentions.json")))).toEqual(load("mentions.expected.json"));
  });
  it("timeline.json -> timeline.expected.json", () => {
    expect(plain(normalizeXPosts(load("timeline.json"), { handle: "desamulyasari" }))).toEqual(load("timeline.expected.json"));
  });
});

describe("X normalize rules", () => {
  const mentions = load("mentions.json") as XTweetsResponse;
  const out = normalizeXComments(mentions);

  it("skips retweets; keeps the village's own replies with its account id (the store flags them)", () => {
    expect(out.skipped).toEqual([{ id: "1993000777777777777", reason: "retweet" }]);
    const own = out.comments.find((c) => c.externalId === "1993000888888888888")!;
    expect(own.authorId).toBe(VILLAGE);
  });

  it("hangs a reply on the conversation root and keeps a reply-to-reply as parent", () => {
    const direct = out.comments.find((c) => c.externalId === "1993001122334455667")!;
    expect(direct.postExternalId).toBe("1992900000000000001");
    expect(direct.parentExternalId).toBeNull();
    const nested = out.comments.find((c) => c.externalId === "1993001122334455600")!;
    expect(nested.parentExternalId).toBe("1993000000000000009");
  });

  it("takes author names from includes.users and like counts from public_metrics", () => {
    const c = out.comments.find((x) => x.externalId === "1993000999999999999")!;
    expect(c.authorName).toBe("Bu Siti (@siti.mulyasari)");
    expect(c.likeCount).toBe(15);
    expect(c.publishedAt).toBeInstanceOf(Date);
  });

  it("rejects a tweet without a usable created_at instead of inventing a time", () => {
    const bad = normalizeXComments({ data: [{ id: "1", text: "halo", created_at: "kemarin" }] });
    expect(bad.comments).toEqual([]);
    expect(bad.skipped).toEqual([{ id: "1", reason: "missing or invalid created_at" }]);
  });

  it("handles an empty result (meta.result_count 0, no data)", () => {
    expect(normalizeXComments(load("empty.json")).comments).toEqual([]);
  });
});
