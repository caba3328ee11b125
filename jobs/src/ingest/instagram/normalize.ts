// Pure Instagram Graph API payload -> IncomingPost / IncomingComment. Top-level comments carry the
// first page of their replies in `replies{...}`; the rest come from /{comment-id}/replies. The
// account's own replies are kept; the store flags them by the source handle (the username).
import { parseGraphTime, type GraphList } from "../facebook/normalize";
import type { IncomingComment, IncomingPost } from "@suara-desa/core/ingest/types";

export interface IgMedia { id: string; caption?: string; timestamp: string; permalink?: string; comments_count?: number; media_type?: string }
export interface IgReply { id: string; text?: string; timestamp: string; username?: string; like_count?: number }
export interface IgComment extends IgReply { replies?: GraphList<IgReply> }
export interface Skipped { id: string | null; reason: string }

/** A page of /{ig-user-id}/media -> posts. */
export function normalizeInstagramMedia(payload: GraphList<IgMedia>): { posts: IncomingPost[]; skipped: Skipped[] } {
  const posts: IncomingPost[] = [];
  const skipped: Skipped[] = [];
  for (const m of payload.data ?? []) {
    const publishedAt = parseGraphTime(m.timestamp);
    if (!m.id || !publishedAt) { skipped.push({ id: m.id ?? null, reason: "missing id or timestamp" }); continue; }
    posts.push({ platform: "instagram", externalId: m.id, text: m.caption ?? "", url: m.permalink ?? null, publishedAt });
  }
  return { posts, skipped };
}

function toComment(c: IgReply, mediaId: string, parentId: string | null, skipped: Skipped[]): IncomingComment | null {
  const publishedAt = parseGraphTime(c.timestamp);
  if (!c.id || !publishedAt) { skipped.push({ id: c.id ?? null, reason: "missing id or timestamp" }); return null; }
  if (!c.text || c.text.trim() === "") { skipped.push({ id: c.id, reason: "no text" }); return null; }
  return {
    platform: "instagram",
    externalId: c.id,
    postExternalId: mediaId,
    parentExternalId: parentId,
    // Instagram exposes only the username to a business account; it is hashed like any author id.
    authorId: c.username ?? null,
    authorName: c.username ? `@${c.username}` : null,
    text: c.text,
    publishedAt,
    likeCount: c.like_count ?? 0,
    url: null,
  };
}

/** A page of /{media-id}/comments (with nested replies) -> comments, plus the comments whose
 * replies continue beyond the nested first page and need /{comment-id}/replies. */
export function normalizeInstagramComments(
  payload: GraphList<IgComment>,
  opts: { mediaId: string },
): { comments: IncomingComment[]; skipped: Skipped[]; moreReplies: string[] } {
  const comments: IncomingComment[] = [];
  const skipped: Skipped[] = [];
  const moreReplies: string[] = [];
  for (const c of payload.data ?? []) {
    const top = toComment(c, opts.mediaId, null, skipped);
    if (top) comments.push(top);
    for (const r of c.replies?.data ?? []) {
      const reply = toComment(r, opts.mediaId, c.id, skipped);
      if (reply) comments.push(reply);
    }
    if (c.replies?.paging?.next) moreReplies.push(c.id);
  }
  return { comments, skipped, moreReplies };
}

/** A page of /{comment-id}/replies -> replies of that comment. */
export function normalizeInstagramReplies(
  payload: GraphList<IgReply>,
  opts: { mediaId: string; parentId: string },
): { comments: IncomingComment[]; skipped: Skipped[] } {
  const skipped: Skipped[] = [];
  const comments = (payload.data ?? [])
    .map((r) => toComment(r, opts.mediaId, opts.parentId, skipped))
    .filter((c): c is IncomingComment => c !== null);
  return { comments, skipped };
}
