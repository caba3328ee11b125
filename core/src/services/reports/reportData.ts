// Gathers everything a Laporan Aspirasi Warga shows for one village and period: totals with the
// change vs the previous period, the sentiment trend, top topics with representative quotes
// (personal data redacted, authors numbered), rising terms, the sources read and a method note.
// Language-neutral except topic names; the renderers (PDF, XLSX) pick the strings.
import { addDays, isoWeekOfDay, localTimeToUtc } from "@suara-desa/shared/time";
import type { Sentiment } from "@suara-desa/shared/contracts";
import { piiSpansColumn } from "../../db/jsonColumns";
import { redactPersonalData } from "../../nlp/pii";
import { presentOfficialText } from "../../presenters/commentPresenter";
import { baseVersion, MODEL_CARD_FILE, readModelCard } from "../../nlp/modelCard";
import { MODEL } from "../../nlp/pipeline";
import type { RisingTerm } from "../../nlp/risingTerms";
import type { Database } from "../../db/client";
import {
  countCommentsBySource, countFailedRuns, findModelVersions, findQuoteCandidates, type QuoteCandidate,
} from "../../db/reportRepository";
import { findRollups } from "../../db/rollupRepository";
import { lastRunsBySource, listSources } from "../../db/sourceRepository";
import { findTopicsForVillage } from "../../db/topicRepository";
import { getVillage } from "../../db/villageRepository";
import { notFound } from "../../errors";
import { monthOfDay, shiftPeriod, type ReportPeriod } from "./period";
import { followUpReport, type FollowUpReport } from "../caseService";
import { getFreshness } from "../overviewService";
import { findRisingTerms } from "../insightService";
import { findDaysWithData } from "../../db/rollupRepository";
import type { FreshnessDTO } from "@suara-desa/shared/contracts";
import type { ReportLang } from "./reportStrings";

export const TREND_PERIODS = { weekly: 12, monthly: 6 } as const;
export const QUOTE_TOPICS = 5;
export const RISING_BASELINE_PERIODS = 4;

export interface Totals { comments: number; positif: number; netral: number; negatif: number; spam: number }
const emptyTotals = (): Totals => ({ comments: 0, positif: 0, netral: 0, negatif: 0, spam: 0 });

export interface Quote {
  commentId: number;
  /** Redacted original text (emoji kept; the PDF strips what its font cannot draw). */
  text: string;
  /** 1-based number of the author within this report ("Warga #1"). */
  authorNo: number;
  platform: string;
  day: string;
  likes: number;
  sentiment: Sentiment | null;
}

export interface TopicSummary {
  key: string;
  name: string;
  count: number;
  negatif: number;
  previous: number;
  delta: number;
  quotes: Quote[];
}

export interface SourceSummary {
  platform: string;
  label: string;
  status: string | null;
  lastRunAt: Date | null;
  comments: number;
  error: string | null;
  failedRuns: number;
}

export interface ReportData {
  lang: ReportLang;
  village: { id: number; code: string; name: string; kecamatan: string; kabupaten: string; timeZone: string };
  period: ReportPeriod;
  generatedAt: Date;
  totals: Totals;
  previous: Totals | null;
  trend: Array<Totals & { period: ReportPeriod }>;
  platforms: Array<{ platform: string; comments: number }>;
  topics: TopicSummary[];
  rising: RisingTerm[];
  sources: SourceSummary[];
  method: { models: Array<{ name: string; version: string }>; accuracy: Array<{ dataset: string; acc: number }> | null; measuredVersion: string | null };
  /** Tindak lanjut: response figures, open cases by topic, case lists (the weekly review's computation). */
  followUp: FollowUpReport;
  /** Names of all the village's topics in the report language (cases may name a topic quiet this period). */
  topicNames: Record<string, string>;
  /** How fresh the data was when the report was made (the cover says it). */
  freshness: FreshnessDTO;
}

