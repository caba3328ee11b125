// Peringatan: who in a village is warned about what, and the messages waiting for them. Events write
// outbox rows (AlertMessage) keyed so the same event never makes two messages; the dispatcher in
// jobs/src/alerts sends them. Texts are Indonesian, short enough for a phone, with personal data masked.
import { randomBytes } from "node:crypto";
import { addDays, localDay, localHourAndWeekday } from "@suara-desa/shared/time";
import type { AuthContext } from "@suara-desa/shared/auth";
import { env } from "../env";
import type { Database } from "../db/client";
import {
  deleteAlertChannel, enqueueAlert, setAlertChannelEnabled, findDedupeKeys, findAlertChannel, findAlertChannels, findAlertMessages, findRecentUrgentComments, insertAlertChannel,
  type AlertChannelRow,
} from "../db/alertRepository";
import { findCaseOfComment } from "../db/caseRepository";
import { listSources } from "../db/sourceRepository";
import { findSlimComments } from "../db/commentRepository";
import { findRollups } from "../db/rollupRepository";
import { findTopicsForVillage } from "../db/topicRepository";
import { computeWeeklyOverview } from "./overviewService";
import { getVillage } from "../db/villageRepository";
import { badRequest, notFound } from "../errors";
import { alertEventsColumn, piiSpansColumn, type AlertPayload } from "../db/jsonColumns";
import { redactPersonalData } from "../nlp/pii";
import { extractPlaces } from "../nlp/places";
import { assertCanManageSources } from "../policies/access";
import { recordAudit } from "./auditService";
import { weeklyPeriod } from "./reports/period";
import { periodLabel, villageDisplayName } from "./reports/reportStrings";
import { sealSecret } from "./secretBox";

export const ALERT_KINDS = ["telegram", "email", "whatsapp", "webhook"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_EVENTS = ["urgent", "spike", "digest", "sourceHealth"] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

export type { AlertPayload };

/** How recent an urgent comment must be to alert (older ones imported late are history, not news). */
const URGENT_WINDOW_MS = 48 * 3_600_000;

/** Whether a comment published at `publishedAt` is recent enough to warn about at `now` (ms). */
export function isRecentForAlert(publishedAt: Date, now: number): boolean {
  return publishedAt.getTime() >= now - URGENT_WINDOW_MS;
}

export interface NewChannelInput {
  kind: AlertKind;
  target: string;
  events?: AlertEvent[];
  /** "22:00-06:00": non-urgent messages wait until the end. */
  quiet?: string;
  /** WhatsApp: the Cloud API phone-number id and access token. */
  whatsapp?: { phoneNumberId: string; token: string };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates a channel's target for its kind; the error names the field. */
export function checkTarget(kind: AlertKind, target: string): string {
  const t = target.trim();
  if (kind === "telegram" && !/^(-?\d{5,20}|@[A-Za-z][\w]{4,31})$/.test(t)) throw badRequest("telegram: must be a chat id (e.g. -1001234567890) or @channelname");
  if (kind === "email" && !EMAIL_RE.test(t)) throw badRequest("email: must be an e-mail address");
  if (kind === "whatsapp") {
    const digits = t.replace(/[\s-]/g, "");
    if (!/^\+?62\d{8,13}$/.test(digits)) throw badRequest("whatsapp: must be an Indonesian number like +6281234567890");
    return digits.replace(/^\+/, "");
  }
  if (kind === "webhook") {
    let url: URL;
    try {
      url = new URL(t);
    } catch {
      throw badRequest("webhook: must be a URL");
    }
    const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) throw badRequest("webhook: must be an https:// URL");
  }
  return t;
}

/** "22:00-06:00" -> minutes after midnight; the error names the field. */
export function parseQuiet(quiet: string | undefined): { quietStart: number | null; quietEnd: number | null } {
  if (!quiet) return { quietStart: null, quietEnd: null };
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(quiet.trim());
  if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) throw badRequest("quiet: must look like 22:00-06:00");
  return { quietStart: Number(m[1]) * 60 + Number(m[2]), quietEnd: Number(m[3]) * 60 + Number(m[4]) };
}

