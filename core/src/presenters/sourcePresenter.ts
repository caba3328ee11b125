// Source row -> DTO. The token never leaves the server: only whether one is stored.
import type { SourceDTO } from "@suara-desa/shared/contracts";

export type { SourceDTO };
import type { LastRunRow, SourceRow } from "../db/sourceRepository";


const iso = (d: Date | null) => (d ? d.toISOString() : null);

function xPostsRead(row: SourceRow, now: Date): number | null {
  if (row.platform !== "x") return null;
  const usage = row.settings.xUsage;
  return usage?.month === now.toISOString().slice(0, 7) ? usage.postsRead : 0;
}

/** Builds the DTO of a source. */
export function presentSource(row: SourceRow, extra: { lastRun?: LastRunRow | null; comments?: number; now?: Date } = {}): SourceDTO {
  const run = extra.lastRun ?? null;
  return {
    id: row.id,
    villageId: row.villageId,
    platform: row.platform,
    accountId: row.accountId,
    handle: row.handle,
    name: row.name,
    status: row.status,
    intervalMinutes: row.intervalMinutes,
    hasToken: row.tokenEnc !== null,
    lastRunAt: iso(row.lastRunAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastError: row.lastError,
    lastErrorAt: iso(row.lastErrorAt),
    lastRun: run ? { status: run.status, startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt), read: run.read, new: run.new, updated: run.updated, rejected: run.rejected } : null,
    comments: extra.comments ?? 0,
    xPostsReadThisMonth: xPostsRead(row, extra.now ?? new Date()),
    connected: row.settings.oauth !== undefined,
    settingsUnreadable: row.settings.unreadable !== undefined,
  };
}
