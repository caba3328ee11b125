// What every source (API connector or file) produces: platform-neutral posts and comments.
// normalize.ts files are pure payload -> these; the ingest runner stores them idempotently
// on (village, platform, externalId) and runs the NLP pipeline on what is new or changed.
import type { Platform } from "@suara-desa/shared/contracts";

export interface IncomingPost {
  platform: Platform;
  externalId: string;
  text: string;
  url?: string | null;
  publishedAt: Date;
}

export interface IncomingComment {
  platform: Platform;
  externalId: string;
  postExternalId?: string | null;
  parentExternalId?: string | null;
  /** Platform author id or handle; only its keyed hash is stored as the pseudonym. */
  authorId?: string | null;
  authorName?: string | null;
  text: string;
  publishedAt: Date;
  likeCount?: number;
  url?: string | null;
}

/** One page of a connector: items plus the cursor to resume from (null when exhausted). */
export interface Page<C> {
  posts: IncomingPost[];
  comments: IncomingComment[];
  nextCursor: C | null;
}
