// Alert channels and the outbox. A message row exists before anything is sent; the dispatcher claims
// due rows with a lease (so two processes never send the same row at once, and a process killed
// mid-send leaves a row that is retried when its lease ends), then records the outcome.
import type { Database } from "./client";
import { URGENT_SQL } from "./effectiveLabels";
import { alertPayloadColumn, JsonColumnError, type AlertPayload } from "./jsonColumns";
import { sqlAll, sqlRun } from "./sql";

export interface AlertChannelRow {
  id: number;
  villageId: number;
  kind: string;
  target: string;
  events: string;
  secret: string | null;
  quietStart: number | null;
  quietEnd: number | null;
  enabled: boolean;
  createdAt: Date;
}

export async function insertAlertChannel(db: Database, data: Omit<AlertChannelRow, "id" | "createdAt" | "enabled">): Promise<AlertChannelRow> {
  return db.prisma.alertChannel.create({ data });
}

export async function findAlertChannels(db: Database, villageId?: number): Promise<AlertChannelRow[]> {
  return db.prisma.alertChannel.findMany({ where: villageId === undefined ? {} : { villageId }, orderBy: { id: "asc" } });
}

export async function findAlertChannel(db: Database, id: number): Promise<AlertChannelRow | null> {
  return db.prisma.alertChannel.findUnique({ where: { id } });
}

export async function deleteAlertChannel(db: Database, villageId: number, id: number): Promise<boolean> {
  return (await db.prisma.alertChannel.deleteMany({ where: { id, villageId } })).count > 0;
}

/** Turns a village's channel on or off; false when the village has no such channel. */
export async function setAlertChannelEnabled(db: Database, villageId: number, id: number, enabled: boolean): Promise<boolean> {
  return (await db.prisma.alertChannel.updateMany({ where: { id, villageId }, data: { enabled } })).count > 0;
}

/** Adds a message unless the channel already has one with this key; returns whether it was added. */
export async function enqueueAlert(
  db: Database,
  m: { villageId: number; channelId: number; kind: string; dedupeKey: string; payload: AlertPayload; notBefore?: Date },
): Promise<boolean> {
  const now = new Date();
  const { notBefore, ...row } = m;
  const n = await sqlRun(db, `INSERT INTO "AlertMessage" ("villageId", "channelId", kind, "dedupeKey", payload, state, attempts, "nextAttemptAt", "createdAt")
    VALUES (@villageId, @channelId, @kind, @dedupeKey, @payload, 'pending', 0, @nextAttemptAt, @now)
    ON CONFLICT ("channelId", "dedupeKey") DO NOTHING`, { ...row, payload: alertPayloadColumn.serialise(m.payload), nextAttemptAt: notBefore ?? now, now });
  return n > 0;
}

/**
 * The urgent alert of one just-stored comment, for every enabled channel of its village that wants
 * urgent alerts; run inside the transaction that stores the comment, so the outbox row exists exactly
 * when the comment does. One text for both engines: COALESCE with a column gives PostgreSQL the type of
 * each parameter (SQLite passes the value through). Params: villageId, dedupeKey ("urgent:<commentId>",
 * the same key queueUrgentAlerts uses), payload, now.
 */
export const ENQUEUE_URGENT_SQL = `INSERT INTO "AlertMessage" ("villageId", "channelId", kind, "dedupeKey", payload, state, attempts, "nextAttemptAt", "createdAt")
  SELECT ch."villageId", ch.id, 'urgent', COALESCE(@dedupeKey, ch.target), COALESCE(@payload, ch.target), 'pending', 0,
    COALESCE(@now, ch."createdAt"), COALESCE(@now, ch."createdAt")
  FROM "AlertChannel" ch
  WHERE ch."villageId" = @villageId AND ch.enabled = true AND ch.events LIKE '%"urgent"%'
  ON CONFLICT ("channelId", "dedupeKey") DO NOTHING`;

/** Urgent resident comments of a village stored after `since` and published after `publishedAfter`. */
export async function findRecentUrgentComments(db: Database, villageId: number, since: Date, publishedAfter: Date) {
  const rows = await sqlAll<{ id: number; text: string; piiSpans: string | null; platform: string; publishedAt: string | Date; createdAt: string | Date; urgentTerms: string | null }>(db,
    `SELECT c.id, c.text, c."piiSpans", c.platform, c."publishedAt", c."createdAt", c."urgentTerms" FROM "Comment" c
     WHERE c."villageId" = @villageId AND c."publishedAt" >= @publishedAfter AND c."createdAt" >= @since
       AND c."fromVillage" = false AND ${URGENT_SQL}
     ORDER BY c."publishedAt", c.id LIMIT 500`, { villageId, since, publishedAfter });
  return rows.map((r) => ({ ...r, id: Number(r.id), publishedAt: new Date(r.publishedAt), createdAt: new Date(r.createdAt) }));
}

/**
 * A claimed outbox row. Its payload is parsed here; one whose stored text is not an alert payload
 * comes back with `payload: null` and the reason, so the dispatcher fails that message and sends
 * the rest (a throw would hold every village's alerts behind one bad row).
 */
