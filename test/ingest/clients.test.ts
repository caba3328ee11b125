// Connectors against the local fake API serving the golden fixtures: pagination, normalisation
// end to end, and how each failure surfaces as a typed error.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connector, ConnectorContext } from "@suara-desa/jobs/ingest/connector";
import { AuthError, BadRequestError, RateLimitError, TransientError } from "@suara-desa/jobs/ingest/errors";
import { createFacebookClient } from "@suara-desa/jobs/ingest/facebook/client";
import { createInstagramClient } from "@suara-desa/jobs/ingest/instagram/client";
import type { IncomingComment, IncomingPost } from "@suara-desa/core/ingest/types";
import type { SourceCursor } from "@suara-desa/core/ingest/cursors";
import { sourceCursorColumn } from "@suara-desa/core/db/jsonColumns";
import { createXClient, searchBatches } from "@suara-desa/jobs/ingest/x/client";
import { startFakeApiServer, type FakeServer, type Fault } from "../fake/fakeApiServer";
import { FIXTURE_NOW, fixtureDataset } from "../fake/datasets";

const TOKEN = "test-token-123";
const FIXTURES = path.resolve(__dirname, "../fixtures");
const golden = (p: string) => JSON.parse(readFileSync(path.join(FIXTURES, p), "utf8")) as { comments?: Array<{ externalId: string }>; posts?: Array<{ externalId: string }> };
const noSleep = async () => {};

let fake: FakeServer;
beforeAll(async () => {
  fake = await startFakeApiServer({ dataset: fixtureDataset(), token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW });
});
afterAll(async () => fake.close());

function ctx(platform: "x" | "facebook" | "instagram", over: Partial<ConnectorContext> = {}): ConnectorContext {
  const ds = fixtureDataset();
  const account = platform === "x" ? ds.x.accountId : platform === "facebook" ? ds.facebook.pageId : ds.instagram.userId;
  const handle = platform === "x" ? "desamulyasari" : platform === "instagram" ? "desa.mulyasari" : null;
  return {
    accountId: account, handle, token: TOKEN,
    baseUrl: platform === "x" ? fake.xBaseUrl : fake.graphBaseUrl,
    timeoutMs: 300,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5, maxRateWaitMs: 2_000, sleep: noSleep },
    now: () => new Date(FIXTURE_NOW),
    settings: {},
    ...over,
  };
}

const make = (platform: "x" | "facebook" | "instagram", c: ConnectorContext): Connector =>
  platform === "x" ? createXClient(c) : platform === "facebook" ? createFacebookClient(c) : createInstagramClient(c);

async function fullPass(client: Connector, cursor: SourceCursor | null = null, maxPages = 50) {
  const comments: IncomingComment[] = [];
  const posts: IncomingPost[] = [];
  let pages = 0;
  let postsRead = 0;
  for (;;) {
    const page = await client.fetchPage(cursor);
    comments.push(...page.comments);
    posts.push(...page.posts);
    postsRead += page.postsRead;
    cursor = page.nextCursor;
    pages++;
    if (page.done || pages >= maxPages) break;
  }
  return { comments, posts, cursor, pages, postsRead };
}

const ids = (xs: Array<{ externalId: string }>) => [...new Set(xs.map((x) => x.externalId))].sort();

