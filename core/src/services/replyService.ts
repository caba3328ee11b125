// Replying from the dashboard on the platform where the resident wrote (X reply, Facebook comment
// reply, Instagram comment reply), exactly once. The reply is recorded (state "menunggu") before the
// platform is called. A clear answer settles it (terkirim, or gagal with the reason); an ambiguous
// failure — a time-out or dropped connection after the platform may have accepted it — leaves it
// "menunggu", and every later attempt first reads the thread for the village's reply with the same
// text before posting again. The same text to the same comment is one reply (double clicks, two
// tabs). Once sent, the reply is stored in the thread as the village's own comment, which answers
// the comment's case. Platform calls are a port handed in by the composition root (jobs/src/replies).
import { createHash } from "node:crypto";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { Database } from "../db/client";
import { findCommentRef } from "../db/commentRepository";
import { findReplyByKey, findRepliesOf, findReplyTemplates, insertReply, findReply, replaceReplyTemplates, updateReply, type ReplyRow } from "../db/replyRepository";
import { getSource } from "../db/sourceRepository";
import { badRequest, notFound } from "../errors";
import { finishImport, storeBatch } from "../ingest/store";
import { findPiiInOfficialText } from "../nlp/pii";
import { assertCanCorrectLabels, assertCanReadVillage } from "../policies/access";
import { recordAudit } from "./auditService";
import { recordVillageReply } from "./caseService";
import { replyTargetOf, type ReplyTarget } from "./replyTargets";

export type { ReplyTarget } from "./replyTargets";

export type PostOutcome =
  | { ok: true; replyId: string }
  /** ambiguous: the platform may have applied it (time-out, connection lost, 5xx after sending). */
  | { ok: false; ambiguous: boolean; error: string };

/** What replying needs from the platforms (implemented in jobs/src/replies/platformWriter.ts). */
export interface ReplyPort {
  post(target: ReplyTarget, text: string): Promise<PostOutcome>;
  /** The id of the village account's reply with exactly this text in the item's thread, if any. */
  findPosted(target: ReplyTarget, text: string): Promise<string | null>;
  /** Hides (or shows again) a comment on Facebook or Instagram. */
  setHidden(target: ReplyTarget, hidden: boolean): Promise<{ ok: true } | { ok: false; error: string }>;
}

export const REPLY_LIMITS = { x: 280, facebook: 8000, instagram: 2200 } as const;

export interface ReplyDTO { id: number; commentId: number; text: string; state: string; lastError: string | null; createdBy: string; createdAt: string; sentAt: string | null }

const present = (r: ReplyRow): ReplyDTO => ({
  id: r.id, commentId: r.commentId, text: r.text, state: r.state, lastError: r.lastError, createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null,
});

async function loadComment(db: Database, auth: AuthContext | undefined, commentId: number) {
  const c = await findCommentRef(db, commentId);
  if (!c || !auth || !(auth.role === "admin" || auth.villageIds.includes(c.villageId))) throw notFound("Komentar");
  return c;
}

/** The platform target of a comment, or a 404 naming why the dashboard cannot reply there (the issue panel's rule too). */
async function targetOf(db: Database, c: Awaited<ReturnType<typeof loadComment>>): Promise<ReplyTarget> {
  const target = replyTargetOf(c, c.sourceId ? await getSource(db, c.sourceId) : null);
  if ("why" in target) throw notFound(`Sumber balasan (${target.why})`);
  return target;
}

/**
 * Posts `text` as the village's reply to a resident's comment (perangkat and up of its village).
 * Returns the reply with its state; an identical second request returns the first reply.
 */