/** Whether `now` falls in the channel's quiet hours (local time), and when they end. */
export function quietUntil(channel: Pick<AlertChannelRow, "quietStart" | "quietEnd">, now: Date, timeZone: string): Date | null {
  const { quietStart: s, quietEnd: e } = channel;
  if (s === null || e === null || s === e) return null;
  const { hour } = localHourAndWeekday(now, timeZone);
  const minute = Number(new Intl.DateTimeFormat("en-GB", { timeZone, minute: "2-digit" }).format(now));
  const m = hour * 60 + minute;
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return null;
  const wait = ((e - m + 24 * 60) % (24 * 60)) * 60_000;
  return new Date(now.getTime() + wait - (now.getTime() % 60_000));
}

export function eventsOf(channel: Pick<AlertChannelRow, "events">): AlertEvent[] {
  return alertEventsColumn.parse(channel.events).filter((x): x is AlertEvent => (ALERT_EVENTS as readonly string[]).includes(x));
}

async function villageOrThrow(db: Database, villageId: number) {
  const v = await getVillage(db, villageId);
  if (!v) throw notFound("Desa");
  return v;
}

/** Adds a channel (admins; the CLI passes a system context). A webhook gets a new signing key, returned once. */
export async function addAlertChannel(db: Database, auth: AuthContext | undefined, villageId: number, input: NewChannelInput): Promise<{ channel: AlertChannelRow; webhookKey: string | null }> {
  assertCanManageSources(auth);
  await villageOrThrow(db, villageId);
  const target = checkTarget(input.kind, input.target);
  const events = input.events?.length ? [...new Set(input.events)] : [...ALERT_EVENTS];
  let secret: string | null = null;
  let webhookKey: string | null = null;
  if (input.kind === "webhook") {
    webhookKey = randomBytes(24).toString("base64url");
    secret = sealSecret(webhookKey);
  }
  if (input.kind === "whatsapp") {
    if (!input.whatsapp?.phoneNumberId || !input.whatsapp.token) throw badRequest("whatsapp: give the Cloud API phone-number id and access token");
    if (!/^\d{5,30}$/.test(input.whatsapp.phoneNumberId)) throw badRequest("phoneNumberId: must be the numeric id from WhatsApp Manager");
    secret = sealSecret(`${input.whatsapp.phoneNumberId}:${input.whatsapp.token}`);
  }
  const channel = await insertAlertChannel(db, { villageId, kind: input.kind, target, events: alertEventsColumn.serialise(events), secret, ...parseQuiet(input.quiet) });
  await recordAudit(db, auth, { action: "settings.change", villageId, target: `alert:${channel.id}`, details: { added: input.kind, events } });
  return { channel, webhookKey };
}

export async function listAlertChannels(db: Database, auth: AuthContext | undefined, villageId?: number): Promise<AlertChannelRow[]> {
  assertCanManageSources(auth);
  return findAlertChannels(db, villageId);
}

export async function removeAlertChannel(db: Database, auth: AuthContext | undefined, villageId: number, channelId: number): Promise<void> {
  assertCanManageSources(auth);
  if (!(await deleteAlertChannel(db, villageId, channelId))) throw notFound("Saluran peringatan");
  await recordAudit(db, auth, { action: "settings.change", villageId, target: `alert:${channelId}`, details: { removed: true } });
}

/**
 * Switches a channel on or off without losing its settings. Off: nothing new is queued for it and what
 * was waiting is recorded as not sent; on again: urgent comments of the last 48 hours it missed are queued.
 */
export async function switchAlertChannel(db: Database, auth: AuthContext | undefined, villageId: number, channelId: number, enabled: boolean): Promise<void> {
  assertCanManageSources(auth);
  if (!(await setAlertChannelEnabled(db, villageId, channelId, enabled))) throw notFound("Saluran peringatan");
  await recordAudit(db, auth, { action: "settings.change", villageId, target: `alert:${channelId}`, details: { enabled } });
}

/** Queues a test message for one channel ("kirim pesan uji"); the dispatcher sends it within seconds. */
export async function queueTestAlert(db: Database, auth: AuthContext | undefined, villageId: number, channelId: number, now = new Date()): Promise<void> {
  assertCanManageSources(auth);
  const ch = await findAlertChannel(db, channelId);
  if (!ch || ch.villageId !== villageId) throw notFound("Saluran peringatan");
  const v = await villageOrThrow(db, villageId);
  await enqueueAlert(db, {
    villageId, channelId, kind: "test", dedupeKey: `test:${now.getTime()}`,
    payload: { subject: `Pesan uji Suara Desa — ${villageDisplayName(v.name, "id")}`, text: `Pesan uji dari Suara Desa untuk ${villageDisplayName(v.name, "id")}. Saluran ini akan menerima peringatan desa.`, link: appLink("/"), urgent: true },
  });
}