describe("X client (twitter-api-v2 against the fake API)", () => {
  it("reads mentions, the timeline and replies across pages; yields the golden comments", async () => {
    const pass = await fullPass(createXClient(ctx("x")));
    expect(ids(pass.comments)).toEqual(ids(golden("x/mentions.expected.json").comments!));
    expect(ids(pass.posts)).toEqual(ids(golden("x/timeline.expected.json").posts!));
    expect(pass.pages).toBeGreaterThan(3);
    expect(pass.postsRead).toBeGreaterThan(pass.comments.length - 1);
  });

  it("sends the documented parameters and a bearer token", async () => {
    const before = fake.requests.length;
    await createXClient(ctx("x")).fetchPage(null);
    const req = fake.requests[before];
    expect(req.path).toBe("/2/users/1400000000000000001/mentions");
    expect(req.query["tweet.fields"]).toBe("created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,public_metrics");
    expect(req.query.expansions).toBe("author_id");
    expect(req.query.max_results).toBe("100");
  });

  it("the next pass asks only for newer mentions (since_id = newest seen)", async () => {
    const first = await fullPass(createXClient(ctx("x")));
    const before = fake.requests.length;
    const second = await fullPass(createXClient(ctx("x")), first.cursor);
    expect(fake.requests[before].query.since_id).toBe("1993001122334455667");
    expect(second.comments.filter((c) => !c.postExternalId)).toEqual([]);
  });

  it("maps 401 to AuthError without retrying", async () => {
    const before = fake.requests.length;
    await expect(createXClient(ctx("x", { token: "wrong" })).fetchPage(null)).rejects.toBeInstanceOf(AuthError);
    expect(fake.requests.length - before).toBe(1);
  });

  it("waits out a short 429 and continues; defers a long one", async () => {
    const waits: number[] = [];
    const start = fake.requests.length;
    fake.setFaults((n) => (n === start + 1 ? { kind: "rate_limit", resetInSec: 1 } : null));
    const page = await createXClient(ctx("x", { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5, maxRateWaitMs: 2_000, sleep: async (ms) => { waits.push(ms); } } })).fetchPage(null);
    expect(page.comments.length).toBeGreaterThan(0);
    expect(waits.some((w) => w > 0 && w <= 1_000)).toBe(true);
    const again = fake.requests.length;
    fake.setFaults((n) => (n === again + 1 ? { kind: "rate_limit", resetInSec: 900 } : null));
    const err = await createXClient(ctx("x")).fetchPage(null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).resetAt!.getTime()).toBe(Math.floor(FIXTURE_NOW / 1000) * 1000 + 900_000);
    fake.setFaults(null);
  });

  it("retries 503, truncated JSON and timeouts, then gives up with TransientError", async () => {
    for (const fault of [{ kind: "server_error", status: 503 }, { kind: "truncated" }, { kind: "timeout" }] as Fault[]) {
      const start = fake.requests.length;
      fake.setFaults((n) => (n === start + 1 ? fault : null));
      const page = await createXClient(ctx("x")).fetchPage(null);
      expect(page.comments.length, fault.kind).toBeGreaterThan(0);
    }
    fake.setFaults(() => ({ kind: "server_error", status: 500 }));
    await expect(createXClient(ctx("x")).fetchPage(null)).rejects.toBeInstanceOf(TransientError);
    fake.setFaults(null);
  });

  it("packs conversations into OR queries of at most 512 characters, searched ones first", () => {
    const convs = Array.from({ length: 30 }, (_, i) => String(1992900000000000000n + BigInt(i)));
    const batches = searchBatches(convs, convs.slice(0, 5));
    expect(batches.every((b) => b.query.length <= 512)).toBe(true);
    expect(batches[0].knownOnly).toBe(true);
    expect(batches.flatMap((b) => b.query.split(" OR ")).length).toBe(30);
  });
});

describe("Facebook client (Graph API against the fake)", () => {
  it("lists posts, reads comments following paging.next; yields the golden comments", async () => {
    const pass = await fullPass(createFacebookClient(ctx("facebook")));
    expect(ids(pass.comments)).toEqual(ids(golden("facebook/comments.expected.json").comments!));
    expect(ids(pass.posts)).toEqual(ids(golden("facebook/posts.expected.json").posts!));
    // The token travels as a parameter but is never stored in the cursor.
    expect(JSON.stringify(pass.cursor)).not.toContain(TOKEN);
  });

  it("asks for comments as the issue specifies", async () => {
    const before = fake.requests.length;
    await fullPass(createFacebookClient(ctx("facebook")));
    const req = fake.requests.slice(before).find((r) => r.path.endsWith("/comments"))!;
    expect(req.query).toMatchObject({ filter: "stream", order: "reverse_chronological", fields: "id,message,created_time,from,parent{id},like_count,comment_count,permalink_url" });
  });

  it("the next pass stops reading comments older than the previous pass", async () => {
    const first = await fullPass(createFacebookClient(ctx("facebook")));
    const before = fake.requests.length;
    // A day later: the previous pass started after every comment, so one page per post suffices.
    await fullPass(createFacebookClient(ctx("facebook", { now: () => new Date(FIXTURE_NOW + 86_400_000) })), first.cursor);
    const commentCalls = fake.requests.slice(before).filter((r) => r.path.endsWith("/comments"));
    expect(commentCalls.every((r) => !r.query.after)).toBe(true);
  });

  it("maps code 190 to AuthError, 32 to RateLimitError, 100 to BadRequestError", async () => {
    await expect(createFacebookClient(ctx("facebook", { token: "expired" })).fetchPage(null)).rejects.toBeInstanceOf(AuthError);
    fake.setFaults(() => ({ kind: "rate_limit", resetInSec: 600 }));
    await expect(createFacebookClient(ctx("facebook")).fetchPage(null)).rejects.toBeInstanceOf(RateLimitError);
    fake.setFaults(null);
    await expect(createFacebookClient(ctx("facebook", { accountId: "999" })).fetchPage(null)).rejects.toBeInstanceOf(BadRequestError);
  });

  it("tes koneksi returns the Page name", async () => {
    expect(await createFacebookClient(ctx("facebook")).testConnection()).toEqual({ name: "Pemerintah Desa Mulyasari" });
  });
});