function addTo(t: Totals, sentiment: string, n: number): void {
  if (sentiment === "spam") t.spam += n;
  else if (sentiment === "positif" || sentiment === "netral" || sentiment === "negatif") {
    t[sentiment] += n;
    t.comments += n;
  }
}

function periodKeyOfDay(kind: ReportPeriod["kind"], day: string): string {
  return kind === "weekly" ? isoWeekOfDay(day) : monthOfDay(day);
}

/**
 * The order of the weekly review's topic table as it opens (most negative comments first, then
 * volume, then name): the PDF's table lists topics in the order the screen shows them.
 */
export function compareTopics(a: { name: string; count: number; negatif: number }, b: { name: string; count: number; negatif: number }): number {
  return b.negatif - a.negatif || b.count - a.count || a.name.localeCompare(b.name);
}

// ---------- quotes ----------

/**
 * Redacts with the stored spans, then looks again: a report is printed and handed round, so a
 * number the stored spans missed (older model, edited text) must not slip through.
 */
export function redactForReport(text: string, stored: string | null): string {
  // Handles of other residents mentioned in a quote identify them as surely as a name.
  return redactPersonalData(text, piiSpansColumn.parse(stored)).text.replace(MENTION_RE, "$1@•••");
}

const MENTION_RE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]{2,}/gu;

const MIN_QUOTE = 25;
const MAX_QUOTE = 320;

