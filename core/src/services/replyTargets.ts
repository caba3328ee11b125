// Whether the dashboard can post a reply to a comment on its platform: the one rule the reply route
// applies before posting and the issue panel shows before an official starts typing, so the screen
// never offers a reply the server then refuses.
import type { Database } from "../db/client";
import { getSource, type SourceRow } from "../db/sourceRepository";

/** Where a reply goes: the source's account and the resident's item on the platform. */
export interface ReplyTarget {
  sourceId: number;
  platform: "x" | "facebook" | "instagram";
  /** The resident's tweet / comment id on the platform. */
  externalId: string;
}

/** What the rule needs of a comment. */
export interface ReplyableComment {
  platform: string;
  externalId: string;
  villageId: number;
  sourceId: number | null;
  fromVillage: boolean;
}

/**
 * The platform target of a comment, or why there is none (in Indonesian, for the 404): the comment
 * came from X, Facebook or Instagram through a source of its own village whose account is connected.
 */
export function replyTargetOf(c: ReplyableComment, source: Pick<SourceRow, "id" | "villageId" | "tokenEnc"> | null): ReplyTarget | { why: string } {
  if (c.platform !== "x" && c.platform !== "facebook" && c.platform !== "instagram") return { why: "komentar dari berkas impor tidak bisa dibalas dari dasbor" };
  if (!source || source.villageId !== c.villageId || !source.tokenEnc) return { why: "akun desa untuk komentar ini belum terhubung" };
  return { sourceId: source.id, platform: c.platform, externalId: c.externalId };
}

/** For each comment (by id): can the dashboard reply to it on its platform? The village's own comments never. */
export async function replyableComments(db: Database, comments: Array<ReplyableComment & { id: number }>): Promise<Map<number, boolean>> {
  const sources = new Map<number, SourceRow | null>();
  const out = new Map<number, boolean>();
  for (const c of comments) {
    if (c.sourceId !== null && !sources.has(c.sourceId)) sources.set(c.sourceId, await getSource(db, c.sourceId));
    const target = replyTargetOf(c, c.sourceId !== null ? (sources.get(c.sourceId) ?? null) : null);
    out.set(c.id, !c.fromVillage && !("why" in target));
  }
  return out;
}
