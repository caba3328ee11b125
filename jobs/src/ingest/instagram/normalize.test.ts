import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeInstagramComments, normalizeInstagramMedia, normalizeInstagramReplies } from "./normalize";

const FIXTURES = path.resolve(__dirname, "../../../../test/fixtures/instagram");
const load = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
const MEDIA = "18034567890123456";

describe("Instagram normalize (golden)", () => {
  it("media.json -> media.expected.json", () => {
    expect(plain(normalizeInstagramMedia(load("media.json")))).toEqual(load("media.expected.json"));
  });
  it("comments.json -> comments.expected.json", () => {
    expect(plain(normalizeInstagramComments(load("comments.json"), { mediaId: MEDIA }))).toEqual(load("comments.expected.json"));
  });
  it("replies.json -> replies.expected.json", () => {
    expect(plain(normalizeInstagramReplies(load("replies.json"), { mediaId: MEDIA, parentId: "17890000000000002" }))).toEqual(load("replies.expected.json"));
  });
});

describe("Instagram normalize rules", () => {
  const out = normalizeInstagramComments(load("comments.json"), { mediaId: MEDIA });
  it("flattens nested replies under their comment, the account's own replies included", () => {
    const reply = out.comments.find((c) => c.externalId === "17890000000000012")!;
    expect(reply.parentExternalId).toBe("17890000000000001");
    expect(out.comments.find((c) => c.externalId === "17890000000000011")!.authorId).toBe("desa.mulyasari");
  });
  it("asks for /{comment-id}/replies only where the nested replies have a next page", () => {
    expect(out.moreReplies).toEqual(["17890000000000001"]);
  });
  it("uses the username as author id (the only identity IG gives a business account)", () => {
    expect(out.comments[0].authorId).toBe("ujang.krawang");
  });
});
