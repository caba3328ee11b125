// X connector (API v2, app-only bearer token) through twitter-api-v2. One pass:
//   1. mentions of the village account (since_id = newest mention of the last finished pass),
//   2. the account's own posts of the last 7 days (its timeline),
//   3. replies to those posts: recent search `(conversation_id:A OR conversation_id:B …) -@handle`.
//      Every reply that mentions the village was already read in step 1 (X bills every post read,
//      and a reply to the village names it), so the search leaves those out and reads only the
//      replies that do not mention the account (replies among residents, the village's own).
// Conversations searched in the previous pass are searched from that pass's start only; new ones
// over the whole 7-day window recent search allows. Rate-limit headers are honoured before the
// next call; a 429 is waited out when the reset is near, otherwise the run stops and the saved
// cursor resumes next time.
import http from "node:http";
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, TwitterApi } from "twitter-api-v2";
import type { Connector, ConnectorContext, ConnectorPage } from "../connector";
import { resumeCursor, type SourceCursor, type XCursor } from "@suara-desa/core/ingest/cursors";
import { AuthError, BadRequestError, RateLimitError, TransientError } from "../errors";
import { epochHeader, sleep, withRetry } from "../http";
import { normalizeXComments, normalizeXPosts, type XTweetsResponse } from "./normalize";

export const X_TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,public_metrics";
const DAY_MS = 86_400_000;
/** Replies this much older than the previous pass start are searched again (indexing delay). */
const OVERLAP_MS = 10 * 60_000;
/** Recent search allows 7 days; stay a minute inside so a slow pass never asks for more. */
const SEARCH_WINDOW_MS = 7 * DAY_MS - 60_000;
/** Query length limit of recent search on the basic tiers. */
const MAX_QUERY = 512;

/** Larger of two tweet ids (ids are 64-bit; compare as BigInt). */
export function maxId(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return BigInt(a) >= BigInt(b) ? a : b;
}

/** A handle usable in a search operator ("@desa_x" / "desa_x" -> "desa_x"), or null. */
export function searchableHandle(handle: string | null | undefined): string | null {
  const h = handle?.trim().replace(/^@/, "") ?? "";
  return /^\w{1,15}$/.test(h) ? h : null;
}

/**
 * Groups conversation ids into OR-queries of at most 512 characters; searched conversations first.
 * With the account's handle, each query excludes posts mentioning it (`-@handle`): the mentions
 * phase has read those already.
 */
export function searchBatches(conversations: string[], known: string[], handle: string | null = null): Array<{ query: string; knownOnly: boolean }> {
  const knownSet = new Set(known);
  const exclude = handle ? ` -@${handle}` : "";
  const build = (terms: string[]) => (exclude ? `(${terms.join(" OR ")})${exclude}` : terms.join(" OR "));
  const out: Array<{ query: string; knownOnly: boolean }> = [];
  for (const knownOnly of [true, false]) {
    let terms: string[] = [];
    const flush = () => { if (terms.length) out.push({ query: build(terms), knownOnly }); terms = []; };
    for (const id of conversations.filter((c) => knownSet.has(c) === knownOnly)) {
      const term = `conversation_id:${id}`;
      if (terms.length && build([...terms, term]).length > MAX_QUERY) flush();
      terms.push(term);
    }
    flush();
  }
  return out;
}

