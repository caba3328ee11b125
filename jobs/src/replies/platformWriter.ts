// The platforms' write side for replies and hiding, with the source's own token: X API v2
// (POST /2/tweets with reply.in_reply_to_tweet_id, user-context token with tweet.write), Facebook
// (POST /{comment-id}/comments, Page token), Instagram (POST /{ig-comment-id}/replies), Graph hiding
// (is_hidden / hide). Each answer is classified: accepted, rejected (never applied), or ambiguous
// (the platform may have applied it: time-out, dropped connection, 5xx), which the reply service
// settles by reading the thread (findPosted) before any second post.
import type { Database } from "@suara-desa/core/db/client";
import { getSource, updateSource } from "@suara-desa/core/db/sourceRepository";
import { env } from "@suara-desa/core/env";
import type { OAuthConfig } from "@suara-desa/core/services/platformOAuth";
import { sourceAccessToken, TokenExpiredError } from "@suara-desa/core/services/sourceTokens";
import type { PostOutcome, ReplyPort, ReplyTarget } from "@suara-desa/core/services/replyService";

export interface ReplyPortOptions {
  xApiUrl?: string;
  graphUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Where X tokens are refreshed (default: the settings). */
  oauth?: OAuthConfig;
}

interface Account { token: string; accountId: string; handle: string | null }

type Answer = { status: number; json: Record<string, unknown> | null } | { networkError: string };

