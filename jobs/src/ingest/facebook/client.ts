// Facebook Page connector (Graph API, Page access token). One pass ("cycle"): list the Page's posts
// of the last `windowDays` days, then read each post's comments newest first (filter=stream, so
// replies are included) until reaching comments older than the previous pass's start. A pass that
// is interrupted resumes from its cursor; only a finished pass moves the "since" mark.
import type { Connector, ConnectorContext, ConnectorPage } from "../connector";
import { resumeCursor, type FacebookCursor, type SourceCursor } from "@suara-desa/core/ingest/cursors";
import { BadRequestError } from "../errors";
import { graphGet, graphUrl, stripNext } from "./graph";
import { normalizeFacebookComments, normalizeFacebookPosts, parseGraphTime, type FbComment, type FbPost, type GraphList } from "./normalize";

export const FB_POST_FIELDS = "id,message,story,created_time,permalink_url";
export const FB_COMMENT_FIELDS = "id,message,created_time,from,parent{id},like_count,comment_count,permalink_url";
/** Comments this much older than the previous pass start are read again (clock skew, late indexing). */
const OVERLAP_MS = 10 * 60_000;

/** Creates the connector for one Facebook Page source. */
export function createFacebookClient(ctx: ConnectorContext): Connector {
  const pageId = ctx.accountId;

  async function fetchPage(cursor: SourceCursor | null): Promise<ConnectorPage> {
    const c = resumeCursor(cursor, "facebook");
    const now = ctx.now();
    if (!c.cycleStart) c.cycleStart = now.toISOString();

    if (c.phase === "posts") {
      const since = Math.floor((Date.parse(c.cycleStart) - (ctx.settings.windowDays ?? 14) * 86_400_000) / 1000);
      const url = c.postsNext ?? graphUrl(ctx.baseUrl, `${encodeURIComponent(pageId)}/posts`, { fields: FB_POST_FIELDS, since: String(since), limit: "25" });
      const body = await graphGet<GraphList<FbPost>>(ctx, url);
      const { posts, skipped } = normalizeFacebookPosts(body);
      for (const p of posts) if (!c.queue.includes(p.externalId)) c.queue.push(p.externalId);
      c.postsNext = stripNext(body.paging?.next, ctx.baseUrl);
      if (!c.postsNext || (body.data ?? []).length === 0) {
        c.phase = "comments";
        c.postsNext = null;
        if (c.queue.length === 0) endCycle(c);
      }
      return finish(c, { posts, comments: [], postsRead: (body.data ?? []).length, rejected: skipped.length });
    }

    const postId = c.queue[0];
    if (!postId) return finish(endCycle(c), { posts: [], comments: [], postsRead: 0, rejected: 0 });
    const url = c.commentsNext ?? graphUrl(ctx.baseUrl, `${encodeURIComponent(postId)}/comments`, {
      filter: "stream", order: "reverse_chronological", fields: FB_COMMENT_FIELDS, limit: "100",
    });
    let body: GraphList<FbComment>;
    try {
      body = await graphGet<GraphList<FbComment>>(ctx, url);
    } catch (err) {
      // A post deleted (or hidden) since it was listed answers code 100; skipping it keeps one
      // vanished post from blocking the source forever.
      if (!(err instanceof BadRequestError)) throw err;
      c.queue.shift();
      c.commentsNext = null;
      if (c.queue.length === 0) endCycle(c);
      return finish(c, { posts: [], comments: [], postsRead: 0, rejected: 1 });
    }
    const { comments, skipped } = normalizeFacebookComments(body, { postId });
    const data = body.data ?? [];
    const oldest = data.map((x) => parseGraphTime(x.created_time)?.getTime() ?? Number.POSITIVE_INFINITY).reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
    const seenBefore = c.lastCycleStart !== null && oldest < Date.parse(c.lastCycleStart) - OVERLAP_MS;
    const next = stripNext(body.paging?.next, ctx.baseUrl);
    if (!next || data.length === 0 || seenBefore) {
      c.queue.shift();
      c.commentsNext = null;
    } else {
      c.commentsNext = next;
    }
    const invalid = skipped.filter((s) => s.reason.startsWith("missing")).length;
    if (c.queue.length === 0) endCycle(c);
    return finish(c, { posts: [], comments, postsRead: data.length, rejected: invalid });
  }

  function endCycle(c: FacebookCursor): FacebookCursor {
    c.lastCycleStart = c.cycleStart;
    c.cycleStart = null;
    c.phase = "posts";
    c.queue = [];
    c.commentsNext = null;
    c.postsNext = null;
    return c;
  }

  function finish(c: FacebookCursor, page: Omit<ConnectorPage, "nextCursor" | "done">): ConnectorPage {
    return { ...page, nextCursor: c, done: c.cycleStart === null };
  }

  async function testConnection(): Promise<{ name: string }> {
    const body = await graphGet<{ id: string; name?: string }>(ctx, graphUrl(ctx.baseUrl, encodeURIComponent(pageId), { fields: "id,name" }));
    return { name: body.name ?? body.id };
  }

  return { fetchPage, testConnection };
}