export async function sendReply(db: Database, port: ReplyPort, auth: AuthContext | undefined, commentId: number, text: string, now = new Date()): Promise<{ reply: ReplyDTO; created: boolean }> {
  const c = await loadComment(db, auth, commentId);
  assertCanCorrectLabels(auth, c.villageId);
  if (c.fromVillage) throw badRequest("commentId: ini balasan akun desa sendiri");
  const body = text.trim();
  if (!body) throw badRequest("text: tulis jawabannya");
  const target = await targetOf(db, c);
  if (body.length > REPLY_LIMITS[target.platform]) throw badRequest(`text: terlalu panjang untuk ${target.platform} (paling banyak ${REPLY_LIMITS[target.platform]} karakter)`);
  // Personal data is never echoed back in public.
  if (findPiiInOfficialText(body).length > 0) throw badRequest("text: jangan menulis nomor HP, NIK atau e-mail warga di balasan publik (nomor telepon kantor boleh)");
  const key = createHash("sha256").update(`${c.id}\u0000${body}`).digest("hex");
  const existing = await findReplyByKey(db, key);
  // The same text again: "coba lagi" for one that failed or is still waiting, the sent one otherwise.
  if (existing) return { reply: present(existing.state !== "terkirim" ? await attempt(db, port, existing, target, auth.username, now) : existing), created: false };
  const row = await insertReply(db, { villageId: c.villageId, commentId: c.id, text: body, platform: target.platform, createdBy: auth.username, idempotencyKey: key });
  if (!row) {
    // Another request with the same text won the insert: report that one.
    const other = await findReplyByKey(db, key);
    return { reply: present(other!), created: false };
  }
  await recordAudit(db, auth, { action: "case.change", villageId: c.villageId, target: `comment:${c.id}`, details: { reply: row.id } });
  return { reply: present(await attempt(db, port, row, target, auth.username, now)), created: true };
}

/** "Coba lagi": another attempt at a reply that is still waiting or failed. */
export async function retryReply(db: Database, port: ReplyPort, auth: AuthContext | undefined, replyId: number, now = new Date()): Promise<ReplyDTO> {
  const r = await findReply(db, replyId);
  if (!r || !auth || !(auth.role === "admin" || auth.villageIds.includes(r.villageId))) throw notFound("Balasan");
  assertCanCorrectLabels(auth, r.villageId);
  if (r.state === "terkirim") return present(r);
  const c = await loadComment(db, auth, r.commentId);
  return present(await attempt(db, port, { ...r, state: "menunggu" }, await targetOf(db, c), auth.username, now));
}

export async function listReplies(db: Database, auth: AuthContext | undefined, commentId: number): Promise<ReplyDTO[]> {
  const c = await loadComment(db, auth, commentId);
  return (await findRepliesOf(db, c.villageId, c.id)).map(present);
}

/**
 * One attempt. A reply that was already tried (attempts > 0) may have reached the platform: the
 * thread is read first, and only when the village's reply is not there is it posted again.
 */
async function attempt(db: Database, port: ReplyPort, r: ReplyRow, target: ReplyTarget, actor: string, now: Date): Promise<ReplyRow> {
  if (r.attempts > 0) {
    let found: string | null = null;
    try {
      found = await port.findPosted(target, r.text);
    } catch (e) {
      // Cannot tell whether it went out: do not risk a second post.
      return updateReply(db, r.id, { lastError: `Belum pasti terkirim; utas tidak bisa dibaca (${(e as Error).message}). Coba lagi nanti.` });
    }
    if (found) return delivered(db, r, target, found, actor, now);
  }
  await updateReply(db, r.id, { attempts: r.attempts + 1 });
  const out = await port.post(target, r.text);
  if (out.ok) return delivered(db, { ...r, attempts: r.attempts + 1 }, target, out.replyId, actor, now);
  if (out.ambiguous) return updateReply(db, r.id, { state: "menunggu", lastError: `Belum pasti terkirim: ${out.error}. Dicek ulang sebelum dikirim lagi.` });
  return updateReply(db, r.id, { state: "gagal", lastError: out.error });
}

/** The platform has the reply: record it, store it in the thread as the village's comment, answer the case. */
async function delivered(db: Database, r: ReplyRow, target: ReplyTarget, platformReplyId: string, actor: string, now: Date): Promise<ReplyRow> {
  const row = await updateReply(db, r.id, { state: "terkirim", platformReplyId, sentAt: now, lastError: null });
  const source = await getSource(db, target.sourceId);
  const comment = await findCommentRef(db, r.commentId);
  if (source) {
    const stored = await storeBatch(db, {
      villageId: r.villageId, sourceId: source.id, posts: [],
      comments: [{
        platform: target.platform, externalId: platformReplyId, authorId: source.accountId, authorName: source.name ?? source.handle ?? null,
        text: r.text, publishedAt: now, likeCount: 0, parentExternalId: target.externalId, postExternalId: comment?.postExternalId ?? undefined,
      }],
    });
    await recordVillageReply(db, r.villageId, r.commentId, now, actor);
    await finishImport(db, r.villageId, stored.days);
  }
  return row;
}

