// Rules about sources: who may exist (one per village, platform and account), how tokens are
// stored (sealed), what a new token does (clears "perlu login ulang"), and what a run or a
// connection test returns. Running and testing are ports handed in by the composition root, so
// the server does not import ingestion code.
import { recordAudit } from "./auditService";
import type { AuthContext } from "@suara-desa/shared/auth";
import { badRequest, conflict, notFound } from "../errors";
import { assertCanManageSources, assertCanReadVillage, canViewRawPersonalData } from "../policies/access";
import type { Database } from "../db/client";
import {
  countSourceComments, createSource, deleteSource, findSourceByAccount, getSource, lastRunsBySource, listSources, updateSource,
  type SourcePatch,
} from "../db/sourceRepository";
import { villageExists } from "../db/villageRepository";
import { presentSource, type SourceDTO } from "../presenters/sourcePresenter";
import { sealSecret } from "./secretBox";
import type { ReplyPort } from "./replyService";
import type { RetagPort } from "./retagService";

export const API_SOURCE_PLATFORMS = ["x", "facebook", "instagram"] as const;

/** What the API needs from ingestion ("jalankan sekarang", "tes koneksi"). */
export interface IngestPort {
  run(sourceId: number): Promise<{ status: string; read: number; new: number; updated: number; rejected: number; done: boolean; error: string | null }>;
  test(sourceId: number): Promise<{ ok: boolean; name: string | null; message: string }>;
  isRunning(sourceId: number): boolean | Promise<boolean>;
}

/**
 * The background side the HTTP server is given at boot (built by jobs/, wired in main.ts): the
 * port "jalankan sekarang" uses, and the schedule started once the server listens.
 */
export interface BackgroundJobs {
  ingest: IngestPort;
  /** Replies and hiding on the platforms ("Balas di Facebook", "Sembunyikan"). */
  replies: ReplyPort;
  /** "Analisis ulang komentar": re-tags a village's stored comments as a background job. */
  retag: RetagPort;
  /** Starts in-process schedules (SQLite); a no-op where `npm run worker` processes run them. */
  start(): void;
  /** Stops timers and queue connections on shutdown. */
  stop(): void;
}

export interface NewSource {
  villageId: number;
  platform: (typeof API_SOURCE_PLATFORMS)[number];
  accountId: string;
  token: string;
  handle?: string | null;
  name?: string | null;
  intervalMinutes?: number | null;
}

export interface SourceChanges {
  accountId?: string;
  token?: string;
  handle?: string | null;
  name?: string | null;
  intervalMinutes?: number | null;
  status?: "active" | "paused";
}

/** The DTO of one source with its last run and comment count, for the admins who manage sources (unmasked). */
export async function presentSourceById(db: Database, id: number): Promise<SourceDTO> {
  const row = await getSource(db, id);
  if (!row) throw notFound("Sumber");
  const runs = await lastRunsBySource(db, [id]);
  return presentSource(row, { raw: true, lastRun: runs.get(id) ?? null, comments: await countSourceComments(db, id) });
}

type Auth = AuthContext | null | undefined;

/** Sources of a village with their health (any member of the village may see them). */
export async function listVillageSources(db: Database, auth: Auth, villageId: number): Promise<SourceDTO[]> {
  assertCanReadVillage(auth, villageId);
  if (!(await villageExists(db, villageId))) throw notFound("Desa");
  const rows = await listSources(db, villageId);
  const runs = await lastRunsBySource(db, rows.map((r) => r.id));
  const out: SourceDTO[] = [];
  const raw = canViewRawPersonalData(auth, villageId);
  for (const r of rows) out.push(presentSource(r, { raw, lastRun: runs.get(r.id) ?? null, comments: await countSourceComments(db, r.id) }));
  return out;
}

