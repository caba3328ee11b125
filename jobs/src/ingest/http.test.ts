import { describe, expect, it } from "vitest";
import { AuthError, BadRequestError, plainMessage, RateLimitError, statusForError, TransientError } from "./errors";
import { backoffMs, withRetry, type RetryPolicy } from "./http";

const NOW = 1_800_000_000_000;
function policy(waits: number[], over: Partial<RetryPolicy> = {}): RetryPolicy {
  return { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRateWaitMs: 60_000, maxRateWaits: 2, sleep: async (ms) => { waits.push(ms); }, now: () => NOW, ...over };
}
function failing(errors: Error[], value = "ok") {
  let calls = 0;
  return { fn: async () => { const e = errors[calls++]; if (e) throw e; return value; }, calls: () => calls };
}

describe("withRetry", () => {
  it("retries transient failures with growing backoff, then succeeds", async () => {
    const waits: number[] = [];
    const f = failing([new TransientError("500"), new TransientError("timeout")]);
    expect(await withRetry(f.fn, policy(waits))).toBe("ok");
    expect(f.calls()).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThan(waits[0] * 1.1);
  });

  it("gives up after the configured retries", async () => {
    const f = failing(Array.from({ length: 10 }, () => new TransientError("503")));
    await expect(withRetry(f.fn, policy([]))).rejects.toBeInstanceOf(TransientError);
    expect(f.calls()).toBe(4);
  });

  it("never retries auth or bad-request errors", async () => {
    for (const e of [new AuthError("190"), new BadRequestError("100")]) {
      const f = failing([e]);
      await expect(withRetry(f.fn, policy([]))).rejects.toBe(e);
      expect(f.calls()).toBe(1);
    }
  });

  it("waits out a rate limit that resets soon, defers one that resets late or never says", async () => {
    const waits: number[] = [];
    const soon = failing([new RateLimitError("429", new Date(NOW + 20_000))]);
    expect(await withRetry(soon.fn, policy(waits))).toBe("ok");
    expect(waits).toEqual([20_000]);
    const late = failing([new RateLimitError("429", new Date(NOW + 900_000))]);
    await expect(withRetry(late.fn, policy([]))).rejects.toBeInstanceOf(RateLimitError);
    const unknown = failing([new RateLimitError("32", null)]);
    await expect(withRetry(unknown.fn, policy([]))).rejects.toBeInstanceOf(RateLimitError);
  });

  it("backoff is capped and jittered within ±25 %", () => {
    expect(backoffMs(1, { baseDelayMs: 100, maxDelayMs: 1_000 }, () => 0)).toBe(75);
    expect(backoffMs(1, { baseDelayMs: 100, maxDelayMs: 1_000 }, () => 1)).toBe(125);
    expect(backoffMs(10, { baseDelayMs: 100, maxDelayMs: 1_000 }, () => 0.5)).toBe(1_000);
  });
});

describe("errors", () => {
  it("map to source status and plain Indonesian", () => {
    expect(statusForError(new AuthError("x"))).toBe("needs_login");
    expect(statusForError(new RateLimitError("x", null))).toBe("active");
    expect(statusForError(new TransientError("x"))).toBe("active");
    expect(statusForError(new BadRequestError("x"))).toBe("error");
    expect(plainMessage(new AuthError("x"))).toMatch(/perlu login ulang/);
    // Reset times are shown in the village's time zone (WIB unless told), not UTC.
    expect(plainMessage(new RateLimitError("x", new Date("2026-11-28T10:15:00Z")), { now: new Date("2026-11-28T10:00:00Z") })).toMatch(/sekitar 17\.15 WIB/);
    expect(plainMessage(new RateLimitError("x", new Date("2026-11-28T10:15:00Z")), { timeZone: "Asia/Jayapura", now: new Date("2026-11-28T10:00:00Z") })).toMatch(/sekitar 19\.15 WIT/);
  });
});