describe("Instagram client (Graph API against the fake)", () => {
  it("reads media, comments with nested replies and /replies; yields every golden comment", async () => {
    const pass = await fullPass(createInstagramClient(ctx("instagram")));
    const expected = ids([...golden("instagram/comments.expected.json").comments!, ...golden("instagram/replies.expected.json").comments!]);
    // replies.json belongs to the first comment in the fake (its /replies continuation).
    expect(ids(pass.comments)).toEqual(expected);
    expect(pass.comments.find((c) => c.externalId === "17890000000000013")!.parentExternalId).toBe("17890000000000001");
  });

  it("skips media whose comments_count did not change since the last pass", async () => {
    const first = await fullPass(createInstagramClient(ctx("instagram")));
    const before = fake.requests.length;
    await fullPass(createInstagramClient(ctx("instagram")), first.cursor);
    expect(fake.requests.slice(before).map((r) => r.path.split("/").pop())).toEqual(["media"]);
  });

  it("tes koneksi returns the username", async () => {
    expect(await createInstagramClient(ctx("instagram")).testConnection()).toEqual({ name: "@desa.mulyasari" });
  });
});

describe("all clients", () => {
  it.each(["x", "facebook", "instagram"] as const)("%s: a pass interrupted at every page and resumed from the cursor reads the same items", async (platform) => {
    const whole = await fullPass(make(platform, ctx(platform)));
    const pieces: IncomingComment[] = [];
    let cursor: SourceCursor | null = null;
    for (let i = 0; i < 50; i++) {
      // A new client per page: nothing survives between pages except the cursor, as stored and read back.
      const page = await make(platform, ctx(platform)).fetchPage(cursor);
      pieces.push(...page.comments);
      cursor = sourceCursorColumn.parse(sourceCursorColumn.serialise(page.nextCursor), platform);
      if (page.done) break;
    }
    expect(ids(pieces)).toEqual(ids(whole.comments));
  });
});

describe("a post deleted between listing and reading", () => {
  it("is skipped (Graph code 100) instead of blocking the source", async () => {
    const ds = fixtureDataset();
    // The second post is listed but its comments edge answers "does not exist".
    const { [ds.facebook.posts[1].id]: _gone, ...comments } = ds.facebook.comments;
    const igMedia = [...ds.instagram.media, { ...ds.instagram.media[0], id: "18034567890999999", comments_count: 3 }];
    const broken = await startFakeApiServer({ dataset: { ...ds, facebook: { ...ds.facebook, comments }, instagram: { ...ds.instagram, media: igMedia } }, token: TOKEN, pageSize: 2, now: () => FIXTURE_NOW });
    try {
      for (const platform of ["facebook", "instagram"] as const) {
        const client = make(platform, ctx(platform, { baseUrl: broken.graphBaseUrl }));
        let cursor: SourceCursor | null = null;
        let rejected = 0;
        const got: IncomingComment[] = [];
        for (let i = 0; i < 30; i++) {
          const page = await client.fetchPage(cursor);
          got.push(...page.comments);
          rejected += page.rejected;
          cursor = page.nextCursor;
          if (page.done) break;
        }
        expect(rejected, platform).toBe(1);
        expect(got.length, platform).toBeGreaterThan(0);
      }
    } finally {
      await broken.close();
    }
  });
});