function effectiveSentiment(c: QuoteCandidate): Sentiment | null {
  const s = c.humanSentiment ?? c.sentimentLabel;
  return s === "positif" || s === "netral" || s === "negatif" ? s : null;
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= MAX_QUOTE) return t;
  const cut = t.slice(0, MAX_QUOTE);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > MAX_QUOTE * 0.7 ? space : MAX_QUOTE)}…`;
}

/**
 * Picks 2–3 quotes that mirror the topic's mood: mostly negative ones when most comments are
 * negative, otherwise mostly the others; within a mood the most-liked come first. Near-identical
 * texts (copy-paste replies) count once.
 */
export function pickQuotes(candidates: QuoteCandidate[], negativeShare: number, max = 3): QuoteCandidate[] {
  const seen = new Set<string>();
  const usable = candidates.filter((c) => {
    const len = c.text.trim().length;
    const key = (c.normalizedText ?? c.text).toLowerCase().replace(/\W+/g, " ").trim();
    if (len < MIN_QUOTE || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const neg = usable.filter((c) => effectiveSentiment(c) === "negatif");
  const other = usable.filter((c) => effectiveSentiment(c) !== "negatif");
  const nNeg = negativeShare >= 0.5 ? 2 : 1;
  const picked = [...neg.slice(0, nNeg), ...other.slice(0, max - nNeg)];
  // Fill from whichever mood has more when the other ran short.
  for (const c of [...neg, ...other]) {
    if (picked.length >= max) break;
    if (!picked.includes(c)) picked.push(c);
  }
  return picked;
}

// ---------- method note ----------

interface ModelMeta { name: string; version: string; accuracy: Array<{ dataset: string; acc: number }> }
let modelMeta: ModelMeta | null | undefined;

/**
 * Name, pipeline version and test-split accuracy of the sentiment model, read only from the model
 * card that `npm run eval:nlp` writes (null when there is no card: the note then says not measured).
 */
export function readSentimentModelMeta(file = MODEL_CARD_FILE): ModelMeta | null {
  if (file === MODEL_CARD_FILE && modelMeta !== undefined) return modelMeta;
  const card = readModelCard(file);
  const meta = card ? { name: MODEL.name, version: baseVersion(card.pipelineVersion), accuracy: card.sentiment.model.map((f) => ({ dataset: f.dataset, acc: f.accuracy })) } : null;
  if (file === MODEL_CARD_FILE) modelMeta = meta;
  return meta;
}

// ---------- gathering ----------

/** Everything the report of `period` shows. */
export async function getReportData(
  db: Database,
  villageId: number,
  period: ReportPeriod,
  opts: {
    lang: ReportLang;
    now?: Date;
    /**
     * Only what the workbook's Ringkasan and Topik sheets show (totals, trend, topics: rollups):
     * no quotes, rising terms, sources or method. Rising terms read and tokenise every text of the
     * period — seconds of CPU in one piece for a week of 100,000 comments — for nothing the sheet shows.
     */
    figuresOnly?: boolean;
  },
): Promise<ReportData> {
  const full = !opts.figuresOnly;
  const none = <T>(): Promise<T[]> => Promise.resolve([]);
  const village = await getVillage(db, villageId);
  if (!village) throw notFound("Desa");
  const trendCount = TREND_PERIODS[period.kind];
  const trendPeriods = Array.from({ length: trendCount }, (_, i) => shiftPeriod(period, i - (trendCount - 1)));
  const prev = shiftPeriod(period, -1);
  const baselineStart = shiftPeriod(period, -RISING_BASELINE_PERIODS).start;

  const [allRows, topicRows, topics, rising, sources, bySource, models] = await Promise.all([
    findRollups(db, villageId, trendPeriods[0].start, period.end, "all"),
    findRollups(db, villageId, prev.start, period.end, "topics"),
    findTopicsForVillage(db, villageId),
    // Rising terms: this period vs the 4 before, the weekly review's own computation.
    full ? findRisingTerms(db, village, period, { start: baselineStart, end: addDays(period.start, -1) }, RISING_BASELINE_PERIODS) : none<RisingTerm>(),
    full ? listSources(db, villageId) : none<Awaited<ReturnType<typeof listSources>>[number]>(),
    full ? countCommentsBySource(db, villageId, period.start, period.end) : Promise.resolve(new Map() as Awaited<ReturnType<typeof countCommentsBySource>>),
    full ? findModelVersions(db, villageId, period.start, period.end) : none<Awaited<ReturnType<typeof findModelVersions>>[number]>(),
  ]);

  // Totals, trend and platforms from the daily rollups (the same numbers as the dashboard).
  const byPeriod = new Map<string, Totals>(trendPeriods.map((p) => [p.key, emptyTotals()]));
  const platforms = new Map<string, number>();
  for (const r of allRows) {
    const t = byPeriod.get(periodKeyOfDay(period.kind, r.day));
    if (t) addTo(t, r.sentiment, r.count);
    if (r.day >= period.start && r.day <= period.end && r.sentiment !== "spam") platforms.set(r.platform, (platforms.get(r.platform) ?? 0) + r.count);
  }
  const totals = byPeriod.get(period.key) ?? emptyTotals();
  const prevTotals = byPeriod.get(prev.key) ?? emptyTotals();

  // Topics: counts, negatives, previous period.
  const names = new Map(topics.map((t) => [t.key, opts.lang === "en" ? t.nameEn : t.nameId]));
  const stats = new Map<string, { count: number; negatif: number; previous: number }>();
  for (const r of topicRows) {
    if (r.sentiment === "spam") continue;
    const s = stats.get(r.topic) ?? { count: 0, negatif: 0, previous: 0 };
    if (r.day >= period.start) {
      s.count += r.count;
      if (r.sentiment === "negatif") s.negatif += r.count;
    } else s.previous += r.count;
    stats.set(r.topic, s);
  }
  const topicList: TopicSummary[] = [...stats.entries()]
    .filter(([, s]) => s.count > 0)
    .map(([key, s]) => ({ key, name: names.get(key) ?? key, count: s.count, negatif: s.negatif, previous: s.previous, delta: s.count - s.previous, quotes: [] }))
    // The weekly review's topic table opens sorted by negative comments: the report reads the same.
    .sort(compareTopics);

  // Quotes for the top topics; authors numbered in order of first appearance in the report.
  const authorNos = new Map<string, number>();
  const used = new Set<number>();
  const quoteTopics = full ? topicList.slice(0, QUOTE_TOPICS) : [];
  const candidates = await Promise.all(quoteTopics.map((t) => findQuoteCandidates(db, villageId, t.key, period.start, period.end, 60)));
  quoteTopics.forEach((t, i) => {
    // A comment quoted under one topic is not repeated under the next.
    const fresh = candidates[i].filter((c) => !used.has(c.id));
    for (const c of pickQuotes(fresh, t.count ? t.negatif / t.count : 0)) {
      used.add(c.id);
      let no = authorNos.get(c.authorPseudonym);
      if (no === undefined) {
        no = authorNos.size + 1;
        authorNos.set(c.authorPseudonym, no);
      }
      t.quotes.push({
        commentId: c.id,
        text: shorten(redactForReport(c.text, c.piiSpans)),
        authorNo: no,
        platform: c.platform,
        day: c.day,
        likes: c.likeCount,
        sentiment: effectiveSentiment(c),
      });
    }
  });

  // Sources: what was read, its last run, errors.
  const fromUtc = localTimeToUtc(period.start, 0, village.timeZone);
  const toUtc = localTimeToUtc(addDays(period.end, 1), 0, village.timeZone);
  const [lastRuns, failed, followUp, dataDays] = await Promise.all([
    lastRunsBySource(db, sources.map((s) => s.id)),
    countFailedRuns(db, villageId, fromUtc, toUtc),
    followUpReport(db, villageId, fromUtc, toUtc, opts.now ?? new Date()),
    findDaysWithData(db, villageId),
  ]);
  const freshness = await getFreshness(db, villageId, village.timeZone, dataDays[0] ?? null, opts.now ?? new Date());
  const sourceList: SourceSummary[] = sources.map((s) => ({
    platform: s.platform,
    // A report is a redacted document: a chat named after a resident's number is masked.
    label: presentOfficialText(s.handle ? (s.handle.startsWith("@") ? s.handle : `@${s.handle}`) : (s.name ?? s.accountId), false),
    status: s.status,
    lastRunAt: s.lastRunAt ?? lastRuns.get(s.id)?.startedAt ?? null,
    comments: bySource.get(s.id) ?? 0,
    error: presentOfficialText(s.lastError ?? lastRuns.get(s.id)?.error ?? null, false),
    failedRuns: failed.get(s.id) ?? 0,
  }));
  const unsourced = bySource.get(null) ?? 0;
  if (unsourced > 0) sourceList.push({ platform: "file", label: "", status: null, lastRunAt: null, comments: unsourced, error: null, failedRuns: 0 });

  const meta = full ? readSentimentModelMeta() : null;
  const modelList = models.length ? models.map(({ name, version }) => ({ name, version })) : meta ? [{ name: meta.name, version: meta.version }] : [];
  // Stored versions carry the topic model and taxonomy after a "+"; the card has the pipeline version.
  const usesMeta = meta !== null && modelList.some((m) => m.name === meta.name && baseVersion(m.version) === meta.version);

  return {
    lang: opts.lang,
    village: { id: village.id, code: village.code, name: village.name, kecamatan: village.kecamatan, kabupaten: village.kabupaten, timeZone: village.timeZone },
    period,
    generatedAt: opts.now ?? new Date(),
    totals,
    previous: prevTotals.comments + prevTotals.spam > 0 ? prevTotals : null,
    trend: trendPeriods.map((p) => ({ period: p, ...(byPeriod.get(p.key) ?? emptyTotals()) })),
    platforms: [...platforms.entries()].map(([platform, comments]) => ({ platform, comments })).sort((a, b) => b.comments - a.comments),
    topics: topicList,
    rising,
    sources: sourceList,
    method: {
      models: modelList,
      accuracy: meta && meta.accuracy.length ? meta.accuracy : null,
      // The figures were measured on another version than the one that analysed these comments.
      measuredVersion: meta && !usesMeta ? meta.version : null,
    },
    followUp,
    topicNames: Object.fromEntries(names),
    freshness,
  };
}
