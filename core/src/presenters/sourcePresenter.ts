// Source row -> DTO. The token never leaves the server: only whether one is stored. A source's
// names can hold personal data (a WhatsApp chat with an unsaved number is named after the number).
import type { SourceDTO } from "@suara-desa/shared/contracts";
import { presentOfficialText } from "./commentPresenter";

export type { SourceDTO };
import type { LastRunRow, SourceRow } from "../db/sourceRepository";


const iso = (d: Date | null) => (d ? d.toISOString() : null);

function xPostsRead(row: SourceRow, now: Date): number | null {
  if (row.platform !== "x") return null;
  const usage = row.settings.xUsage;
  return usage?.month === now.toISOString().slice(0, 7) ? usage.postsRead : 0;
}

/** Builds the DTO of a source; its account id, handle, name and last error are masked unless `raw`. */
export function presentSource(row: SourceRow, extra: { raw: boolean; lastRun?: LastRunRow | null; comments?: number; now?: Date }): SourceDTO {
  const run = extra.lastRun ?? null;
  const raw = extra.raw;
  return {
    id: row.id,
    villageId: row.villageId,
    platform: row.platform,
    accountId: presentOfficialText(row.accountId, raw),
    handle: presentOfficialText(row.handle, raw),
    name: presentOfficialText(row.name, raw),
    status: row.status,
    intervalMinutes: row.intervalMinutes,
    hasToken: row.tokenEnc !== null,
    lastRunAt: iso(row.lastRunAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastError: presentOfficialText(row.lastError, raw),
    lastErrorAt: iso(row.lastErrorAt),
    lastRun: run ? { status: run.status, startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt), read: run.read, new: run.new, updated: run.updated, rejected: run.rejected } : null,
    comments: extra.comments ?? 0,
    xPostsReadThisMonth: xPostsRead(row, extra.now ?? new Date()),
    connected: row.settings.oauth !== undefined,
    settingsUnreadable: row.settings.unreadable !== undefined,
  };
}
