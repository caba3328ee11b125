// The alert dispatcher: claims due outbox rows with a lease, sends each once, and records what
// happened. Retries back off (30 s, 1 min, 2 min … at most 1 h; 8 attempts), honouring Telegram's
// retry_after and SMTP 4xx; quiet hours hold non-urgent messages until they end. Runs every 10 s in
// the server's scheduler (SQLite) and in every worker (PostgreSQL); leases keep them from sending the
// same row twice at once. Delivery is at-least-once in one narrow case: a process killed after the
// service accepted a message and before the row was marked sent resends it when the lease ends
// (webhooks carry X-Suara-Desa-Delivery and e-mails a fixed Message-ID so receivers can drop it).
import type { Database } from "@suara-desa/core/db/client";
import { claimDueAlerts, deferAlert, findAlertChannel, findAlertChannels, markAlertFailed, markAlertSent } from "@suara-desa/core/db/alertRepository";
import { getVillage } from "@suara-desa/core/db/villageRepository";
import { getReportContent } from "@suara-desa/core/db/reportRepository";
import { queueSourceHealthAlerts, queueSpikeAlerts, queueUrgentAlerts, quietUntil, withUrgentLink } from "@suara-desa/core/services/alertService";
import { sendAlert, type AlertConfig, type SendContext } from "./senders";

export const MAX_ATTEMPTS = 8;
const SPIKE_EVERY_MS = 10 * 60_000;
const spikeChecked = new Map<number, number>();
const LEASE_MS = 120_000;

export function backoffMs(attempt: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
}

export interface DispatchOptions {
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
  limit?: number;
  log?: (msg: string) => void;
  config?: Partial<AlertConfig>;
}

export interface DispatchResult { sent: number; retried: number; failed: number; deferred: number; queued: number }

/** One dispatcher pass: re-queue urgent comments a crash may have missed, then send what is due. */
export async function dispatchAlerts(db: Database, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const now = opts.now ?? (() => new Date());
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0, deferred: 0, queued: 0 };
  const villages = [...new Set((await findAlertChannels(db)).filter((c) => c.enabled).map((c) => c.villageId))];
  for (const v of villages) {
    result.queued += await queueUrgentAlerts(db, v, now());
    result.queued += await queueSourceHealthAlerts(db, v, now());
    // Spikes read eight weeks of rollups: every 10 minutes per village is often enough.
    const last = spikeChecked.get(v) ?? 0;
    if (now().getTime() < last || now().getTime() - last >= SPIKE_EVERY_MS) {
      spikeChecked.set(v, now().getTime());
      result.queued += await queueSpikeAlerts(db, v, now());
    }
  }
  const zones = new Map<number, string>();
  for (const m of await claimDueAlerts(db, now(), LEASE_MS, opts.limit ?? 50)) {
    const ch = await findAlertChannel(db, m.channelId);
    if (!ch || !ch.enabled) {
      await markAlertFailed(db, m.id, "saluran sudah dihapus atau dimatikan", null);
      result.failed++;
      continue;
    }
    if (m.payload === null) {
      await markAlertFailed(db, m.id, "isi pesan yang tersimpan rusak; pesan ini tidak dapat dikirim", null);
      result.failed++;
      opts.log?.(`alert ${m.id} (${ch.kind}) failed: ${m.unreadable.message}`);
      continue;
    }
    const payload = await withUrgentLink(db, m.villageId, m.dedupeKey, m.payload);
    if (!zones.has(ch.villageId)) zones.set(ch.villageId, (await getVillage(db, ch.villageId))?.timeZone ?? "Asia/Jakarta");
    const quiet = payload.urgent ? null : quietUntil(ch, now(), zones.get(ch.villageId)!);
    if (quiet) {
      await deferAlert(db, m.id, quiet);
      result.deferred++;
      continue;
    }
    const ctx: SendContext = { messageId: m.id, fetch: opts.fetch, timeoutMs: opts.timeoutMs, config: opts.config };
    if (payload.reportId && (ch.kind === "email" || ch.kind === "telegram")) {
      const report = await getReportContent(db, payload.reportId);
      if (report?.content && report.villageId === ch.villageId) ctx.attachment = { filename: report.filePath.split("/").pop() ?? "laporan.pdf", content: Buffer.from(report.content) };
    }
    const out = await sendAlert(ch, m.kind, payload, ctx);
    if (out.ok) {
      await markAlertSent(db, m.id, now());
      result.sent++;
    } else if (out.final || m.attempts >= MAX_ATTEMPTS) {
      await markAlertFailed(db, m.id, out.error, null);
      result.failed++;
      opts.log?.(`alert ${m.id} (${ch.kind}) failed: ${out.error}`);
    } else {
      await markAlertFailed(db, m.id, out.error, new Date(now().getTime() + Math.max(out.retryAfterMs ?? 0, backoffMs(m.attempts))));
      result.retried++;
    }
  }
  return result;
}

/** Runs a dispatcher pass every `everyMs` (never two at once in this process); returns a stop function. */
export function startAlertLoop(db: Database, opts: DispatchOptions & { everyMs?: number } = {}): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    try {
      const r = await dispatchAlerts(db, opts);
      if (r.sent + r.failed + r.retried > 0) opts.log?.(`alerts: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed`);
    } catch (e) {
      opts.log?.(`alerts: ${(e as Error).message}`);
    }
    if (!stopped) timer = setTimeout(() => void loop(), opts.everyMs ?? 10_000).unref();
  };
  timer = setTimeout(() => void loop(), 1_000).unref();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
