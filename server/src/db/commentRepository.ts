// Comment reads for the explorer. Effective labels: a human correction wins over the model.
import type { CommentListQuery } from "../../../shared/src/contracts";
import type { Prisma } from "./generated/client";
import type { Database } from "./client";

const include = {
  topics: { include: { topic: { select: { key: true, nameId: true } } } },
} satisfies Prisma.CommentInclude;

export type CommentWithTopics = Prisma.CommentGetPayload<{ include: typeof include }>;

/** The where-clause of the explorer's filters (also used by exports, so both agree). */
export function commentFilter(villageId: number, q: Omit<CommentListQuery, "cursor" | "limit" | "sort">): Prisma.CommentWhereInput {
  const and: Prisma.CommentWhereInput[] = [{ villageId }];
  if (q.spam === "exclude") and.push({ isSpam: false });
  else if (q.spam === "only") and.push({ isSpam: true });
  if (q.platform) and.push({ platform: q.platform });
  if (q.language) and.push({ language: q.language });
  if (q.from) and.push({ day: { gte: q.from } });
  if (q.to) and.push({ day: { lte: q.to } });
  if (q.sentiment) {
    and.push({ OR: [{ humanSentiment: q.sentiment }, { humanSentiment: null, sentimentLabel: q.sentiment }] });
  }
  if (q.topic) {
    and.push({
      OR: [
        { topics: { some: { origin: "human", topic: { key: q.topic } } } },
        { AND: [{ topics: { some: { origin: "model", topic: { key: q.topic } } } }, { topics: { none: { origin: "human" } } }] },
      ],
    });
  }
  if (q.q) and.push({ OR: [{ text: { contains: q.q } }, { normalizedText: { contains: q.q.toLowerCase() } }] });
  return { AND: and };
}

/** One page of comments in the requested order, plus whether there are more. */
export async function findComments(
  db: Database,
  where: Prisma.CommentWhereInput,
  sort: "time" | "likes",
  limit: number,
  after: { value: string | number; id: number } | null,
): Promise<{ rows: CommentWithTopics[]; hasMore: boolean }> {
  const orderBy: Prisma.CommentOrderByWithRelationInput[] =
    sort === "likes" ? [{ likeCount: "desc" }, { id: "desc" }] : [{ publishedAt: "desc" }, { id: "desc" }];
  let cursorWhere: Prisma.CommentWhereInput = {};
  if (after) {
    cursorWhere =
      sort === "likes"
        ? { OR: [{ likeCount: { lt: Number(after.value) } }, { likeCount: Number(after.value), id: { lt: after.id } }] }
        : { OR: [{ publishedAt: { lt: new Date(after.value) } }, { publishedAt: new Date(after.value), id: { lt: after.id } }] };
  }
  const rows = await db.prisma.comment.findMany({ where: { AND: [where, cursorWhere] }, orderBy, take: limit + 1, include });
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
