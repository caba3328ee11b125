// Data the fake API serves: the golden fixtures (real payload shapes, small) and a seeded
// generator for fault tests (enough items for many pages, ids consistent with times).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { XTweet, XTweetsResponse, XUser } from "@suara-desa/jobs/ingest/x/normalize";
import type { FbComment, FbPost, GraphList } from "@suara-desa/jobs/ingest/facebook/normalize";
import type { IgComment, IgMedia, IgReply } from "@suara-desa/jobs/ingest/instagram/normalize";
import type { FakeDataset } from "./fakeApiServer";
import { mulberry32 } from "@suara-desa/shared/random";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const load = <T>(p: string): T => JSON.parse(readFileSync(path.join(FIXTURES, p), "utf8")) as T;

/** The API clock the fixtures were captured at. */
export const FIXTURE_NOW = Date.parse("2026-11-24T06:00:00Z");

/** Dataset built from the raw fixture payloads under test/fixtures/<source>/. */
export function fixtureDataset(): Required<FakeDataset> {
  const mentions = load<XTweetsResponse>("x/mentions.json");
  const timeline = load<XTweetsResponse>("x/timeline.json");
  const fbPosts = load<GraphList<FbPost>>("facebook/posts.json");
  const fbComments = load<GraphList<FbComment>>("facebook/comments.json");
  const igMedia = load<GraphList<IgMedia>>("instagram/media.json");
  const igComments = load<GraphList<IgComment>>("instagram/comments.json");
  const igReplies = load<GraphList<IgReply>>("instagram/replies.json");
  const village = "1400000000000000001";
  return {
    x: {
      accountId: village, handle: "desamulyasari", name: "Desa Mulyasari",
      mentions: mentions.data ?? [],
      posts: timeline.data ?? [],
      // Replies in the village post's conversation: the mentions that belong to it, so the same
      // tweets arrive twice (mentions and search) and must be stored once.
      replies: (mentions.data ?? []).filter((t) => t.conversation_id === "1992900000000000001" && t.id !== "1992900000000000001"),
      users: mentions.includes?.users ?? [],
    },
    facebook: {
      pageId: "104512345678901", name: "Pemerintah Desa Mulyasari",
      posts: fbPosts.data,
      comments: { [fbPosts.data[0].id]: fbComments.data, [fbPosts.data[1].id]: [] },
    },
    instagram: {
      userId: "17841400000000001", username: "desa.mulyasari",
      media: igMedia.data,
      comments: { [igMedia.data[0].id]: igComments.data.map(({ replies: _r, ...c }) => c) },
      // Nested replies of the first comment plus the one served by /{comment-id}/replies.
      replies: {
        [igComments.data[0].id]: [...(igComments.data[0].replies?.data ?? []), ...igReplies.data],
      },
    },
  };
}

/** Small deterministic PRNG (mulberry32). */
export const rng = mulberry32;

const TWITTER_EPOCH = 1288834974657n;
/** A tweet id for a time, like X's snowflakes (time-ordered). */
export function snowflake(ms: number, seq: number): string {
  return (((BigInt(ms) - TWITTER_EPOCH) << 22n) + BigInt(seq % 4096)).toString();
}
const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");

const WORDS = ["jalan", "rusak", "banjir", "bansos", "posyandu", "sampah", "air", "bersih", "terima", "kasih", "pak", "kades", "tolong", "dibenerin", "mantap", "gotong", "royong", "listrik", "mati", "sekolah"];
function sentence(r: () => number, i: number): string {
  const n = 4 + Math.floor(r() * 8);
  return `${Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(" ")} #${i}`;
}

export interface GeneratedDataset { dataset: Required<FakeDataset>; expected: { x: string[]; facebook: string[]; instagram: string[] } }

/** Seeded dataset with enough items for many pages; `expected` lists the comment ids a complete,
 * correct ingestion must store for each platform. */
