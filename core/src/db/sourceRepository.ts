// Source rows (one social account or file label of a village) and their run bookkeeping.
// Tokens are stored sealed (tokenEnc); nothing here ever decrypts them.
import type { Database } from "./client";
import type { Source } from "./generated/client";
import type { SourceCursor } from "../ingest/cursors";
import { sourceCursorColumn, sourceSettingsColumn, type SourceSettings } from "./jsonColumns";

export type SourceStatus = "active" | "paused" | "error" | "needs_login";

/** A Source row with its JSON columns parsed (the Prisma model type otherwise, no copy to keep in step). */
export type SourceRow = Omit<Source, "settings" | "cursor"> & { settings: SourceSettings; cursor: SourceCursor | null };

function toSourceRow(row: Source): SourceRow {
  return { ...row, settings: sourceSettingsColumn.parse(row.settings), cursor: sourceCursorColumn.parse(row.cursor, row.platform) };
}
const orNull = (row: Source | null) => (row ? toSourceRow(row) : null);

/** The stored text of the JSON columns a patch sets (others untouched). */
function jsonData(patch: { settings?: SourceSettings; cursor?: SourceCursor | null }) {
  return {
    ...(patch.settings ? { settings: sourceSettingsColumn.serialise(patch.settings) } : {}),
    ...(patch.cursor !== undefined ? { cursor: patch.cursor === null ? null : sourceCursorColumn.serialise(patch.cursor) } : {}),
  };
}

export interface LastRunRow { sourceId: number; status: string; startedAt: Date; finishedAt: Date | null; read: number; new: number; updated: number; rejected: number; error: string | null }

/** One source, or null. */
export async function getSource(db: Database, id: number): Promise<SourceRow | null> {
  return orNull(await db.prisma.source.findUnique({ where: { id } }));
}

/** Sources of a village, oldest first. */
export async function listSources(db: Database, villageId: number): Promise<SourceRow[]> {
  return (await db.prisma.source.findMany({ where: { villageId }, orderBy: { id: "asc" } })).map(toSourceRow);
}

/** API sources the scheduler may run (not paused, with a token). */
export async function listSchedulableSources(db: Database): Promise<SourceRow[]> {
  const rows = await db.prisma.source.findMany({ where: { platform: { in: ["x", "facebook", "instagram"] }, status: { not: "paused" }, tokenEnc: { not: null } }, orderBy: { id: "asc" } });
  return rows.map(toSourceRow);
}

/** The source with this (village, platform, account), if any. */
export async function findSourceByAccount(db: Database, villageId: number, platform: string, accountId: string): Promise<SourceRow | null> {
  return orNull(await db.prisma.source.findUnique({ where: { villageId_platform_accountId: { villageId, platform, accountId } } }));
}

export interface SourceInput {
  villageId: number;
  platform: string;
  accountId: string;
  handle?: string | null;
  name?: string | null;
  tokenEnc?: string | null;
  intervalMinutes?: number | null;
  settings?: SourceSettings;
}

/** Inserts a source. */
export async function createSource(db: Database, input: SourceInput): Promise<SourceRow> {
  return toSourceRow(await db.prisma.source.create({
    data: {
      villageId: input.villageId,
      platform: input.platform,
      accountId: input.accountId,
      handle: input.handle ?? null,
      name: input.name ?? null,
      tokenEnc: input.tokenEnc ?? null,
      intervalMinutes: input.intervalMinutes ?? null,
      settings: sourceSettingsColumn.serialise(input.settings ?? {}),
    },
  }));
}

/**
 * The file source with this (village, platform, account), created when missing. Two imports into
 * a village may start at once: the one whose insert loses the race reads the winner's row (an
 * upsert without changes is a read then an insert in Prisma, and failed with a unique violation).
 */
export async function ensureSource(db: Database, input: { villageId: number; platform: string; accountId: string; name: string }): Promise<SourceRow> {
  const found = await findSourceByAccount(db, input.villageId, input.platform, input.accountId);
  if (found) return found;
  try {
    return await createSource(db, input);
  } catch (err) {
    if ((err as { code?: string }).code !== "P2002") throw err;
    const winner = await findSourceByAccount(db, input.villageId, input.platform, input.accountId);
    if (!winner) throw err;
    return winner;
  }
}

