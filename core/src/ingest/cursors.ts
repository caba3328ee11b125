// Where an API connector resumes (Source.cursor): one schema per platform, so the stored text is
// parsed in one place (db/jsonColumns.ts) and a connector gets its own typed state back. Fields
// missing from a stored cursor take their fresh value (a cursor from before a field existed resumes);
// `platform` is implied by the source for cursors stored before it was written out.
import { z } from "zod";

const mark = z.string().nullable().default(null);

export const xCursorSchema = z.object({
  platform: z.literal("x").default("x"),
  v: z.literal(1),
  phase: z.enum(["mentions", "timeline", "replies"]).default("mentions"),
  /** Start of the pass in progress (ISO), null between passes. */
  cycleStart: mark,
  mentions: z.object({ sinceId: mark, token: mark, pendingNewest: mark }).default(() => ({ sinceId: null, token: null, pendingNewest: null })),
  timelineToken: mark,
  /** The village's posts in the window, gathered by the timeline phase of this pass. */
  conversations: z.array(z.string()).default(() => []),
  batch: z.number().int().min(0).default(0),
  searchToken: mark,
  /** Start of the last finished pass and the conversations it searched. */
  lastCycleStart: mark,
  known: z.array(z.string()).default(() => []),
  /** Fixed when a pass starts, so a pass resumed from an older cursor keeps its query batches. */
  excludeMentions: z.boolean().default(false),
});

export const facebookCursorSchema = z.object({
  platform: z.literal("facebook").default("facebook"),
  v: z.literal(1),
  phase: z.enum(["posts", "comments"]).default("posts"),
  /** Start of the pass in progress (ISO), null between passes. */
  cycleStart: mark,
  /** Start of the last finished pass: older comments were already read. */
  lastCycleStart: mark,
  /** paging.next of the posts list (token stripped). */
  postsNext: mark,
  /** Posts whose comments are still to be read in this pass. */
  queue: z.array(z.string()).default(() => []),
  /** paging.next of the current post's comments (token stripped). */
  commentsNext: mark,
});

export const instagramCursorSchema = z.object({
  platform: z.literal("instagram").default("instagram"),
  v: z.literal(1),
  phase: z.enum(["media", "comments", "replies"]).default("media"),
  cycleStart: mark,
  mediaNext: mark,
  /** Media still to read in this pass, with the comments_count seen when listed. */
  queue: z.array(z.object({ id: z.string(), count: z.number() })).default(() => []),
  commentsNext: mark,
  /** Comments of the current media whose replies continue past the nested page. */
  replyQueue: z.array(z.string()).default(() => []),
  repliesNext: mark,
  /** comments_count per media after its last complete read. */
  counts: z.record(z.string(), z.number()).default(() => ({})),
  /** Media listed in this pass (to forget counts of media that left the window). */
  seen: z.array(z.string()).default(() => []),
});

export type XCursor = z.output<typeof xCursorSchema>;
export type FacebookCursor = z.output<typeof facebookCursorSchema>;
export type InstagramCursor = z.output<typeof instagramCursorSchema>;
/** The resume state of any API source. */
export type SourceCursor = XCursor | FacebookCursor | InstagramCursor;
export type CursorPlatform = SourceCursor["platform"];

/** The cursor schema of each API platform. */
export const sourceCursorSchemas: { [P in CursorPlatform]: z.ZodType<Extract<SourceCursor, { platform: P }>, unknown> } = {
  x: xCursorSchema,
  facebook: facebookCursorSchema,
  instagram: instagramCursorSchema,
};

/**
 * The state a connector of `platform` resumes from: a copy of `cursor` when it is one of that
 * platform's (connectors advance it in place), else a fresh pass.
 */
export function resumeCursor<P extends CursorPlatform>(cursor: SourceCursor | null, platform: P): Extract<SourceCursor, { platform: P }> {
  if (cursor?.platform === platform) return structuredClone(cursor) as Extract<SourceCursor, { platform: P }>;
  return sourceCursorSchemas[platform].parse({ v: 1 });
}