/** Hides a gambling-spam comment on Facebook or Instagram (or shows it again); audited. */
export async function setCommentHidden(db: Database, port: ReplyPort, auth: AuthContext | undefined, commentId: number, hidden: boolean): Promise<{ hidden: boolean }> {
  const c = await loadComment(db, auth, commentId);
  assertCanCorrectLabels(auth, c.villageId);
  const target = await targetOf(db, c);
  if (target.platform === "x") throw badRequest("commentId: X tidak mengizinkan akun menyembunyikan balasan orang lain lewat API ini");
  const out = await port.setHidden(target, hidden);
  if (!out.ok) throw badRequest(`platform: ${out.error}`);
  await recordAudit(db, auth, { action: "label.change", villageId: c.villageId, target: `comment:${c.id}`, details: { hiddenOnPlatform: hidden } });
  return { hidden };
}

/** Built-in templates until a village writes its own (placeholders: {nama_desa}, {topik}, {petugas}). */
export const DEFAULT_REPLY_TEMPLATES: ReadonlyArray<{ name: string; text: string }> = [
  { name: "Terima kasih, kami cek", text: "Terima kasih atas laporannya. Petugas Desa {nama_desa} akan mengecek soal {topik} dan mengabari di sini. Salam, {petugas}." },
  { name: "Sudah ditindaklanjuti", text: "Laporan soal {topik} sudah kami tindak lanjuti. Terima kasih sudah menyampaikan. Salam, {petugas} (Pemerintah Desa {nama_desa})." },
  { name: "Diteruskan ke kecamatan/dinas", text: "Laporan ini sudah kami teruskan ke pihak yang berwenang. Kami kabari perkembangannya. Salam, {petugas} (Pemerintah Desa {nama_desa})." },
  { name: "Jawaban pertanyaan", text: "Terima kasih pertanyaannya. Informasi lengkap bisa ditanyakan di kantor Desa {nama_desa} pada jam kerja. Salam, {petugas}." },
];

export const REPLY_TEMPLATE_PLACEHOLDERS = ["{nama_desa}", "{topik}", "{petugas}"] as const;

/** A village's reply templates (the defaults until it saves its own). */
export async function listReplyTemplates(db: Database, auth: AuthContext | undefined, villageId: number): Promise<Array<{ name: string; text: string }>> {
  assertCanReadVillage(auth, villageId);
  const own = await findReplyTemplates(db, villageId);
  return own.length ? own : [...DEFAULT_REPLY_TEMPLATES];
}

/** Saves a village's templates (perangkat and up); unknown placeholders and personal data are refused, naming the template. */
export async function saveReplyTemplates(db: Database, auth: AuthContext | undefined, villageId: number, templates: Array<{ name: string; text: string }>): Promise<Array<{ name: string; text: string }>> {
  assertCanCorrectLabels(auth, villageId);
  templates.forEach((t, i) => {
    const unknown = (t.text.match(/\{[^}]*\}/g) ?? []).filter((p) => !(REPLY_TEMPLATE_PLACEHOLDERS as readonly string[]).includes(p));
    if (unknown.length) throw badRequest(`templates.${i}.text: unknown placeholder ${unknown.join(", ")} (use ${REPLY_TEMPLATE_PLACEHOLDERS.join(", ")})`);
    if (findPiiInOfficialText(t.text).length) throw badRequest(`templates.${i}.text: jangan menulis nomor HP, NIK atau e-mail di templat balasan publik (nomor telepon kantor boleh)`);
  });
  await replaceReplyTemplates(db, villageId, templates);
  await recordAudit(db, auth, { action: "settings.change", villageId, target: "reply-templates", details: { count: templates.length } });
  return listReplyTemplates(db, auth, villageId);
}