export async function alertLog(db: Database, auth: AuthContext | undefined, villageId: number) {
  assertCanManageSources(auth);
  return findAlertMessages(db, villageId);
}

function appLink(path: string): string {
  const base = (env().PUBLIC_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/, "");
  return `${base}${path}`;
}

/** The urgent-alert text: masked personal data, platform, local time, places, and where to act. */
export function formatUrgent(
  village: { name: string; timeZone: string },
  c: { text: string; piiSpans: string | null; platform: string; publishedAt: Date; urgentTerms: string | null },
  link: string | null,
): AlertPayload {
  const text = redactPersonalData(c.text, piiSpansColumn.parse(c.piiSpans)).text;
  const time = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "short", timeZone: village.timeZone }).format(c.publishedAt);
  const places = extractPlaces(c.text);
  const platform = { x: "X", facebook: "Facebook", instagram: "Instagram", file: "berkas impor" }[c.platform] ?? c.platform;
  const lines = [`⚠️ DARURAT — ${villageDisplayName(village.name, "id")}`, `"${text.length > 600 ? `${text.slice(0, 600)}…` : text}"`, `${platform}, ${time}`];
  if (places.length) lines.push(`Tempat: ${places.join(", ")}`);
  if (link) lines.push(`Tindak lanjuti: ${link}`);
  return { subject: `DARURAT — ${villageDisplayName(village.name, "id")}: laporan warga`, text: lines.join("\n"), link, urgent: true };
}

/**
 * One message per urgent comment per channel that wants urgent alerts: comments stored after the
 * channel was added and written in the last 48 hours. New comments already got theirs in the
 * transaction that stored them (ingestRepository, ENQUEUE_URGENT_SQL); this catches the rest (a comment
 * re-tagged or corrected to urgent) and is idempotent (dedupe key per comment), so the end of every
 * ingest run and every dispatcher tick may call it. The link to the case is added when sending
 * (withUrgentLink): the case is opened at the end of the run, after the outbox row.
 */
export async function queueUrgentAlerts(db: Database, villageId: number, now = new Date()): Promise<number> {
  const channels = (await findAlertChannels(db, villageId)).filter((c) => c.enabled && eventsOf(c).includes("urgent"));
  if (channels.length === 0) return 0;
  const village = await villageOrThrow(db, villageId);
  const since = new Date(Math.min(...channels.map((c) => c.createdAt.getTime())));
  const comments = await findRecentUrgentComments(db, villageId, since, new Date(now.getTime() - URGENT_WINDOW_MS));
  let queued = 0;
  for (const c of comments) {
    const payload = formatUrgent(village, c, null);
    for (const ch of channels) {
      // The backlog stored before a channel existed is not news to it.
      if (c.createdAt < ch.createdAt) continue;
      if (await enqueueAlert(db, { villageId, channelId: ch.id, kind: "urgent", dedupeKey: `urgent:${c.id}`, payload })) queued++;
    }
  }
  return queued;
}

/** An urgent message as sent: with the link to its comment's case when there is one by now, else to the urgent comments. */
export async function withUrgentLink(db: Database, villageId: number, dedupeKey: string, payload: AlertPayload): Promise<AlertPayload> {
  const m = /^urgent:(\d+)$/.exec(dedupeKey);
  if (!m || payload.link) return payload;
  const kase = await findCaseOfComment(db, villageId, Number(m[1]));
  const link = appLink(kase ? `/tindak-lanjut?isu=${kase.id}` : "/jelajahi?urgent=1");
  return { ...payload, link, text: `${payload.text}\nTindak lanjuti: ${link}` };
}


const SOURCE_DOWN_MS = 24 * 3_600_000;
const PLATFORM_NAMES: Record<string, string> = { x: "X", facebook: "Facebook", instagram: "Instagram" };

/**
 * Source health: a source that has not fetched successfully for 24 hours, or needs a new login, is
 * reported once per outage (keyed by its last success), and its recovery once more.
 */
