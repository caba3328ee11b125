import { describe, expect, it } from "vitest";
import { MAX_AUTHOR_CHARS, MAX_ID_CHARS, MAX_URL_CHARS } from "../limits";
import { parsePublishedAt, rowToComment } from "./rows";

describe("import rows", () => {
  it("reads local times in the village's zone and ISO times as given", () => {
    expect(parsePublishedAt("2026-11-20 19:05", "Asia/Jakarta")?.toISOString()).toBe("2026-11-20T12:05:00.000Z");
    expect(parsePublishedAt("2026-11-20T19:05:00+07:00", "Asia/Jakarta")?.toISOString()).toBe("2026-11-20T12:05:00.000Z");
    expect(parsePublishedAt("2026-11-20T12:05:00Z", "Asia/Makassar")?.toISOString()).toBe("2026-11-20T12:05:00.000Z");
    expect(parsePublishedAt("2026-02-30 10:00", "Asia/Jakarta")).toBeNull();
    expect(parsePublishedAt("20/11/2026", "Asia/Jakarta")).toBeNull();
  });

  it("names the wrong field", () => {
    const ok = { text: "jln rusak", published_at: "2026-11-20 10:00" };
    expect(rowToComment({ ...ok, text: "  " }, "Asia/Jakarta")).toEqual({ ok: false, reason: "text: is empty" });
    expect(rowToComment({ ...ok, published_at: "kemarin" }, "Asia/Jakarta")).toMatchObject({ ok: false, reason: expect.stringMatching(/^published_at:/) });
    expect(rowToComment({ ...ok, likes: "banyak" }, "Asia/Jakarta")).toMatchObject({ ok: false, reason: expect.stringMatching(/^likes:/) });
    expect(rowToComment({ ...ok, platform: "tiktok" }, "Asia/Jakarta")).toMatchObject({ ok: false, reason: expect.stringMatching(/^platform:/) });
  });

  it("derives a stable key from platform, author, time and text when there is no id", () => {
    const a = rowToComment({ text: "air mati lagi", published_at: "2026-11-20 10:00", author: "Ujang" }, "Asia/Jakarta");
    const b = rowToComment({ text: "air mati lagi", published_at: "2026-11-20 10:00", author: "Ujang" }, "Asia/Jakarta");
    const c = rowToComment({ text: "air mati lagi", published_at: "2026-11-20 10:01", author: "Ujang" }, "Asia/Jakarta");
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(a.comment.externalId).toBe(b.comment.externalId);
      expect(a.comment.externalId).not.toBe(c.comment.externalId);
      expect(a.comment.platform).toBe("file");
    }
  });

  it("rejects an author name longer than the shared limit, naming the field; a name at the limit is kept", () => {
    const ok = { text: "jalan rusak", published_at: "2026-11-20 10:00" };
    expect(rowToComment({ ...ok, author: "A".repeat(MAX_AUTHOR_CHARS + 1) }, "Asia/Jakarta")).toEqual({ ok: false, reason: `author: longer than ${MAX_AUTHOR_CHARS} characters` });
    const atLimit = rowToComment({ ...ok, author: ` ${"B".repeat(MAX_AUTHOR_CHARS)} ` }, "Asia/Jakarta");
    expect(atLimit.ok && atLimit.comment.authorName).toBe("B".repeat(MAX_AUTHOR_CHARS));
  });

  it("applies the id and link limits to post_id, parent_id and url too", () => {
    const ok = { text: "jalan rusak", published_at: "2026-11-20 10:00" };
    expect(rowToComment({ ...ok, parent_id: "p".repeat(MAX_ID_CHARS + 1) }, "Asia/Jakarta")).toMatchObject({ ok: false, reason: expect.stringMatching(/^parent_id: longer than/) });
    expect(rowToComment({ ...ok, post_id: "p".repeat(MAX_ID_CHARS + 1) }, "Asia/Jakarta")).toMatchObject({ ok: false, reason: expect.stringMatching(/^post_id: longer than/) });
    expect(rowToComment({ ...ok, url: `https://x.com/${"a".repeat(MAX_URL_CHARS)}` }, "Asia/Jakarta")).toMatchObject({ ok: false, reason: expect.stringMatching(/^url: longer than/) });
  });
});
