import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AuthError, BadRequestError, RateLimitError, TransientError } from "../errors";
import { graphError, graphUrl, stripNext } from "./graph";

const FIXTURES = path.resolve(__dirname, "../../../../test/fixtures/facebook");
const load = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8"));
const NOW = new Date("2026-11-28T10:00:00Z");

describe("graphError", () => {
  it("190 (expired token) -> AuthError", () => {
    const e = graphError(400, load("error-190.json"), new Headers(), NOW);
    expect(e).toBeInstanceOf(AuthError);
    expect(e.message).toMatch(/Graph 190\/463/);
  });
  it("32 (page limit) -> RateLimitError with the reset from x-business-use-case-usage", () => {
    const headers = new Headers({ "x-business-use-case-usage": JSON.stringify({ "104512345678901": [{ type: "pages", call_count: 100, total_cputime: 5, total_time: 9, estimated_time_to_regain_access: 12 }] }) });
    const e = graphError(400, load("error-32.json"), headers, NOW) as RateLimitError;
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.resetAt!.toISOString()).toBe("2026-11-28T10:12:00.000Z");
    expect((graphError(400, load("error-32.json"), new Headers(), NOW) as RateLimitError).resetAt).toBeNull();
  });
  it("usage headers without estimated_time_to_regain_access give an unknown reset, never 'now'", () => {
    // X-App-Usage (code 4) and X-Page-Usage as Meta sends them: percentages, no estimate.
    const app = new Headers({ "x-app-usage": JSON.stringify({ call_count: 100, total_cputime: 14, total_time: 37 }) });
    const page = new Headers({ "x-page-usage": JSON.stringify({ call_count: 100, total_cputime: 3, total_time: 8 }) });
    const bucZero = new Headers({ "x-business-use-case-usage": JSON.stringify({ "104512345678901": [{ type: "pages", call_count: 100, total_cputime: 5, total_time: 9, estimated_time_to_regain_access: 0 }] }) });
    for (const headers of [app, page, bucZero]) {
      expect((graphError(400, { error: { code: 4, message: "(#4) Application request limit reached" } }, headers, NOW) as RateLimitError).resetAt).toBeNull();
    }
    // X-Page-Usage with an estimate, and the latest of several headers wins.
    const both = new Headers({
      "x-page-usage": JSON.stringify({ call_count: 100, total_cputime: 3, total_time: 8, estimated_time_to_regain_access: 30 }),
      "x-business-use-case-usage": JSON.stringify({ "1": [{ type: "pages", call_count: 90, estimated_time_to_regain_access: 5 }] }),
    });
    expect((graphError(400, load("error-32.json"), both, NOW) as RateLimitError).resetAt!.toISOString()).toBe("2026-11-28T10:30:00.000Z");
  });
  it("100 (bad parameter) -> BadRequestError; 5xx and code 2 -> TransientError", () => {
    expect(graphError(400, load("error-100.json"), new Headers(), NOW)).toBeInstanceOf(BadRequestError);
    expect(graphError(500, { error: { code: 2, message: "Service temporarily unavailable" } }, new Headers(), NOW)).toBeInstanceOf(TransientError);
    expect(graphError(502, null, new Headers(), NOW)).toBeInstanceOf(TransientError);
  });
});

describe("paging.next handling", () => {
  it("drops the token and refuses URLs outside the Graph base", () => {
    const base = "https://graph.facebook.com/v23.0";
    const next = load("comments.json").paging.next as string;
    const stripped = stripNext(next, base)!;
    expect(stripped).not.toMatch(/access_token/);
    expect(new URL(stripped).searchParams.get("after")).toBe("WTI5dGJXVnVkRjlqZAFhKemIzSTZAM");
    expect(stripNext("https://evil.example/v23.0/1/comments?after=x", base)).toBeNull();
    expect(graphUrl(`${base}/`, "123/comments", { limit: "100" })).toBe(`${base}/123/comments?limit=100`);
  });
});