export async function queueSourceHealthAlerts(db: Database, villageId: number, now = new Date()): Promise<number> {
  const channels = (await findAlertChannels(db, villageId)).filter((c) => c.enabled && eventsOf(c).includes("sourceHealth"));
  if (channels.length === 0) return 0;
  const village = await villageOrThrow(db, villageId);
  const time = (d: Date) => new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "short", timeZone: village.timeZone }).format(d);
  let queued = 0;
  for (const s of await listSources(db, villageId)) {
    if (s.status === "paused" || s.status === "demo") continue;
    const since = s.lastSuccessAt ?? s.createdAt;
    const name = `${PLATFORM_NAMES[s.platform] ?? s.platform} ${s.handle ? `@${s.handle.replace(/^@/, "")}` : s.accountId}`;
    const down = s.status === "needs_login" || (s.lastRunAt !== null && now.getTime() - since.getTime() > SOURCE_DOWN_MS);
    for (const ch of channels) {
      if (down) {
        const why = s.status === "needs_login" ? "akun perlu login ulang" : (s.lastError ?? "belum berhasil mengambil komentar");
        const payload: AlertPayload = {
          subject: `Sumber data bermasalah — ${villageDisplayName(village.name, "id")}`,
          text: `⚠️ Sumber data bermasalah — ${villageDisplayName(village.name, "id")}\n${name}: ${why}.\nTerakhir berhasil: ${s.lastSuccessAt ? time(s.lastSuccessAt) : "belum pernah"}.\nPerbaiki di Sumber Data: ${appLink("/sumber")}`,
          link: appLink("/sumber"), urgent: false,
        };
        if (await enqueueAlert(db, { villageId, channelId: ch.id, kind: "sourceHealth", dedupeKey: `health:${s.id}:down:${since.toISOString()}`, payload })) queued++;
      } else {
        // Recovered: every outage reported on this channel before the latest success gets its "pulih".
        for (const key of await findDedupeKeys(db, ch.id, `health:${s.id}:down:`)) {
          const at = key.slice(`health:${s.id}:down:`.length);
          if (!s.lastSuccessAt || Date.parse(at) >= s.lastSuccessAt.getTime()) continue;
          const payload: AlertPayload = {
            subject: `Sumber data pulih — ${villageDisplayName(village.name, "id")}`,
            text: `✅ Sumber data pulih — ${villageDisplayName(village.name, "id")}\n${name} kembali mengambil komentar (${time(s.lastSuccessAt)}).`,
            link: appLink("/sumber"), urgent: false,
          };
          if (await enqueueAlert(db, { villageId, channelId: ch.id, kind: "sourceHealth", dedupeKey: `health:${s.id}:up:${at}`, payload })) queued++;
        }
      }
    }
  }
  return queued;
}

/**
 * The Monday digest after the weekly report is stored: five lines in Indonesian from the same overview
 * the review shows, the PDF attached (e-mail, Telegram document), a link for WhatsApp and webhooks.
 */
export async function queueWeeklyDigest(db: Database, villageId: number, week: string, reportId: number | null): Promise<number> {
  const channels = (await findAlertChannels(db, villageId)).filter((c) => c.enabled && eventsOf(c).includes("digest"));
  if (channels.length === 0) return 0;
  const village = await villageOrThrow(db, villageId);
  const o = await computeWeeklyOverview(db, villageId, week);
  const share = (t: { negatif: number; comments: number }) => (t.comments ? Math.round((1000 * t.negatif) / t.comments) / 10 : 0);
  const worst = [...o.topics].sort((a, b) => b.negatif - a.negatif)[0];
  // The office reads weeks as dates: the same label the weekly PDF prints, never the key "2026-W47".
  const weekLabel = periodLabel(weeklyPeriod(week), "id");
  const villageName = villageDisplayName(village.name, "id");
  const lines = [
    `Ringkasan mingguan ${villageName}, ${weekLabel}`,
    `Komentar warga: ${o.totals.comments}${o.previous ? ` (minggu lalu ${o.previous.comments})` : ""}; negatif ${share(o.totals).toLocaleString("id-ID")}%${o.previous ? ` (minggu lalu ${share(o.previous).toLocaleString("id-ID")}%)` : ""}.`,
    worst && worst.negatif > 0 ? `Komentar negatif terbanyak: ${worst.name} (${worst.negatif} komentar negatif).` : "Tidak ada topik dengan komentar negatif minggu ini.",
    `Perlu dijawab: ${o.totals.needsReply} isu baru, ${o.totals.answered} dijawab di publik, ${o.totals.overdue} terlambat.`,
    `Darurat: ${o.totals.intents.urgent} laporan. Laporan lengkap: ${appLink(`/?week=${week}`)}`,
  ];
  const payload: AlertPayload = { subject: `Ringkasan mingguan ${villageName} — ${weekLabel}`, text: lines.join("\n"), link: appLink(`/?week=${week}`), urgent: false, reportId };
  let queued = 0;
  for (const ch of channels) if (await enqueueAlert(db, { villageId, channelId: ch.id, kind: "digest", dedupeKey: `digest:${week}`, payload })) queued++;
  return queued;
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return Math.max(0, 1 - below);
}