/** A demo source (no token, status "demo": the scheduler skips it), created when missing. */
export async function ensureDemoSource(db: Database, input: { villageId: number; platform: string; accountId: string; handle: string | null; name: string | null }): Promise<SourceRow> {
  return toSourceRow(await db.prisma.source.upsert({
    where: { villageId_platform_accountId: { villageId: input.villageId, platform: input.platform, accountId: input.accountId } },
    create: { ...input, status: "demo" },
    update: {},
  }));
}

export interface SourcePatch {
  accountId?: string;
  handle?: string | null;
  name?: string | null;
  tokenEnc?: string | null;
  refreshTokenEnc?: string | null;
  tokenExpiresAt?: Date | null;
  intervalMinutes?: number | null;
  status?: SourceStatus;
  settings?: SourceSettings;
  cursor?: SourceCursor | null;
}

/** Updates the given fields of a source. */
export async function updateSource(db: Database, id: number, patch: SourcePatch): Promise<SourceRow> {
  const { settings, cursor, ...rest } = patch;
  return toSourceRow(await db.prisma.source.update({ where: { id }, data: { ...rest, ...jsonData({ settings, cursor }) } }));
}

/**
 * Stores refreshed tokens only if the refresh token is still the one the refresh used (X rotates
 * refresh tokens: of two processes refreshing at once, the later write must not keep a dead one).
 * False when another process stored newer tokens first.
 */
export async function swapSourceTokens(
  db: Database,
  id: number,
  usedRefreshTokenEnc: string,
  next: { tokenEnc: string; refreshTokenEnc: string | null; tokenExpiresAt: Date | null },
): Promise<boolean> {
  const res = await db.prisma.source.updateMany({ where: { id, refreshTokenEnc: usedRefreshTokenEnc }, data: next });
  return res.count > 0;
}

/** Deletes a source; its comments stay (sourceId set to null). */
export async function deleteSource(db: Database, id: number): Promise<boolean> {
  const res = await db.prisma.source.deleteMany({ where: { id } });
  return res.count > 0;
}

/** Records the outcome of a run on the source (what the dashboard shows as its health). */
export async function recordRunResult(
  db: Database,
  id: number,
  result: { at: Date; ok: boolean; error: string | null; status: SourceStatus; settings?: SourceSettings },
): Promise<void> {
  await db.prisma.source.update({
    where: { id },
    data: {
      lastRunAt: result.at,
      status: result.status,
      ...(result.ok ? { lastSuccessAt: result.at, lastError: null, lastErrorAt: null } : { lastError: result.error, lastErrorAt: result.at }),
      ...jsonData({ settings: result.settings }),
    },
  });
}

/** The latest finished-or-running JobRun of each source. */
export async function lastRunsBySource(db: Database, sourceIds: number[]): Promise<Map<number, LastRunRow>> {
  const out = new Map<number, LastRunRow>();
  for (const sourceId of sourceIds) {
    const run = await db.prisma.jobRun.findFirst({
      where: { sourceId, kind: "ingest" },
      orderBy: { id: "desc" },
      select: { sourceId: true, status: true, startedAt: true, finishedAt: true, read: true, new: true, updated: true, rejected: true, error: true },
    });
    if (run && run.sourceId !== null) out.set(sourceId, { ...run, sourceId: run.sourceId });
  }
  return out;
}

/** Comments stored from this source. */
export async function countSourceComments(db: Database, sourceId: number): Promise<number> {
  return db.prisma.comment.count({ where: { sourceId } });
}

const PLATFORM_NAMES: Record<string, string> = { x: "X", facebook: "Facebook", instagram: "Instagram", whatsapp: "WhatsApp", file: "Berkas" };

/** How a source is named to people: "Facebook · Pemdes Sukamaju" (never its database id). */
export function sourceDisplayName(s: { platform: string; name: string | null; handle: string | null; accountId: string }): string {
  return `${PLATFORM_NAMES[s.platform] ?? s.platform} · ${s.name ?? (s.handle ? `@${s.handle}` : s.accountId)}`;
}

/** Display names of sources by id (missing ids: deleted sources). */
export async function findSourceNames(db: Database, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.prisma.source.findMany({ where: { id: { in: unique } }, select: { id: true, platform: true, name: true, handle: true, accountId: true } });
  return new Map(rows.map((r) => [r.id, sourceDisplayName(r)]));
}
