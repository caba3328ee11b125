// The parts of the weekly review and the topic page that read comments rather than rollups:
// rising terms, "perlu perhatian", activity by day and hour, places and terms of a topic. Each is
// bounded to one week (plus four for the rising-terms baseline), so cost does not grow with history.
import type { CommentDTO, TopicDetailDTO, WeeklyInsightsDTO } from "@suara-desa/shared/contracts";
import { addWeeks, isoWeekOfDay, isoWeekRange, localHourAndWeekday } from "@suara-desa/shared/time";
import { extractPlaces } from "../nlp/places";
import { computeRisingTerms, RISING_STOPWORDS, termWords, type RisingTerm } from "../nlp/risingTerms";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { cachedForVillage } from "../db/dataVersion";
import { assertCanReadVillage } from "../policies/access";
import { findCommentsByIds, findSlimComments, type SlimComment } from "../db/commentRepository";
import { findDaysWithData, findRollups } from "../db/rollupRepository";
import { findTopicsForVillage } from "../db/topicRepository";
import { getVillage } from "../db/villageRepository";
import { notFound } from "../errors";
import { presentComment } from "../presenters/commentPresenter";
import { groupIssues } from "../nlp/grouping";
import { groupingVocabulary } from "../nlp/resources";
import { TREND_WEEKS } from "./overviewService";

const BASELINE_WEEKS = 4;
// Words in nearly every comment to a village account: never informative as a topic's "top term".
const GENERIC_WORDS = ["desa", "warga", "pak", "bu", "min", "admin", "kades", "mohon", "tolong", "terima", "kasih"];
const ATTENTION_SIZE = 5;

async function requireVillage(db: Database, villageId: number) {
  const village = await getVillage(db, villageId);
  if (!village) throw notFound("Desa");
  return village;
}

async function latestWeek(db: Database, villageId: number): Promise<string | null> {
  const [day] = await findDaysWithData(db, villageId);
  return day ? isoWeekOfDay(day) : null;
}

async function present(db: Database, ids: number[]): Promise<CommentDTO[]> {
  return (await findCommentsByIds(db, ids)).map((r) => presentComment(r));
}

/** Words of the village's own name never "rise": they are in every comment about it. */
function villageWords(name: string): string[] {
  return name.toLowerCase().split(/\s+/).filter((w) => w.length >= 3 && w !== "desa");
}

/** Rising terms shown on the weekly review and printed in the report: the same list in both. */
export const RISING_TERMS_LIMIT = 8;

/**
 * Rising terms of a period against the `baselinePeriods` before it: residents' comments only (no
 * spam, not the village's own account), the village's names excluded. The one computation behind
 * the review's "Kata yang naik" and the PDF's table, so screen and paper never disagree.
 */
export function risingTermsOf(
  village: { name: string; kecamatan: string; kabupaten: string },
  current: SlimComment[],
  baseline: SlimComment[],
  baselinePeriods: number,
): RisingTerm[] {
  return computeRisingTerms({
    current: current.map((c) => ({ id: c.id, text: c.text, normalized: c.normalizedText ?? c.text.toLowerCase() })),
    baseline: baseline.map((c) => ({ text: c.text, normalized: c.normalizedText ?? c.text.toLowerCase() })),
    baselineWeeks: baselinePeriods,
    exclude: [...villageWords(village.name), village.kecamatan, village.kabupaten, "desa", "kades"],
    limit: RISING_TERMS_LIMIT,
  });
}

/** Rising terms of [from, to] against [baseFrom, baseTo] (which spans `baselinePeriods` periods). */
export async function findRisingTerms(
  db: Database,
  village: { id: number; name: string; kecamatan: string; kabupaten: string },
  range: { start: string; end: string },
  baselineRange: { start: string; end: string },
  baselinePeriods: number,
): Promise<RisingTerm[]> {
  const [current, baseline] = await Promise.all([
    findSlimComments(db, village.id, range.start, range.end),
    findSlimComments(db, village.id, baselineRange.start, baselineRange.end),
  ]);
  return risingTermsOf(village, current, baseline, baselinePeriods);
}

