import { describe, expect, it } from "vitest";
import { QueryCache } from "./queryCache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("QueryCache", () => {
  it("shares one in-flight request per key and notifies subscribers", async () => {
    const cache = new QueryCache();
    let calls = 0;
    const d = deferred<string>();
    const fetcher = () => {
      calls++;
      return d.promise;
    };
    const seen: string[] = [];
    cache.subscribe("k", () => seen.push(cache.get<string>("k").status));
    const p1 = cache.ensure("k", fetcher);
    const p2 = cache.ensure("k", fetcher);
    expect(calls).toBe(1);
    expect(cache.get("k")).toMatchObject({ status: "loading", fetching: true });
    d.resolve("ok");
    await Promise.all([p1, p2]);
    expect(cache.get("k")).toMatchObject({ status: "success", data: "ok", fetching: false });
    expect(seen).toEqual(["loading", "success"]);
  });

  it("serves fresh data without refetching and refetches once stale", async () => {
    let now = 1_000;
    const cache = new QueryCache(60_000, 100, () => now);
    let calls = 0;
    const fetcher = async () => ++calls;
    await cache.ensure("k", fetcher);
    await cache.ensure("k", fetcher);
    expect(calls).toBe(1);
    now += 61_000;
    await cache.ensure("k", fetcher);
    expect(calls).toBe(2);
    expect(cache.get("k").data).toBe(2);
  });

  it("records an error, and keeps old data when only a refresh fails", async () => {
    const cache = new QueryCache();
    await cache.ensure("a", async () => {
      throw new Error("boom");
    });
    expect(cache.get("a")).toMatchObject({ status: "error", data: undefined });
    expect(cache.get("a").error?.message).toBe("boom");

    await cache.ensure("b", async () => "v1");
    await cache.ensure("b", async () => Promise.reject(new Error("offline")), true);
    expect(cache.get("b")).toMatchObject({ status: "success", data: "v1", fetching: false });
  });

  it("evicts the oldest unobserved entries beyond its size", async () => {
    const cache = new QueryCache(60_000, 2);
    cache.subscribe("watched", () => {});
    await cache.ensure("watched", async () => 0);
    await cache.ensure("b", async () => 1);
    await cache.ensure("c", async () => 2);
    expect(cache.get("watched").status).toBe("success");
    expect(cache.get("b")).toMatchObject({ status: "loading", data: undefined }); // evicted: back to idle
    expect(cache.get("c").data).toBe(2);
  });
});

describe("QueryCache after a write", () => {
  it("refetches watched entries (showing old data meanwhile) and drops unwatched ones", async () => {
    const cache = new QueryCache();
    cache.subscribe("watched", () => {});
    let calls = 0;
    await cache.ensure("watched", async () => ++calls);
    await cache.ensure("other", async () => "x");
    cache.invalidateAll();
    expect(cache.get("watched")).toMatchObject({ data: 1, fetching: true });
    expect(cache.get("other").status).toBe("loading");
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.get("watched").data).toBe(2);
  });

  it("keeps exempted entries and updates their data in place", async () => {
    const cache = new QueryCache();
    await cache.ensure("pages:a", async () => [1, 2, 3]);
    cache.invalidateAll((k) => k.startsWith("pages:"));
    cache.updateData<number[]>((k) => k.startsWith("pages:"), (d) => d.map((n) => (n === 2 ? 20 : n)));
    expect(cache.get("pages:a").data).toEqual([1, 20, 3]);
  });

  it("forgets everything on clear()", async () => {
    const cache = new QueryCache();
    await cache.ensure("k", async () => 1);
    cache.clear();
    expect(cache.get("k").status).toBe("loading");
  });

  it("refreshes, when the person comes back, only stale entries that are on screen", async () => {
    let t = 0;
    const cache = new QueryCache(60_000, 100, () => t);
    const calls: string[] = [];
    const fetcher = (k: string) => () => {
      calls.push(k);
      return Promise.resolve(`${k}@${t}`);
    };
    cache.subscribe("shown", () => {});
    await cache.ensure("shown", fetcher("shown"));
    await cache.ensure("hidden", fetcher("hidden"));
    t = 30_000;
    cache.refreshWatched(); // still fresh: nothing
    expect(calls).toEqual(["shown", "hidden"]);
    t = 2 * 24 * 3600_000; // the tab was left open over the weekend
    cache.refreshWatched();
    expect(calls).toEqual(["shown", "hidden", "shown"]);
    await Promise.resolve();
    await Promise.resolve();
    expect(cache.get("shown").data).toBe(`shown@${t}`);
    expect(cache.get("hidden").data).toBe("hidden@0");
  });
});