export type ClaimedMessage = {
  id: number;
  villageId: number;
  channelId: number;
  kind: string;
  dedupeKey: string;
  attempts: number;
} & ({ payload: AlertPayload } | { payload: null; unreadable: JsonColumnError });

function readPayload(text: string, id: number): { payload: AlertPayload } | { payload: null; unreadable: JsonColumnError } {
  try {
    return { payload: alertPayloadColumn.parse(text, `message ${id}`) };
  } catch (err) {
    if (err instanceof JsonColumnError) return { payload: null, unreadable: err };
    throw err;
  }
}

/**
 * Claims up to `limit` due messages for `leaseMs`: pending ones whose time has come, and ones left
 * "sending" by a process that died (lease over). The claim is one UPDATE per row guarded by the row's
 * state, so two dispatchers never both claim a row.
 */
export async function claimDueAlerts(db: Database, now: Date, leaseMs: number, limit: number): Promise<ClaimedMessage[]> {
  const due = await sqlAll<{ id: number; villageId: number; channelId: number; kind: string; dedupeKey: string; payload: string; attempts: number; state: string }>(db, `SELECT id, "villageId", "channelId", kind, "dedupeKey", payload, attempts, state FROM "AlertMessage"
    WHERE (state = 'pending' AND "nextAttemptAt" <= @now) OR (state = 'sending' AND "leaseUntil" < @now)
    ORDER BY "nextAttemptAt", id LIMIT ${Math.floor(limit)}`, { now });
  const claimed: ClaimedMessage[] = [];
  for (const m of due) {
    const n = await sqlRun(db, `UPDATE "AlertMessage" SET state = 'sending', "leaseUntil" = @lease, attempts = attempts + 1
      WHERE id = @id AND (state = 'pending' OR (state = 'sending' AND "leaseUntil" < @now))`, { id: m.id, lease: new Date(now.getTime() + leaseMs), now });
    if (n > 0) claimed.push({ id: Number(m.id), villageId: Number(m.villageId), channelId: Number(m.channelId), kind: m.kind, dedupeKey: m.dedupeKey, attempts: Number(m.attempts) + 1, ...readPayload(m.payload, Number(m.id)) });
  }
  return claimed;
}

export async function markAlertSent(db: Database, id: number, at: Date): Promise<void> {
  await sqlRun(db, `UPDATE "AlertMessage" SET state = 'sent', "sentAt" = @at, "leaseUntil" = NULL, "lastError" = NULL WHERE id = @id`, { id, at });
}

/** Another try later (`retryAt`), or give up (`retryAt` null) with the reason in plain words. */
export async function markAlertFailed(db: Database, id: number, error: string, retryAt: Date | null): Promise<void> {
  await sqlRun(db, `UPDATE "AlertMessage" SET state = @state, "nextAttemptAt" = COALESCE(@retryAt, "nextAttemptAt"), "leaseUntil" = NULL, "lastError" = @error WHERE id = @id`,
    { id, error: error.slice(0, 500), state: retryAt ? "pending" : "failed", retryAt });
}

/** Puts a message back without counting an attempt (quiet hours). */
export async function deferAlert(db: Database, id: number, until: Date): Promise<void> {
  await sqlRun(db, `UPDATE "AlertMessage" SET state = 'pending', "nextAttemptAt" = @until, "leaseUntil" = NULL, attempts = attempts - 1 WHERE id = @id`, { id, until });
}

/** Demo seed: the channel existed since the demo began. */
export async function setChannelCreatedAt(db: Database, id: number, at: Date): Promise<void> {
  await db.prisma.alertChannel.update({ where: { id }, data: { createdAt: at } });
}

/** Demo seed: the channel's queued alerts went out within a minute of their comment, as the dispatcher sends them. */
export async function markDemoAlertsSent(db: Database, channelId: number): Promise<void> {
  const rows = await db.prisma.alertMessage.findMany({ where: { channelId, state: "pending" }, select: { id: true, dedupeKey: true } });
  for (const r of rows) {
    const commentId = Number(r.dedupeKey.split(":")[1]);
    const c = await db.prisma.comment.findUnique({ where: { id: commentId }, select: { publishedAt: true } });
    const at = new Date((c?.publishedAt ?? new Date()).getTime() + 40_000);
    await db.prisma.alertMessage.update({ where: { id: r.id }, data: { state: "sent", attempts: 1, sentAt: at, createdAt: at, nextAttemptAt: at } });
  }
}

/** Dedupe keys of a channel's messages that start with `prefix`. */
export async function findDedupeKeys(db: Database, channelId: number, prefix: string): Promise<string[]> {
  const rows = await db.prisma.alertMessage.findMany({ where: { channelId, dedupeKey: { startsWith: prefix } }, select: { dedupeKey: true } });
  return rows.map((r) => r.dedupeKey);
}

/** The delivery log of a village, newest first. */
export async function findAlertMessages(db: Database, villageId: number, limit = 100) {
  return db.prisma.alertMessage.findMany({
    where: { villageId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit,
    select: { id: true, channelId: true, kind: true, state: true, attempts: true, lastError: true, sentAt: true, createdAt: true, nextAttemptAt: true },
  });
}