/** Rising terms, comments needing attention and activity by day/hour for one week. */
export async function getWeeklyInsights(db: Database, auth: AuthContext | undefined, villageId: number, week?: string): Promise<WeeklyInsightsDTO> {
  assertCanReadVillage(auth, villageId);
  return cachedForVillage(db, villageId, `insights:${week ?? ""}`, () => computeWeeklyInsights(db, villageId, week));
}

async function computeWeeklyInsights(db: Database, villageId: number, week?: string): Promise<WeeklyInsightsDTO> {
  const village = await requireVillage(db, villageId);
  const current = week ?? (await latestWeek(db, villageId));
  const activity = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  if (!current) return { week: "", risingTerms: [], attention: { mostNegative: [], mostLiked: [], similar: {} }, activity };
  const range = isoWeekRange(current);
  const baseStart = isoWeekRange(addWeeks(current, -BASELINE_WEEKS)).start;
  const baseEnd = isoWeekRange(addWeeks(current, -1)).end;
  const [thisWeek, baseline] = await Promise.all([
    findSlimComments(db, villageId, range.start, range.end),
    findSlimComments(db, villageId, baseStart, baseEnd),
  ]);

  const rising = risingTermsOf(village, thisWeek, baseline, BASELINE_WEEKS);

  const negatives = thisWeek.filter((c) => c.sentiment === "negatif");
  const byScore = [...negatives].sort((a, b) => b.sentimentScore - a.sentimentScore || b.likeCount - a.likeCount || b.id - a.id);
  const byLikes = [...negatives].filter((c) => c.likeCount > 0).sort((a, b) => b.likeCount - a.likeCount || b.id - a.id);
  // One card per isu: comments of one follow-up case (or the same text) are the same complaint; the
  // card says how many similar comments it stands for instead of repeating them.
  const similar: Record<number, number> = {};
  // Near-duplicates of the week (issue grouping) join the case groups: "posyandu di Cikalong kok tidak
  // ada" and "… kok ngga ada" are one complaint even when they sit in two cases.
  const groupOf = new Map<number, string>();
  const items = negatives.map((c) => ({
    id: c.id, tokens: (c.normalizedText ?? c.text.toLowerCase()).split(/\s+/), topics: [] as string[], places: extractPlaces(c.text),
    day: Math.floor(c.publishedAt.getTime() / 86_400_000),
  }));
  for (const g of groupIssues(items, groupingVocabulary())) for (const m of g.members) groupOf.set(m, `isu:${g.representative}`);
  const pick = (list: SlimComment[]) => {
    const keyOf = (c: SlimComment) => groupOf.get(c.id) ?? (c.caseId !== null ? `case:${c.caseId}` : `text:${(c.normalizedText ?? c.text).toLowerCase()}`);
    const groupSize = new Map<string, number>();
    for (const c of negatives) groupSize.set(keyOf(c), (groupSize.get(keyOf(c)) ?? 0) + 1);
    const seen = new Set<string>();
    const ids: number[] = [];
    for (const c of list) {
      const k = keyOf(c);
      if (seen.has(k)) continue;
      seen.add(k);
      ids.push(c.id);
      const others = (groupSize.get(k) ?? 1) - 1;
      if (others > 0) similar[c.id] = others;
      if (ids.length === ATTENTION_SIZE) break;
    }
    return ids;
  };

  for (const c of thisWeek) {
    const { hour, weekday } = localHourAndWeekday(c.publishedAt, village.timeZone);
    activity[weekday - 1][hour]++;
  }

  const exampleIds = [...new Set(rising.flatMap((r) => r.exampleIds))];
  const [examples, mostNegative, mostLiked] = await Promise.all([
    present(db, exampleIds),
    present(db, pick(byScore)),
    present(db, pick(byLikes)),
  ]);
  const exampleById = new Map(examples.map((e) => [e.id, e]));
  return {
    week: current,
    risingTerms: rising.map((r) => ({
      term: r.term, count: r.count, baselineAvg: r.baselineAvg, score: r.score,
      examples: r.exampleIds.flatMap((id) => exampleById.get(id) ?? []),
    })),
    attention: { mostNegative, mostLiked, similar },
    activity,
  };
}

