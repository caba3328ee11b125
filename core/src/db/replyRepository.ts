// Replies written in Suara Desa for the platform. One row per (comment, text): the unique
// idempotency key turns a double click into one reply.
import { Prisma } from "./generated/client";
import type { Database } from "./client";

export type ReplyRow = Prisma.ReplyGetPayload<object>;

/** Inserts a reply; null when one with the same idempotency key exists (another request won). */
export async function insertReply(
  db: Database,
  data: { villageId: number; commentId: number; text: string; platform: string; createdBy: string; idempotencyKey: string },
): Promise<ReplyRow | null> {
  try {
    return await db.prisma.reply.create({ data });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return null;
    throw e;
  }
}

export async function findReplyByKey(db: Database, idempotencyKey: string): Promise<ReplyRow | null> {
  return db.prisma.reply.findUnique({ where: { idempotencyKey } });
}

export async function findReply(db: Database, id: number): Promise<ReplyRow | null> {
  return db.prisma.reply.findUnique({ where: { id } });
}

export async function findRepliesOf(db: Database, villageId: number, commentId: number): Promise<ReplyRow[]> {
  return db.prisma.reply.findMany({ where: { villageId, commentId }, orderBy: { id: "asc" } });
}

export async function updateReply(db: Database, id: number, data: Prisma.ReplyUpdateInput): Promise<ReplyRow> {
  return db.prisma.reply.update({ where: { id }, data });
}

export async function findReplyTemplates(db: Database, villageId: number) {
  return db.prisma.replyTemplate.findMany({ where: { villageId }, orderBy: { position: "asc" }, select: { name: true, text: true } });
}

/** Replaces a village's templates in one transaction. */
export async function replaceReplyTemplates(db: Database, villageId: number, templates: Array<{ name: string; text: string }>): Promise<void> {
  await db.prisma.$transaction([
    db.prisma.replyTemplate.deleteMany({ where: { villageId } }),
    db.prisma.replyTemplate.createMany({ data: templates.map((t, position) => ({ villageId, position, name: t.name, text: t.text })) }),
  ]);
}