export const SPIKE_MIN_COUNT = 5;
export const SPIKE_P = 0.001;
const BASELINE_DAYS = 56;

/**
 * Spikes: a topic's negative comments (negative sentiment, whatever their intent) today (village time)
 * far above its daily baseline over the last 8 weeks (Poisson tail below 0.001, at least 5 comments), at most one alert per topic per day,
 * naming the topic, the counts and two example comments (personal data masked).
 */
export async function queueSpikeAlerts(db: Database, villageId: number, now = new Date()): Promise<number> {
  const channels = (await findAlertChannels(db, villageId)).filter((c) => c.enabled && eventsOf(c).includes("spike"));
  if (channels.length === 0) return 0;
  const village = await villageOrThrow(db, villageId);
  const today = localDay(now, village.timeZone);
  const from = addDays(today, -BASELINE_DAYS);
  const rows = await findRollups(db, villageId, from, today, "topics");
  const todayNeg = new Map<string, number>();
  const baseNeg = new Map<string, number>();
  for (const r of rows) {
    if (r.sentiment !== "negatif") continue;
    const m = r.day === today ? todayNeg : baseNeg;
    m.set(r.topic, (m.get(r.topic) ?? 0) + r.count);
  }
  const names = new Map((await findTopicsForVillage(db, villageId)).map((t) => [t.key, t.nameId]));
  let queued = 0;
  for (const [topic, k] of todayNeg) {
    const lambda = (baseNeg.get(topic) ?? 0) / BASELINE_DAYS;
    if (k < SPIKE_MIN_COUNT || poissonTail(k, Math.max(lambda, 0.2)) >= SPIKE_P) continue;
    const examples = (await findSlimComments(db, villageId, today, today, topic))
      .filter((c) => c.sentiment === "negatif").sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, 2)
      .map((c) => `"${redactPersonalData(c.text).text.slice(0, 200)}"`);
    const name = names.get(topic) ?? topic;
    const link = appLink(`/jelajahi?topic=${topic}&sentiment=negatif&from=${today}&to=${today}`);
    // What is counted is negative sentiment on a topic (any intent), not the "keluhan" intent: say so.
    const base = baseNeg.get(topic) ?? 0;
    const dec = (x: number) => x.toLocaleString("id-ID", { maximumFractionDigits: 1 });
    const usual = base === 0
      ? "Dalam 8 minggu terakhir tidak ada komentar negatif tentang topik ini."
      : `Biasanya rata-rata ${lambda >= 1 ? `${dec(lambda)} per hari` : `${dec((7 * base) / BASELINE_DAYS)} per minggu`} (${base} dalam 8 minggu terakhir).`;
    const villageName = villageDisplayName(village.name, "id");
    const payload: AlertPayload = {
      subject: `Lonjakan komentar negatif tentang ${name} — ${villageName}`,
      text: [`📈 Lonjakan komentar negatif — ${villageName}`, `${name}: ${k} komentar negatif hari ini. ${usual}`, ...examples, `Lihat: ${link}`].join("\n"),
      link, urgent: false,
    };
    for (const ch of channels) if (await enqueueAlert(db, { villageId, channelId: ch.id, kind: "spike", dedupeKey: `spike:${topic}:${today}`, payload })) queued++;
  }
  return queued;
}