/** One topic: its 12-week trend, this week's sentiment split, top terms, places named, examples. */
export async function getTopicDetail(db: Database, auth: AuthContext | undefined, villageId: number, key: string, week?: string): Promise<TopicDetailDTO> {
  assertCanReadVillage(auth, villageId);
  return cachedForVillage(db, villageId, `topic:${key}:${week ?? ""}`, () => computeTopicDetail(db, villageId, key, week));
}

async function computeTopicDetail(db: Database, villageId: number, key: string, week?: string): Promise<TopicDetailDTO> {
  const village = await requireVillage(db, villageId);
  const topic = (await findTopicsForVillage(db, villageId)).find((t) => t.key === key);
  if (!topic) throw notFound("Topik");
  const current = week ?? (await latestWeek(db, villageId));
  const base = {
    key: topic.key, nameId: topic.nameId, nameEn: topic.nameEn,
    descriptionId: topic.descriptionId ?? "", descriptionEn: topic.descriptionEn ?? "",
  };
  const zero = { comments: 0, positif: 0, netral: 0, negatif: 0 };
  if (!current) return { ...base, week: null, totals: zero, trend: [], terms: [], places: [], examples: [] };

  const range = isoWeekRange(current);
  const first = addWeeks(current, -(TREND_WEEKS - 1));
  const rollups = await findRollups(db, villageId, isoWeekRange(first).start, range.end, "topics");
  const trend = new Map<string, typeof zero>();
  for (let i = 0; i < TREND_WEEKS; i++) trend.set(addWeeks(first, i), { ...zero });
  for (const r of rollups) {
    if (r.topic !== key || r.sentiment === "spam") continue;
    const t = trend.get(isoWeekOfDay(r.day));
    if (!t || !(r.sentiment in t)) continue;
    t[r.sentiment as "positif" | "netral" | "negatif"] += r.count;
    t.comments += r.count;
  }

  const comments = await findSlimComments(db, villageId, range.start, range.end, key);
  const places = new Map<string, { count: number; negatif: number }>();
  const termCounts = new Map<string, number>();
  const exclude = new Set([...villageWords(village.name), ...GENERIC_WORDS, ...topic.keywords.filter((k) => !k.includes(" "))]);
  for (const c of comments) {
    for (const p of extractPlaces(c.text)) {
      const e = places.get(p) ?? { count: 0, negatif: 0 };
      e.count++;
      if (c.sentiment === "negatif") e.negatif++;
      places.set(p, e);
    }
    // Emoji markers such as <emo_neg> are features for the model, not words residents wrote; words
    // holding personal data are never counted (the same words the rising terms leave out).
    const normalized = (c.normalizedText ?? c.text.toLowerCase()).replace(/<[^>]*>/g, " ");
    const words = new Set(termWords(c.text, normalized).flatMap((w) => w.match(/[\p{L}]{3,}/gu) ?? []));
    for (const w of words) if (!RISING_STOPWORDS.has(w) && !exclude.has(w)) termCounts.set(w, (termCounts.get(w) ?? 0) + 1);
  }
  const exampleIds = [...comments]
    .sort((a, b) => b.likeCount - a.likeCount || b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, 6)
    .map((c) => c.id);

  return {
    ...base,
    week: current,
    totals: trend.get(current) ?? zero,
    trend: [...trend.entries()].map(([w, t]) => ({ week: w, ...t })),
    terms: [...termCounts.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12).map(([term, count]) => ({ term, count })),
    places: [...places.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, 10).map(([name, v]) => ({ name, ...v })),
    examples: await present(db, exampleIds),
  };
}
