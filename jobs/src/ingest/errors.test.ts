import { describe, expect, it } from "vitest";
import { AuthError, localTime, plainMessage, RateLimitError, rateLimitRetryAt } from "./errors";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("rateLimitRetryAt", () => {
  it("uses the API's reset when given, at least a minute ahead", () => {
    expect(rateLimitRetryAt(new Date("2026-11-28T10:12:00Z"), 1, NOW)).toEqual({ at: new Date("2026-11-28T10:12:00Z"), estimated: false });
    expect(rateLimitRetryAt(NOW, 1, NOW)).toEqual({ at: new Date("2026-11-28T10:01:00Z"), estimated: false });
  });
  it("without a reset backs off 15 min, doubling per rate limit in a row, at most 24 h — never 'now'", () => {
    const mins = [1, 2, 3, 4, 10].map((k) => (rateLimitRetryAt(null, k, NOW).at.getTime() - NOW.getTime()) / 60_000);
    expect(mins).toEqual([15, 30, 60, 120, 1440]);
    expect(rateLimitRetryAt(null, 1, NOW).estimated).toBe(true);
  });
});

describe("times in the village's time zone", () => {
  it("WIB, WITA and WIT, with the date when not today", () => {
    expect(localTime(new Date("2026-11-28T10:12:00Z"), "Asia/Jakarta", NOW)).toBe("17.12 WIB");
    expect(localTime(new Date("2026-11-28T10:12:00Z"), "Asia/Makassar", NOW)).toBe("18.12 WITA");
    expect(localTime(new Date("2026-11-28T16:30:00Z"), "Asia/Jayapura", NOW)).toBe("29 Nov 01.30 WIT");
  });
  it("plainMessage names the local retry time and says when it is only an estimate", () => {
    const known = plainMessage(new RateLimitError("Graph 32", new Date("2026-11-28T10:12:00Z"), 400, 32), { timeZone: "Asia/Makassar", now: NOW });
    expect(known).toContain("sekitar 18.12 WITA");
    expect(known).not.toContain("UTC");
    const unknown = plainMessage(new RateLimitError("Graph 4", null, 400, 4), { timeZone: "Asia/Jakarta", now: NOW, retry: rateLimitRetryAt(null, 1, NOW) });
    expect(unknown).toBe("Batas permintaan API tercapai dan platform tidak menyebut kapan dibuka lagi; dicoba lagi sekitar 17.15 WIB.");
    expect(plainMessage(new AuthError("x"))).toMatch(/perlu login ulang/);
  });
});
