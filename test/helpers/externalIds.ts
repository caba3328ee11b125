// The API identifies a comment by `id` only (an external id can be a hash of its author): tests that
// name their comments by external id look them up here.
import type { Database } from "@suara-desa/core/db/client";

/** The stored external ids of comments returned by the API, in their order. */
export async function externalIdsOf(db: Database, comments: Array<{ id: number }>): Promise<string[]> {
  const rows = await db.prisma.comment.findMany({ where: { id: { in: comments.map((c) => c.id) } }, select: { id: true, externalId: true } });
  const byId = new Map(rows.map((r) => [r.id, r.externalId]));
  return comments.map((c) => byId.get(c.id) ?? `(no comment ${c.id})`);
}