export function generateDataset(seed: number, now: number): GeneratedDataset {
  const r = rng(seed);
  const hour = 3_600_000;
  // Ids carry the seed so several generated datasets can share one database.
  let seq = (seed * 97) % 4096;
  const tag = String(seed % 100000).padStart(5, "0");
  const at = (maxHoursAgo: number) => now - Math.floor(r() * maxHoursAgo * hour) - 60_000;

  // X: 3 village posts with replies, plus mentions (some are also replies: stored once).
  const village = "1400000000000000001";
  const users: XUser[] = Array.from({ length: 6 }, (_, i) => ({ id: `15000000000000000${10 + i}`, name: `Warga ${i}`, username: `warga_${i}` }));
  const users2 = [...users, { id: village, name: "Desa Mulyasari", username: "desamulyasari" }];
  const posts: XTweet[] = [];
  const replies: XTweet[] = [];
  const mentions: XTweet[] = [];
  for (let p = 0; p < 3; p++) {
    const t = at(120) - 24 * hour;
    const id = snowflake(t, seq++);
    posts.push({ id, text: `Pengumuman desa ${p}`, author_id: village, conversation_id: id, created_at: new Date(t).toISOString(), public_metrics: { like_count: 3 } });
    const n = 2 + Math.floor(r() * 7);
    for (let k = 0; k < n; k++) {
      const rt = t + Math.floor(r() * 20 * hour) + 60_000;
      const u = users[Math.floor(r() * users.length)];
      const tw: XTweet = { id: snowflake(rt, seq++), text: `@desamulyasari ${sentence(r, seq)}`, author_id: u.id, conversation_id: id, created_at: new Date(rt).toISOString(), in_reply_to_user_id: village, referenced_tweets: [{ type: "replied_to", id }], lang: "in", public_metrics: { like_count: Math.floor(r() * 5) } };
      replies.push(tw);
      // A reply to the village names it and so is also a mention; the others answer a resident
      // without naming the village (only the conversation search finds them).
      if (r() < 0.5) mentions.push(tw);
      else tw.text = tw.text!.replace("@desamulyasari", `@${users[k % users.length].username}`);
    }
  }
  for (let k = 0; k < 9; k++) {
    const t = at(100);
    const u = users[Math.floor(r() * users.length)];
    const id = snowflake(t, seq++);
    mentions.push({ id, text: `@desamulyasari ${sentence(r, seq)}`, author_id: u.id, conversation_id: id, created_at: new Date(t).toISOString(), lang: "in", public_metrics: { like_count: 0 } });
  }

  // Facebook: 4 posts, comments with some replies.
  const pageId = "104512345678901";
  const fbPosts: FbPost[] = [];
  const fbComments: Record<string, FbComment[]> = {};
  for (let p = 0; p < 4; p++) {
    const t = at(200);
    const id = `${pageId}_12215${tag}000000${10 + p}`;
    fbPosts.push({ id, message: `Info desa ${p}`, created_time: graphTime(t) });
    const list: FbComment[] = [];
    const n = Math.floor(r() * 12);
    for (let k = 0; k < n; k++) {
      const ct = t + Math.floor(r() * 10 * hour) + 60_000;
      const parent = list.length && r() < 0.3 ? list[Math.floor(r() * list.length)].id : undefined;
      list.push({ id: `12215${tag}000000${10 + p}_118${tag}${String(p * 100 + k).padStart(5, "0")}`, message: sentence(r, k), created_time: graphTime(ct), from: { id: `88000000000${k % 7}`, name: `Warga FB ${k % 7}` }, like_count: Math.floor(r() * 4), comment_count: 0, ...(parent ? { parent: { id: parent } } : {}) });
    }
    fbComments[id] = list;
  }

  // Instagram: 3 media, comments with replies (some beyond the nested first page).
  const igUser = "17841400000000001";
  const media: IgMedia[] = [];
  const igComments: Record<string, IgReply[]> = {};
  const igReplies: Record<string, IgReply[]> = {};
  let igSeq = 0;
  for (let m = 0; m < 3; m++) {
    const t = at(300);
    const id = `18034${tag}${String(3000 + m)}`;
    const list: IgReply[] = [];
    const n = Math.floor(r() * 9);
    let total = 0;
    for (let k = 0; k < n; k++) {
      const cid = `1789${tag}${String(++igSeq).padStart(8, "0")}`;
      list.push({ id: cid, text: sentence(r, k), timestamp: graphTime(t + (k + 1) * 60_000), username: `ig_warga_${k % 5}`, like_count: Math.floor(r() * 3) });
      total += 1;
      const rn = r() < 0.4 ? Math.floor(r() * 5) : 0;
      if (rn) {
        igReplies[cid] = Array.from({ length: rn }, (_, j) => ({ id: `1789${tag}${String(++igSeq).padStart(8, "0")}`, text: `@ig_warga_${k % 5} ${sentence(r, j)}`, timestamp: graphTime(t + (k + 1) * 60_000 + (j + 1) * 1000), username: `ig_balas_${j}` }));
        total += rn;
      }
    }
    igComments[id] = list;
    media.push({ id, caption: `Kegiatan ${m}`, timestamp: graphTime(t), permalink: `https://www.instagram.com/p/FAKE${m}/`, comments_count: total, media_type: "IMAGE" });
  }

  return {
    dataset: {
      x: { accountId: village, handle: "desamulyasari", name: "Desa Mulyasari", mentions, posts, replies, users: users2 },
      facebook: { pageId, name: "Pemerintah Desa Mulyasari", posts: fbPosts, comments: fbComments },
      instagram: { userId: igUser, username: "desa.mulyasari", media, comments: igComments, replies: igReplies },
    },
    expected: {
      x: [...new Set([...mentions, ...replies].map((t) => t.id))].sort(),
      facebook: Object.values(fbComments).flat().map((c) => c.id).sort(),
      instagram: [...Object.values(igComments).flat(), ...Object.values(igReplies).flat()].map((c) => c.id).sort(),
    },
  };
}