/** Maps twitter-api-v2 failures to connector errors. */
export function classifyXError(err: unknown): Error {
  if (err instanceof ApiResponseError) {
    const detail = (err.data as { detail?: string; title?: string } | undefined)?.detail ?? err.message;
    if (err.code === 401 || err.code === 403) return new AuthError(`X ${err.code}: ${detail}`, err.code);
    if (err.code === 429) {
      const reset = err.rateLimit?.reset ? new Date(err.rateLimit.reset * 1000) : epochHeader(err.headers?.["x-rate-limit-reset"] as string | undefined);
      return new RateLimitError(`X 429: ${detail}`, reset, 429);
    }
    if (err.code >= 500) return new TransientError(`X ${err.code}: ${detail}`, err.code);
    return new BadRequestError(`X ${err.code}: ${detail}`, err.code);
  }
  if (err instanceof ApiPartialResponseError) return new TransientError(`X: truncated response (${err.message})`);
  if (err instanceof ApiRequestError) return new TransientError(`X: request failed (${err.requestError?.message ?? err.message})`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Creates the connector for one X account source. */
export function createXClient(ctx: ConnectorContext): Connector {
  const base = ctx.baseUrl.replace(/\/+$/, "");
  // twitter-api-v2 sends through https.request; an http:// base (local proxy, tests) needs an
  // http agent, which makes Node accept the http: protocol.
  const api = new TwitterApi(ctx.token, base.startsWith("http:") ? { httpAgent: new http.Agent({ keepAlive: false }) } : {});
  const limits = new Map<string, { remaining: number; reset: number }>();
  const handle = searchableHandle(ctx.handle);

  async function get(endpoint: string, path: string, query: Record<string, string>): Promise<XTweetsResponse> {
    return withRetry(async () => {
      const known = limits.get(endpoint);
      const nowMs = ctx.now().getTime();
      if (known && known.remaining <= 0 && known.reset * 1000 > nowMs) {
        const wait = known.reset * 1000 - nowMs;
        if (wait > ctx.retry.maxRateWaitMs) throw new RateLimitError(`X ${endpoint}: no requests left in this window`, new Date(known.reset * 1000), null);
        ctx.retry.onWait?.({ reason: "rate_limit", ms: wait, attempt: 1, error: `X ${endpoint}: no requests left in this window` });
        await (ctx.retry.sleep ?? sleep)(wait);
      }
      try {
        const res = await api.v2.get<XTweetsResponse>(path, query, { prefix: `${base}/`, fullResponse: true, timeout: ctx.timeoutMs });
        if (res.rateLimit) limits.set(endpoint, { remaining: res.rateLimit.remaining, reset: res.rateLimit.reset });
        if (!res.data || typeof res.data !== "object") throw new TransientError(`X ${endpoint}: empty body`);
        return res.data;
      } catch (err) {
        if (err instanceof ApiResponseError && err.rateLimit) limits.set(endpoint, { remaining: err.rateLimit.remaining, reset: err.rateLimit.reset });
        throw classifyXError(err);
      }
    }, ctx.retry);
  }

  async function fetchPage(cursor: SourceCursor | null): Promise<ConnectorPage> {
    const c = resumeCursor(cursor, "x");
    const now = ctx.now();
    if (!c.cycleStart) {
      c.cycleStart = now.toISOString();
      c.excludeMentions = handle !== null;
    }
    const searchHandle = c.excludeMentions ? handle : null;
    const account = encodeURIComponent(ctx.accountId);
    const common = { "tweet.fields": X_TWEET_FIELDS, expansions: "author_id", "user.fields": "username,name", max_results: "100" };

    if (c.phase === "mentions") {
      const q: Record<string, string> = { ...common };
      if (c.mentions.sinceId) q.since_id = c.mentions.sinceId;
      else q.start_time = new Date(now.getTime() - (ctx.settings.windowDays ?? 7) * DAY_MS).toISOString();
      if (c.mentions.token) q.pagination_token = c.mentions.token;
      const body = await get("mentions", `users/${account}/mentions`, q);
      const out = normalizeXComments(body);
      // newest_id of the first page is the newest of the whole result set; keep it until the
      // pagination ends, then it becomes the next pass's since_id.
      c.mentions.pendingNewest = maxId(c.mentions.pendingNewest, body.meta?.newest_id);
      c.mentions.token = body.meta?.next_token ?? null;
      if (!c.mentions.token) {
        c.mentions.sinceId = maxId(c.mentions.sinceId, c.mentions.pendingNewest);
        c.mentions.pendingNewest = null;
        c.phase = "timeline";
      }
      return finish(c, out.comments, [], body, out.skipped);
    }

    if (c.phase === "timeline") {
      const q: Record<string, string> = { ...common, exclude: "retweets,replies", start_time: new Date(now.getTime() - SEARCH_WINDOW_MS).toISOString() };
      if (c.timelineToken) q.pagination_token = c.timelineToken;
      const body = await get("timeline", `users/${account}/tweets`, q);
      const out = normalizeXPosts(body, { handle: ctx.handle });
      for (const p of out.posts) if (!c.conversations.includes(p.externalId)) c.conversations.push(p.externalId);
      c.timelineToken = body.meta?.next_token ?? null;
      if (!c.timelineToken) {
        c.phase = "replies";
        c.batch = 0;
        if (searchBatches(c.conversations, c.known, searchHandle).length === 0) endCycle(c);
      }
      return finish(c, [], out.posts, body, out.skipped);
    }

    const batches = searchBatches(c.conversations, c.known, searchHandle);
    const batch = batches[c.batch];
    if (!batch) return finish(endCycle(c), [], [], { meta: { result_count: 0 } }, []);
    const windowStart = now.getTime() - SEARCH_WINDOW_MS;
    const since = batch.knownOnly && c.lastCycleStart ? Math.max(windowStart, Date.parse(c.lastCycleStart) - OVERLAP_MS) : windowStart;
    const q: Record<string, string> = { ...common, query: batch.query, start_time: new Date(since).toISOString() };
    if (c.searchToken) q.next_token = c.searchToken;
    const body = await get("search", "tweets/search/recent", q);
    const out = normalizeXComments(body);
    c.searchToken = body.meta?.next_token ?? null;
    if (!c.searchToken) {
      c.batch += 1;
      if (c.batch >= batches.length) endCycle(c);
    }
    return finish(c, out.comments, [], body, out.skipped);
  }

  function endCycle(c: XCursor): XCursor {
    c.lastCycleStart = c.cycleStart;
    c.known = c.conversations;
    c.cycleStart = null;
    c.conversations = [];
    c.phase = "mentions";
    c.batch = 0;
    c.searchToken = null;
    c.timelineToken = null;
    return c;
  }

  function finish(c: XCursor, comments: ConnectorPage["comments"], posts: ConnectorPage["posts"], body: XTweetsResponse, skipped: Array<{ reason: string }>): ConnectorPage {
    return {
      posts,
      comments,
      nextCursor: c,
      done: c.cycleStart === null,
      postsRead: body.meta?.result_count ?? body.data?.length ?? 0,
      rejected: skipped.filter((s) => s.reason.startsWith("missing")).length,
    };
  }

  async function testConnection(): Promise<{ name: string }> {
    const res = await withRetry(async () => {
      try {
        return await api.v2.get<{ data?: { id: string; name: string; username: string } }>(`users/${encodeURIComponent(ctx.accountId)}`, { "user.fields": "username,name" }, { prefix: `${base}/`, timeout: ctx.timeoutMs });
      } catch (err) {
        throw classifyXError(err);
      }
    }, ctx.retry);
    if (!res.data) throw new BadRequestError(`X: account ${ctx.accountId} not found`, 200);
    return { name: `${res.data.name} (@${res.data.username})` };
  }

  return { fetchPage, testConnection };
}
