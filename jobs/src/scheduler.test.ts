import { describe, expect, it } from "vitest";
import type { SourceRow } from "@suara-desa/core/db/sourceRepository";
import { dueSources } from "./scheduler";

const NOW = new Date("2026-11-28T10:00:00Z");
function source(over: Partial<SourceRow>): SourceRow {
  return {
    id: 1, villageId: 1, platform: "x", accountId: "1", handle: null, name: null, settings: {}, tokenEnc: "v1:x", refreshTokenEnc: null, tokenExpiresAt: null, cursor: null,
    status: "active", intervalMinutes: null, lastRunAt: null, lastSuccessAt: null, lastError: null, lastErrorAt: null,
    createdAt: NOW, updatedAt: NOW, ...over,
  };
}
const ago = (min: number) => new Date(NOW.getTime() - min * 60_000);

describe("dueSources", () => {
  it("runs a source never run before", () => {
    expect(dueSources([source({})], NOW, 15)).toHaveLength(1);
  });
  it("respects the default interval and the per-source override", () => {
    const list = [source({ id: 1, lastRunAt: ago(10) }), source({ id: 2, lastRunAt: ago(15) }), source({ id: 3, lastRunAt: ago(10), intervalMinutes: 5 }), source({ id: 4, lastRunAt: ago(50), intervalMinutes: 60 })];
    expect(dueSources(list, NOW, 15).map((s) => s.id)).toEqual([2, 3]);
  });
  it("does not retry paused sources or sources waiting for a new login", () => {
    expect(dueSources([source({ status: "paused" }), source({ status: "needs_login" }), source({ status: "error" })], NOW, 15).map((s) => s.status)).toEqual(["error"]);
  });
});

describe("dueSources after a rate limit", () => {
  it("waits until the recorded pause ends, then runs the source again", () => {
    const paused = source({ lastRunAt: ago(60), settings: { rateLimit: { until: "2026-11-28T10:20:00.000Z", strikes: 2, estimated: true } } });
    expect(dueSources([paused], NOW, 15)).toHaveLength(0);
    expect(dueSources([paused], new Date("2026-11-28T10:20:00Z"), 15)).toHaveLength(1);
  });
});