export function createReplyPort(db: Database, opts: ReplyPortOptions = {}): ReplyPort {
  const xBase = () => (opts.xApiUrl ?? env().X_API_URL).replace(/\/+$/, "");
  const graphBase = () => (opts.graphUrl ?? env().META_GRAPH_URL).replace(/\/+$/, "");
  const timeoutMs = () => opts.timeoutMs ?? env().HTTP_TIMEOUT_MS;

  async function account(sourceId: number): Promise<Account> {
    const s = await getSource(db, sourceId);
    if (!s?.tokenEnc) throw new Error("akun desa belum terhubung");
    // An X login is refreshed here too when its two hours are nearly up.
    let token: string;
    try {
      token = await sourceAccessToken(db, s, { config: opts.oauth });
    } catch (err) {
      if (err instanceof TokenExpiredError) {
        await updateSource(db, s.id, { status: "needs_login" });
        throw new Error("akun desa perlu login ulang");
      }
      throw err;
    }
    return { token, accountId: s.accountId, handle: s.handle };
  }

  async function call(method: "GET" | "POST", url: string, init: { body?: unknown; bearer?: string } = {}): Promise<Answer> {
    try {
      const res = await (opts.fetch ?? fetch)(url, {
        method,
        headers: { ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}) },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs()),
      });
      let json: Record<string, unknown> | null = null;
      try {
        json = (await res.json()) as Record<string, unknown>;
      } catch {
        json = null;
      }
      return { status: res.status, json };
    } catch (e) {
      return { networkError: (e as Error).name === "TimeoutError" ? "platform tidak menjawab tepat waktu" : `koneksi terputus (${(e as Error).message})` };
    }
  }

  const graphMessage = (json: Record<string, unknown> | null) => ((json?.error as { message?: string } | undefined)?.message ?? "ditolak");

  /** 2xx with an id: accepted; 5xx or no answer: ambiguous; 4xx: rejected with a reason an official understands. */
  function classify(a: Answer, idOf: (json: Record<string, unknown>) => string | undefined, platform: string): PostOutcome {
    if ("networkError" in a) return { ok: false, ambiguous: true, error: a.networkError };
    const id = a.json ? idOf(a.json) : undefined;
    if (a.status >= 200 && a.status < 300 && id) return { ok: true, replyId: id };
    if (a.status >= 500 || (a.status >= 200 && a.status < 300)) return { ok: false, ambiguous: true, error: `${platform} menjawab ${a.status}` };
    if (a.status === 401) return { ok: false, ambiguous: false, error: `${platform}: akun desa perlu login ulang` };
    if (a.status === 403) return { ok: false, ambiguous: false, error: `${platform}: akun desa belum diberi izin menulis balasan` };
    if (a.status === 429) return { ok: false, ambiguous: false, error: `${platform}: batas kiriman tercapai, coba lagi nanti` };
    const detail = platform === "X" ? String((a.json as { detail?: string } | null)?.detail ?? a.status) : graphMessage(a.json);
    return { ok: false, ambiguous: false, error: `${platform} menolak: ${detail}` };
  }

  return {
    async post(target: ReplyTarget, text: string): Promise<PostOutcome> {
      const acc = await account(target.sourceId);
      if (target.platform === "x") {
        const a = await call("POST", `${xBase()}/tweets`, { bearer: acc.token, body: { text, reply: { in_reply_to_tweet_id: target.externalId } } });
        return classify(a, (j) => (j.data as { id?: string } | undefined)?.id, "X");
      }
      const edge = target.platform === "facebook" ? "comments" : "replies";
      const url = `${graphBase()}/${encodeURIComponent(target.externalId)}/${edge}?access_token=${encodeURIComponent(acc.token)}`;
      const a = await call("POST", url, { body: { message: text } });
      return classify(a, (j) => (typeof j.id === "string" ? j.id : undefined), target.platform === "facebook" ? "Facebook" : "Instagram");
    },

    async findPosted(target: ReplyTarget, text: string): Promise<string | null> {
      const acc = await account(target.sourceId);
      const same = (t: unknown) => typeof t === "string" && t.trim() === text.trim();
      let a: Answer;
      if (target.platform === "x") {
        a = await call("GET", `${xBase()}/users/${encodeURIComponent(acc.accountId)}/tweets?max_results=100&tweet.fields=referenced_tweets,created_at`, { bearer: acc.token });
        if ("networkError" in a || a.status !== 200) throw new Error("networkError" in a ? a.networkError : `X menjawab ${a.status}`);
        const tweets = ((a.json?.data as Array<{ id: string; text: string; referenced_tweets?: Array<{ type: string; id: string }> }>) ?? []);
        return tweets.find((t) => same(t.text) && t.referenced_tweets?.some((r) => r.type === "replied_to" && r.id === target.externalId))?.id ?? null;
      }
      const fields = target.platform === "facebook" ? "id,message,from" : "id,text,username";
      const edge = target.platform === "facebook" ? "comments" : "replies";
      a = await call("GET", `${graphBase()}/${encodeURIComponent(target.externalId)}/${edge}?fields=${fields}&limit=100&access_token=${encodeURIComponent(acc.token)}`);
      if ("networkError" in a || a.status !== 200) throw new Error("networkError" in a ? a.networkError : `Graph menjawab ${a.status}`);
      const items = (a.json?.data as Array<{ id: string; message?: string; text?: string; from?: { id: string }; username?: string }>) ?? [];
      const mine = (i: (typeof items)[number]) =>
        target.platform === "facebook" ? i.from?.id === acc.accountId : (i.username ?? "").toLowerCase() === (acc.handle ?? "").replace(/^@/, "").toLowerCase();
      return items.find((i) => mine(i) && same(target.platform === "facebook" ? i.message : i.text))?.id ?? null;
    },

    async setHidden(target: ReplyTarget, hidden: boolean) {
      if (target.platform === "x") return { ok: false as const, error: "tidak didukung di X" };
      const acc = await account(target.sourceId);
      const param = target.platform === "facebook" ? "is_hidden" : "hide";
      const a = await call("POST", `${graphBase()}/${encodeURIComponent(target.externalId)}?${param}=${hidden}&access_token=${encodeURIComponent(acc.token)}`);
      if (!("networkError" in a) && a.status === 200 && a.json?.success === true) return { ok: true as const };
      return { ok: false as const, error: "networkError" in a ? a.networkError : graphMessage(a.json) };
    },
  };
}
