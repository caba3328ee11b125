// Instagram connector (Graph API for Business/Creator accounts). One pass: list the account's media
// of the last `windowDays` days; for every media whose comments_count changed since the last
// finished pass, read its comments (with the first page of replies nested) and, where replies
// continue, /{comment-id}/replies. Instagram has no "since" for comments, so the count is the
// cheap change detector; the count is recorded only after the media was read completely.
import type { Connector, ConnectorContext, ConnectorPage } from "../connector";
import { resumeCursor, type InstagramCursor, type SourceCursor } from "@suara-desa/core/ingest/cursors";
import { BadRequestError } from "../errors";
import { graphGet, graphUrl, stripNext } from "../facebook/graph";
import { parseGraphTime, type GraphList } from "../facebook/normalize";
import { normalizeInstagramComments, normalizeInstagramMedia, normalizeInstagramReplies, type IgComment, type IgMedia, type IgReply } from "./normalize";

export const IG_MEDIA_FIELDS = "id,caption,timestamp,permalink,comments_count,media_type";
export const IG_COMMENT_FIELDS = "id,text,timestamp,username,like_count,replies{id,text,timestamp,username,like_count}";
export const IG_REPLY_FIELDS = "id,text,timestamp,username,like_count";

/** Creates the connector for one Instagram business account source. */
export function createInstagramClient(ctx: ConnectorContext): Connector {
  async function fetchPage(cursor: SourceCursor | null): Promise<ConnectorPage> {
    const c = resumeCursor(cursor, "instagram");
    if (!c.cycleStart) c.cycleStart = ctx.now().toISOString();

    if (c.phase === "media") {
      const oldest = Date.parse(c.cycleStart) - (ctx.settings.windowDays ?? 30) * 86_400_000;
      const url = c.mediaNext ?? graphUrl(ctx.baseUrl, `${encodeURIComponent(ctx.accountId)}/media`, { fields: IG_MEDIA_FIELDS, limit: "25" });
      const body = await graphGet<GraphList<IgMedia>>(ctx, url);
      const inWindow = (body.data ?? []).filter((m) => (parseGraphTime(m.timestamp)?.getTime() ?? 0) >= oldest);
      const { posts, skipped } = normalizeInstagramMedia({ data: inWindow });
      for (const m of inWindow) {
        if (!c.seen.includes(m.id)) c.seen.push(m.id);
        const count = m.comments_count ?? 0;
        if (count > 0 && c.counts[m.id] !== count && !c.queue.some((q) => q.id === m.id)) c.queue.push({ id: m.id, count });
      }
      // Media come newest first: once one is older than the window, the rest are too.
      const reachedEnd = inWindow.length < (body.data ?? []).length;
      c.mediaNext = reachedEnd ? null : stripNext(body.paging?.next, ctx.baseUrl);
      if (!c.mediaNext) {
        c.phase = "comments";
        // Forget counts of media that left the window so the cursor stays small.
        const listed = new Set(c.seen);
        for (const id of Object.keys(c.counts)) if (!listed.has(id)) delete c.counts[id];
        if (c.queue.length === 0) endCycle(c);
      }
      return finish(c, { posts, comments: [], postsRead: (body.data ?? []).length, rejected: skipped.length });
    }

    const media = c.queue[0];
    if (!media) return finish(endCycle(c), { posts: [], comments: [], postsRead: 0, rejected: 0 });

    if (c.phase === "comments") {
      const url = c.commentsNext ?? graphUrl(ctx.baseUrl, `${encodeURIComponent(media.id)}/comments`, { fields: IG_COMMENT_FIELDS, limit: "50" });
      let body: GraphList<IgComment>;
      try {
        body = await graphGet<GraphList<IgComment>>(ctx, url);
      } catch (err) {
        // Media deleted since it was listed (code 100): skip it rather than block the source.
        if (!(err instanceof BadRequestError)) throw err;
        c.replyQueue = [];
        return finish(mediaDone(c), { posts: [], comments: [], postsRead: 0, rejected: 1 });
      }
      const out = normalizeInstagramComments(body, { mediaId: media.id });
      for (const id of out.moreReplies) if (!c.replyQueue.includes(id)) c.replyQueue.push(id);
      c.commentsNext = (body.data ?? []).length ? stripNext(body.paging?.next, ctx.baseUrl) : null;
      if (!c.commentsNext) {
        c.phase = "replies";
        if (c.replyQueue.length === 0) mediaDone(c);
      }
      const read = (body.data ?? []).reduce((n, x) => n + 1 + (x.replies?.data?.length ?? 0), 0);
      return finish(c, { posts: [], comments: out.comments, postsRead: read, rejected: out.skipped.filter((s) => s.reason.startsWith("missing")).length });
    }

    const parentId = c.replyQueue[0];
    if (!parentId) return finish(mediaDone(c), { posts: [], comments: [], postsRead: 0, rejected: 0 });
    const url = c.repliesNext ?? graphUrl(ctx.baseUrl, `${encodeURIComponent(parentId)}/replies`, { fields: IG_REPLY_FIELDS, limit: "50" });
    let body: GraphList<IgReply>;
    try {
      body = await graphGet<GraphList<IgReply>>(ctx, url);
    } catch (err) {
      if (!(err instanceof BadRequestError)) throw err;
      c.replyQueue.shift();
      c.repliesNext = null;
      if (c.replyQueue.length === 0) mediaDone(c);
      return finish(c, { posts: [], comments: [], postsRead: 0, rejected: 1 });
    }
    const out = normalizeInstagramReplies(body, { mediaId: media.id, parentId });
    c.repliesNext = (body.data ?? []).length ? stripNext(body.paging?.next, ctx.baseUrl) : null;
    if (!c.repliesNext) {
      c.replyQueue.shift();
      if (c.replyQueue.length === 0) mediaDone(c);
    }
    return finish(c, { posts: [], comments: out.comments, postsRead: (body.data ?? []).length, rejected: out.skipped.filter((s) => s.reason.startsWith("missing")).length });
  }

  function mediaDone(c: InstagramCursor): InstagramCursor {
    const media = c.queue.shift();
    if (media) c.counts[media.id] = media.count;
    c.commentsNext = null;
    c.repliesNext = null;
    c.replyQueue = [];
    c.phase = "comments";
    if (c.queue.length === 0) endCycle(c);
    return c;
  }

  function endCycle(c: InstagramCursor): InstagramCursor {
    c.cycleStart = null;
    c.seen = [];
    c.phase = "media";
    c.queue = [];
    c.mediaNext = null;
    c.commentsNext = null;
    c.replyQueue = [];
    c.repliesNext = null;
    return c;
  }

  function finish(c: InstagramCursor, page: Omit<ConnectorPage, "nextCursor" | "done">): ConnectorPage {
    return { ...page, nextCursor: c, done: c.cycleStart === null };
  }

  async function testConnection(): Promise<{ name: string }> {
    const body = await graphGet<{ id: string; username?: string; name?: string }>(ctx, graphUrl(ctx.baseUrl, encodeURIComponent(ctx.accountId), { fields: "id,username" }));
    return { name: body.username ? `@${body.username}` : body.id };
  }

  return { fetchPage, testConnection };
}
