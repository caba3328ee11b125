// Pure Graph API payload (Facebook Page) -> IncomingPost / IncomingComment. Comments come from
// /{post-id}/comments?filter=stream, so replies arrive flat with parent{id}. The Page's own answers
// are kept (from.id = the Page id): the store flags them as the village's replies.
import type { IncomingComment, IncomingPost } from "@suara-desa/core/ingest/types";

export interface GraphPaging { cursors?: { before?: string; after?: string }; next?: string; previous?: string }
export interface GraphList<T> { data: T[]; paging?: GraphPaging; summary?: unknown }
export interface FbPost { id: string; message?: string; story?: string; created_time: string; permalink_url?: string }
export interface FbComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name: string };
  parent?: { id: string };
  like_count?: number;
  comment_count?: number;
  permalink_url?: string;
}
export interface Skipped { id: string | null; reason: string }

/** Graph timestamps look like 2026-11-20T03:12:45+0000; make the offset ISO so every engine parses it. */
export function parseGraphTime(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A page of /{page-id}/posts -> posts. */
export function normalizeFacebookPosts(payload: GraphList<FbPost>): { posts: IncomingPost[]; skipped: Skipped[] } {
  const posts: IncomingPost[] = [];
  const skipped: Skipped[] = [];
  for (const p of payload.data ?? []) {
    const publishedAt = parseGraphTime(p.created_time);
    if (!p.id || !publishedAt) { skipped.push({ id: p.id ?? null, reason: "missing id or created_time" }); continue; }
    posts.push({ platform: "facebook", externalId: p.id, text: p.message ?? p.story ?? "", url: p.permalink_url ?? `https://www.facebook.com/${p.id}`, publishedAt });
  }
  return { posts, skipped };
}

/** A page of /{post-id}/comments?filter=stream -> comments of that post (replies keep their parent). */
export function normalizeFacebookComments(payload: GraphList<FbComment>, opts: { postId: string }): { comments: IncomingComment[]; skipped: Skipped[] } {
  const comments: IncomingComment[] = [];
  const skipped: Skipped[] = [];
  for (const c of payload.data ?? []) {
    const publishedAt = parseGraphTime(c.created_time);
    if (!c.id || !publishedAt) { skipped.push({ id: c.id ?? null, reason: "missing id or created_time" }); continue; }
    // Photo- or sticker-only comments have no message: nothing to analyse.
    if (!c.message || c.message.trim() === "") { skipped.push({ id: c.id, reason: "no text" }); continue; }
    comments.push({
      platform: "facebook",
      externalId: c.id,
      postExternalId: opts.postId,
      parentExternalId: c.parent?.id ?? null,
      // `from` is absent when the commenter's privacy settings hide it from the Page token.
      authorId: c.from?.id ?? null,
      authorName: c.from?.name ?? null,
      text: c.message,
      publishedAt,
      likeCount: c.like_count ?? 0,
      url: c.permalink_url ?? null,
    });
  }
  return { comments, skipped };
}
