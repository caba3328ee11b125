import { describe, expect, it } from "vitest";
import { ADMIN_GENERIC, THEMES, type Theme } from "./fragments";
import { expandTemplate, generateDemoVillage, generateDemoVillageWithTruth } from "./generateDemo";
import { Rng } from "./prng";

const demo = generateDemoVillageWithTruth();
const { comments, posts, truth } = demo;

// Independent of the generator's own arithmetic: bucket by the Asia/Jakarta calendar via Intl.
const jakartaDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" });
const jakartaHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Jakarta", hour: "2-digit", hourCycle: "h23" });

function isoWeek(d: Date): string {
  const [y, m, day] = jakartaDate.format(d).split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, day));
  const dow = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - dow + 3); // Thursday of this ISO week decides its year
  const week = 1 + Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / (7 * 86_400_000));
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

const WEEKS = Array.from({ length: 12 }, (_, i) => `2026-W${36 + i}`);

function countByWeek(pred: (text: string, i: number) => boolean): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(WEEKS.map((w) => [w, 0]));
  comments.forEach((c, i) => {
    if (pred(c.text, i)) out[isoWeek(c.publishedAt)] = (out[isoWeek(c.publishedAt)] ?? 0) + 1;
  });
  return out;
}

const FLOOD = /banjir|caah|flood|pengungsi|mengungsi|posko|evakuasi/i;
const BANSOS = /bansos|\bblt\b|\bpkh\b|\bbpnt\b|dtks/i;
const GAMBLING = /g[a4@]c[o0*]r|m[a4]x ?w[i1]n|situs88|dewa88|koi88|l[i1]n?k di b[i!]|bonus new member|pinjaman cair/i;
const RESIDENT_ABOUT_SPAM = /judol|judi|spam|hapus|busak|delete/i;
const PHONE = /(?:\+62 ?|62|0)8\d{2}[- ]?\d{4}[- ]?\d{4}/;
const NIK = /\b3215\d{12}\b/;