/** Adds an API source (admins); the token is sealed before it is stored. */
export async function addSource(db: Database, auth: Auth, input: NewSource): Promise<SourceDTO> {
  assertCanManageSources(auth);
  if (!(await villageExists(db, input.villageId))) throw notFound("Desa");
  if (await findSourceByAccount(db, input.villageId, input.platform, input.accountId)) {
    throw conflict(`accountId: akun ${input.platform} ${input.accountId} sudah terdaftar untuk desa ini`);
  }
  const row = await createSource(db, {
    villageId: input.villageId,
    platform: input.platform,
    accountId: input.accountId,
    handle: input.handle ?? null,
    name: input.name ?? null,
    intervalMinutes: input.intervalMinutes ?? null,
    tokenEnc: sealSecret(input.token),
  });
  await recordAudit(db, auth, { action: "source.change", villageId: input.villageId, target: `source:${row.id}`, details: { op: "add", platform: input.platform } });
  return presentSourceById(db, row.id);
}

/** Edits a source. A new token clears "perlu login ulang"; a changed account restarts its cursor. */
export async function editSource(db: Database, auth: Auth, id: number, changes: SourceChanges): Promise<SourceDTO> {
  assertCanManageSources(auth);
  const row = await getSource(db, id);
  if (!row) throw notFound("Sumber");
  const patch: SourcePatch = {};
  if (changes.handle !== undefined) patch.handle = changes.handle;
  if (changes.name !== undefined) patch.name = changes.name;
  if (changes.intervalMinutes !== undefined) patch.intervalMinutes = changes.intervalMinutes;
  if (changes.accountId !== undefined && changes.accountId !== row.accountId) {
    if (await findSourceByAccount(db, row.villageId, row.platform, changes.accountId)) throw conflict(`accountId: akun ${changes.accountId} sudah terdaftar untuk desa ini`);
    patch.accountId = changes.accountId;
    patch.cursor = null;
  }
  if (changes.token !== undefined) {
    // A pasted token replaces a connected login: its refresh token would overwrite the new one.
    patch.tokenEnc = sealSecret(changes.token);
    patch.refreshTokenEnc = null;
    patch.tokenExpiresAt = null;
    const { oauth: _login, ...settings } = row.settings;
    if (_login !== undefined) patch.settings = settings;
    if (row.status === "needs_login" || row.status === "error") patch.status = "active";
  }
  if (changes.status !== undefined) patch.status = changes.status;
  await updateSource(db, id, patch);
  // Which fields changed, never their values (a token is a secret).
  await recordAudit(db, auth, { action: "source.change", villageId: row.villageId, target: `source:${id}`, details: { op: "edit", fields: Object.keys(changes).sort() } });
  return presentSourceById(db, id);
}

/** Removes a source; comments already stored stay. */
export async function removeSource(db: Database, auth: Auth, id: number): Promise<void> {
  assertCanManageSources(auth);
  const row = await getSource(db, id);
  if (!row || !(await deleteSource(db, id))) throw notFound("Sumber");
  await recordAudit(db, auth, { action: "source.change", villageId: row.villageId, target: `source:${id}`, details: { op: "remove" } });
}

/** "Jalankan sekarang": one bounded run, refused while one is going. */
export async function runSourceNow(db: Database, auth: Auth, ingest: IngestPort, id: number) {
  assertCanManageSources(auth);
  const row = await getSource(db, id);
  if (!row) throw notFound("Sumber");
  if (!(API_SOURCE_PLATFORMS as readonly string[]).includes(row.platform)) throw badRequest(`platform: sumber ${row.platform} tidak diambil lewat API`);
  if (await ingest.isRunning(id)) throw conflict("Sumber ini sedang diproses; coba lagi sebentar lagi");
  const result = await ingest.run(id);
  return { run: result, source: await presentSourceById(db, id) };
}

/** "Tes koneksi": one cheap authenticated call. */
export async function testSourceConnection(db: Database, auth: Auth, ingest: IngestPort, id: number) {
  assertCanManageSources(auth);
  const row = await getSource(db, id);
  if (!row) throw notFound("Sumber");
  const result = await ingest.test(id);
  return { ...result, source: await presentSourceById(db, id) };
}
