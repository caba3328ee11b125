import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, buildUrl, getJson } from "./client";

describe("buildUrl", () => {
  it("sorts parameters and drops empty ones so equal requests share one cache key", () => {
    const a = buildUrl("/api/villages/1/comments", { topic: "bansos", sentiment: undefined, q: "", limit: 30, from: null });
    const b = buildUrl("/api/villages/1/comments", { limit: 30, topic: "bansos" });
    expect(a).toBe("/api/villages/1/comments?limit=30&topic=bansos");
    expect(a).toBe(b);
  });

  it("keeps every parameter that changes the request in the key", () => {
    const base = { topic: "bansos", limit: 30 };
    expect(buildUrl("/c", base)).not.toBe(buildUrl("/c", { ...base, sort: "likes" }));
    expect(buildUrl("/c", { q: "air & listrik" })).toBe("/c?q=air+%26+listrik");
  });
});

describe("getJson", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("returns the body of a successful response", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ data: [1, 2] }), { status: 200 }));
    await expect(getJson<{ data: number[] }>("/api/x")).resolves.toEqual({ data: [1, 2] });
  });

  it("turns the server's { error } body into an ApiError with code and message", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: { code: "bad_request", message: "week: must be an ISO week" } }), { status: 400 }));
    const err = await getJson("/api/x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "bad_request", status: 400, message: "week: must be an ISO week" });
  });

  it("reports a non-JSON failure by status and a network failure as code 'network'", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>502</html>", { status: 502 }));
    await expect(getJson("/api/x")).rejects.toMatchObject({ code: "http", status: 502 });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(getJson("/api/x")).rejects.toMatchObject({ code: "network", status: 0 });
  });
});
