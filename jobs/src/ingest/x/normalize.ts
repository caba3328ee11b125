// Pure X API v2 payload -> IncomingPost / IncomingComment. Shapes follow the v2 tweet object with
// tweet.fields=created_at,conversation_id,in_reply_to_user_id,referenced_tweets,lang,public_metrics
// and expansions=author_id (authors arrive in includes.users, not on the tweet).
import type { IncomingComment, IncomingPost } from "@suara-desa/core/ingest/types";

export interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  conversation_id?: string;
  created_at?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: Array<{ type: "replied_to" | "quoted" | "retweeted"; id: string }>;
  lang?: string;
  public_metrics?: { like_count?: number; reply_count?: number; retweet_count?: number; quote_count?: number };
  edit_history_tweet_ids?: string[];
}
export interface XUser { id: string; name: string; username: string }
export interface XError { title?: string; detail?: string; type?: string; resource_id?: string; value?: string }
/** Response of /2/users/:id/mentions, /2/users/:id/tweets and /2/tweets/search/recent. */
export interface XTweetsResponse {
  data?: XTweet[];
  includes?: { users?: XUser[] };
  meta?: { result_count: number; newest_id?: string; oldest_id?: string; next_token?: string; previous_token?: string };
  errors?: XError[];
}

export interface Skipped { id: string | null; reason: string }
export interface NormalizedX { posts: IncomingPost[]; comments: IncomingComment[]; skipped: Skipped[] }

function parseTime(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Tweets that mention or reply to the village account become comments. Plain retweets add no
 * words and are skipped. The village's own replies are kept (they belong in the threads); the
 * store flags them by the source's account id so they stay out of the statistics. */
export function normalizeXComments(payload: XTweetsResponse): NormalizedX {
  const users = new Map((payload.includes?.users ?? []).map((u) => [u.id, u]));
  const comments: IncomingComment[] = [];
  const skipped: Skipped[] = [];
  for (const t of payload.data ?? []) {
    const publishedAt = parseTime(t.created_at);
    if (!t.id || typeof t.text !== "string") { skipped.push({ id: t.id ?? null, reason: "missing id or text" }); continue; }
    if (!publishedAt) { skipped.push({ id: t.id, reason: "missing or invalid created_at" }); continue; }
    if (t.referenced_tweets?.some((r) => r.type === "retweeted")) { skipped.push({ id: t.id, reason: "retweet" }); continue; }
    const user = t.author_id ? users.get(t.author_id) : undefined;
    const repliedTo = t.referenced_tweets?.find((r) => r.type === "replied_to")?.id ?? null;
    const conversation = t.conversation_id && t.conversation_id !== t.id ? t.conversation_id : null;
    comments.push({
      platform: "x",
      externalId: t.id,
      // The conversation root is the post; a reply to another reply keeps that reply as parent.
      postExternalId: conversation,
      parentExternalId: repliedTo && repliedTo !== conversation ? repliedTo : null,
      authorId: t.author_id ?? null,
      authorName: user ? `${user.name} (@${user.username})` : null,
      text: t.text,
      publishedAt,
      likeCount: t.public_metrics?.like_count ?? 0,
      url: `https://x.com/${user?.username ?? "i/web"}/status/${t.id}`,
    });
  }
  return { posts: [], comments, skipped };
}

/** The village account's own tweets (its timeline) become posts that replies hang from. */
export function normalizeXPosts(payload: XTweetsResponse, opts: { handle?: string | null }): NormalizedX {
  const posts: IncomingPost[] = [];
  const skipped: Skipped[] = [];
  for (const t of payload.data ?? []) {
    const publishedAt = parseTime(t.created_at);
    if (!t.id || !publishedAt) { skipped.push({ id: t.id ?? null, reason: "missing id or created_at" }); continue; }
    posts.push({ platform: "x", externalId: t.id, text: t.text ?? "", url: `https://x.com/${opts.handle ?? "i/web"}/status/${t.id}`, publishedAt });
  }
  return { posts, comments: [], skipped };
}