describe("generateDemoVillage", () => {
  it("is deterministic: two calls are deep-equal", () => {
    expect(generateDemoVillage()).toEqual(generateDemoVillage());
  });

  it("describes Desa Mulyasari in Kabupaten Karawang with a Kemendagri-shaped code", () => {
    expect(demo.village).toMatchObject({ name: "Mulyasari", kabupaten: "Karawang", province: "Jawa Barat", timeZone: "Asia/Jakarta" });
    expect(demo.village.code).toMatch(/^32\.15\.\d{2}\.2\d{3}$/);
    expect(demo.sources.map((s) => s.platform).sort()).toEqual(["facebook", "instagram", "x"]);
  });

  it("has 150–400 comments in each of the 12 Asia/Jakarta weeks W36–W47 and nothing outside", () => {
    const weeks = countByWeek(() => true);
    expect(Object.keys(weeks).sort()).toEqual(WEEKS);
    for (const w of WEEKS) {
      expect(weeks[w], w).toBeGreaterThanOrEqual(150);
      expect(weeks[w], w).toBeLessThanOrEqual(400);
    }
    // The flood and bansos weeks are the busiest.
    const sorted = [...WEEKS].sort((a, b) => weeks[b] - weeks[a]);
    expect(sorted.slice(0, 2).sort()).toEqual(["2026-W41", "2026-W44"]);
  });

  it("posts 3–6 announcements per platform per week, and every platform has comments", () => {
    for (const platform of ["x", "facebook", "instagram"] as const) {
      for (const w of WEEKS) {
        const n = posts.filter((p) => p.platform === platform && isoWeek(p.publishedAt) === w).length;
        expect(n, `${platform} ${w}`).toBeGreaterThanOrEqual(3);
        expect(n, `${platform} ${w}`).toBeLessThanOrEqual(6);
      }
      expect(comments.filter((c) => c.platform === platform).length).toBeGreaterThan(200);
    }
  });

  it("keeps (platform, externalId) unique and every post/parent reference resolvable", () => {
    const keys = new Set(comments.map((c) => `${c.platform}:${c.externalId}`));
    expect(keys.size).toBe(comments.length);
    const postKeys = new Set(posts.map((p) => `${p.platform}:${p.externalId}`));
    expect(postKeys.size).toBe(posts.length);
    const postByKey = new Map(posts.map((p) => [`${p.platform}:${p.externalId}`, p]));
    const byKey = new Map(comments.map((c) => [`${c.platform}:${c.externalId}`, c]));
    for (const c of comments) {
      const post = postByKey.get(`${c.platform}:${c.postExternalId}`);
      expect(post, `post of ${c.externalId}`).toBeDefined();
      expect(c.publishedAt.getTime()).toBeGreaterThan(post!.publishedAt.getTime());
      if (c.parentExternalId) {
        const parent = byKey.get(`${c.platform}:${c.parentExternalId}`);
        expect(parent, `parent of ${c.externalId}`).toBeDefined();
        expect(parent!.postExternalId).toBe(c.postExternalId);
        expect(parent!.publishedAt.getTime()).toBeLessThan(c.publishedAt.getTime());
      }
    }
    expect(comments.filter((c) => c.parentExternalId).length).toBeGreaterThan(comments.length * 0.1);
  });

  it("shapes ids and URLs like each platform's", () => {
    const fbPage = demo.sources.find((s) => s.platform === "facebook")!.accountId;
    for (const p of posts) {
      if (p.platform === "x") {
        expect(p.externalId).toMatch(/^\d{18,19}$/);
        // A snowflake encodes its own timestamp.
        expect(Number((BigInt(p.externalId) >> 22n) + 1288834974657n)).toBe(p.publishedAt.getTime());
        expect(p.url).toBe(`https://x.com/desamulyasari/status/${p.externalId}`);
      } else if (p.platform === "facebook") {
        expect(p.externalId).toMatch(new RegExp(`^${fbPage}_\\d{15,18}$`));
        expect(p.url).toMatch(/^https:\/\/www\.facebook\.com\/\d+\/posts\/\d+$/);
      } else {
        expect(p.externalId).toMatch(/^\d{19}$/);
        expect(p.url).toMatch(/^https:\/\/www\.instagram\.com\/p\/[A-Za-z0-9_-]{10,12}\/$/);
      }
    }
    for (const c of comments) {
      if (c.platform === "x") {
        expect(c.externalId).toMatch(/^\d{18,19}$/);
        expect(c.url).toMatch(new RegExp(`^https://x\\.com/[A-Za-z0-9_]{1,15}/status/${c.externalId}$`));
      } else if (c.platform === "facebook") {
        expect(c.externalId).toMatch(/^\d{15,18}_\d{16}$/);
        expect(c.externalId.split("_")[0]).toBe(c.postExternalId!.split("_")[1]);
        expect(c.url).toMatch(/^https:\/\/www\.facebook\.com\/\d+\/posts\/\d+\?comment_id=\d+/);
      } else {
        expect(c.externalId).toMatch(/^1[78]\d{15}$/);
        expect(c.url).toMatch(/^https:\/\/www\.instagram\.com\/p\/[A-Za-z0-9_-]+\/c\/\d+\/$/);
      }
      expect(c.authorId).toBeTruthy();
      expect(c.authorName).toBeTruthy();
      expect(c.likeCount).toBeGreaterThanOrEqual(0);
    }
  });

  it("tells the flood story in 2026-W41", () => {
    const flood = countByWeek((t) => FLOOD.test(t));
    for (const w of WEEKS.filter((x) => x !== "2026-W41")) expect(flood["2026-W41"], w).toBeGreaterThan(flood[w] * 2);
    expect(comments.some((c) => /RT 0?3/i.test(c.text) && FLOOD.test(c.text))).toBe(true);
    // Thanks for the posko come after the flood.
    const thanks = countByWeek((t) => /posko|relawan|volunteer/i.test(t) && /terima kasih|hatur nuhun|salut|matur nuwun|thank/i.test(t));
    expect(thanks["2026-W41"] + thanks["2026-W42"]).toBeGreaterThan(10);
  });

  it("tells the bansos story in 2026-W44 with complaints about DTKS and queues", () => {
    const bansos = countByWeek((t) => BANSOS.test(t));
    for (const w of WEEKS.filter((x) => x !== "2026-W44")) expect(bansos["2026-W44"], w).toBeGreaterThan(bansos[w]);
    const w44 = comments.filter((c) => isoWeek(c.publishedAt) === "2026-W44").map((c) => c.text).join("\n");
    expect(w44).toMatch(/DTKS/i);
    expect(w44).toMatch(/antre|ngantri|queue/i);
  });

  it("tells the road story: Sukamaju complaints rise W37–W40, repair in W42, thanks in W43", () => {
    const count = (theme: string) => countByWeek((_, i) => truth[i].theme === theme);
    const complaints = count("jalan_keluhan");
    expect(complaints["2026-W40"]).toBeGreaterThan(complaints["2026-W37"]);
    expect(complaints["2026-W39"]).toBeGreaterThan(complaints["2026-W36"]);
    const repair = countByWeek((t) => /sukamaju|dusun 2/i.test(t) && /dicor|pengecoran|ditambal|diperbaiki|dibenerin|dilereskeun/i.test(t));
    expect(repair["2026-W42"]).toBeGreaterThan(repair["2026-W36"]);
    const thanks = countByWeek((t) => /sukamaju|dusun 2/i.test(t) && /terima kasih|makasih|hatur nuhun|mulus|sudah bagus|tos sae|matur nuwun|thank/i.test(t));
    expect(thanks["2026-W43"]).toBeGreaterThan(thanks["2026-W39"]);
    expect(thanks["2026-W43"]).toBeGreaterThanOrEqual(10);
  });

  it("has online-gambling spam bursts of near-identical comments in three weeks", () => {
    const spam = countByWeek((t) => GAMBLING.test(t) && !RESIDENT_ABOUT_SPAM.test(t));
    const burstWeeks = WEEKS.filter((w) => spam[w] >= 30);
    expect(burstWeeks).toEqual(["2026-W38", "2026-W43", "2026-W46"]);
    for (const w of WEEKS.filter((x) => !burstWeeks.includes(x))) expect(spam[w], w).toBeLessThan(10);
    // Near-identical: a burst reuses a few base texts with small mutations.
    const w43 = comments.filter((c) => isoWeek(c.publishedAt) === "2026-W43" && GAMBLING.test(c.text)).map((c) => c.text.toLowerCase().replace(/[^a-z]/g, "").slice(0, 12));
    const top = Math.max(...Object.values(w43.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {})));
    expect(top).toBeGreaterThanOrEqual(8);
    expect(comments.some((c) => /s\|ot|g4cor|sl0t|\$lot/i.test(c.text))).toBe(true);
  });

  it("includes comments with phone numbers and well-formed Karawang NIKs", () => {
    const phones = comments.filter((c) => PHONE.test(c.text));
    expect(phones.length).toBeGreaterThanOrEqual(20);
    expect(phones.some((c) => /\+62/.test(c.text))).toBe(true);
    const niks = comments.map((c) => NIK.exec(c.text)?.[0]).filter((n): n is string => !!n);
    expect(niks.length).toBeGreaterThanOrEqual(10);
    for (const nik of niks) {
      const dd = Number(nik.slice(6, 8));
      const mm = Number(nik.slice(8, 10));
      const day = dd > 40 ? dd - 40 : dd;
      expect(mm, nik).toBeGreaterThanOrEqual(1);
      expect(mm, nik).toBeLessThanOrEqual(12);
      expect(day, nik).toBeGreaterThanOrEqual(1);
      expect(day, nik).toBeLessThanOrEqual(new Date(Date.UTC(2001, mm, 0)).getUTCDate());
    }
  });

  it("mixes languages: ~12% Sundanese, some Javanese and English", () => {
    const residents = truth.filter((t) => !t.spam && !t.admin);
    const share = (lang: string) => residents.filter((t) => t.lang === lang).length / residents.length;
    expect(share("su")).toBeGreaterThan(0.08);
    expect(share("su")).toBeLessThan(0.17);
    expect(share("jv")).toBeGreaterThan(0.02);
    expect(share("en")).toBeGreaterThan(0.015);
    expect(share("en")).toBeLessThan(0.06);
    // And the Sundanese is actually in the text, not only in the labels.
    const suText = comments.filter((c) => /\b(hatur nuhun|pisan|teu acan|abdi|iraha|ruksak|caah|kumaha|punten)\b/i.test(c.text));
    expect(suText.length).toBeGreaterThan(comments.length * 0.06);
  });

  it("has a realistic sentiment mix, evening peaks and skewed authors and likes", () => {
    const residents = truth.filter((t) => !t.spam && !t.admin);
    const tone = (x: string) => residents.filter((t) => t.tone === x).length / residents.length;
    expect(tone("neg")).toBeGreaterThan(0.3);
    expect(tone("pos")).toBeGreaterThan(0.15);
    expect(tone("neu")).toBeGreaterThan(0.2);

    const hour = (c: (typeof comments)[number]) => Number(jakartaHour.format(c.publishedAt));
    const evening = comments.filter((c) => hour(c) >= 18 && hour(c) <= 22).length;
    const night = comments.filter((c) => hour(c) >= 1 && hour(c) <= 4).length;
    expect(evening).toBeGreaterThan(night * 5);

    const perAuthor = new Map<string, number>();
    for (const c of comments) perAuthor.set(c.authorId!, (perAuthor.get(c.authorId!) ?? 0) + 1);
    const counts = [...perAuthor.values()].sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThan(300);
    expect(counts[0]).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]);

    const likes = comments.map((c) => c.likeCount ?? 0).sort((a, b) => a - b);
    expect(likes[Math.floor(likes.length / 2)]).toBeLessThanOrEqual(2);
    expect(likes[likes.length - 1]).toBeGreaterThan(50);
  });

  it("has village admin replies on every platform, authored by the source account", () => {
    for (const s of demo.sources) {
      const replies = comments.filter((c) => c.platform === s.platform && c.authorId === s.accountId);
      expect(replies.length, s.platform).toBeGreaterThan(10);
      expect(replies.every((c) => c.parentExternalId)).toBe(true);
    }
    // The admin team works days and evenings, not at 3 a.m.
    const admin = comments.filter((c) => demo.sources.some((s) => s.accountId === c.authorId));
    const daytime = admin.filter((c) => Number(jakartaHour.format(c.publishedAt)) >= 6);
    expect(daytime.length / admin.length).toBeGreaterThan(0.95);
  });

  it("varies texts: most comments are distinct", () => {
    const distinct = new Set(comments.map((c) => c.text)).size;
    expect(distinct / comments.length).toBeGreaterThan(0.85);
  });
});

describe("fragments", () => {
  it("expand without unknown slots", () => {
    const rng = new Rng(1);
    const all: string[] = [...ADMIN_GENERIC.neg, ...ADMIN_GENERIC.neu];
    for (const theme of Object.values(THEMES) as Theme[]) {
      for (const byTone of Object.values(theme.texts)) for (const list of Object.values(byTone ?? {})) all.push(...(list ?? []));
      all.push(...(theme.admin ?? []), ...(theme.posts ?? []));
    }
    for (const tpl of all) {
      const out = expandTemplate(tpl, rng);
      expect(out, tpl).not.toMatch(/[{}]/);
    }
  });

  it("expandTemplate resolves alternatives, optionals and names an unknown slot", () => {
    const rng = new Rng(7);
    for (let i = 0; i < 20; i++) expect(["a x", "b x", "a", "b"]).toContain(expandTemplate("{a|b}{? x}", rng));
    expect(() => expandTemplate("{nosuchslot}", rng)).toThrow(/nosuchslot/);
  });
});
