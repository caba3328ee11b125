// What every API connector offers the runner. A connector is stateless between calls: everything
// it needs to resume lives in the cursor, which the runner stores with the batch it covers.
import type { RetryPolicy } from "./http";
import type { SourceCursor } from "@suara-desa/core/ingest/cursors";
import type { SourceSettings } from "@suara-desa/core/db/jsonColumns";
import type { IncomingComment, IncomingPost } from "@suara-desa/core/ingest/types";

export interface ConnectorContext {
  accountId: string;
  handle: string | null;
  token: string;
  /** X_API_URL or META_GRAPH_URL (no trailing slash). */
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  now: () => Date;
  /** Per-source options from Source.settings (e.g. windowDays). */
  settings: SourceSettings;
}

export interface ConnectorPage {
  posts: IncomingPost[];
  comments: IncomingComment[];
  /** State to resume from; always set (a finished cycle keeps its "since" marks). */
  nextCursor: SourceCursor;
  /** True when this page finished a full pass: the run can stop until the next schedule. */
  done: boolean;
  /** Items the API returned (X bills per post read). */
  postsRead: number;
  /** Items the API returned that could not be used (no id, bad time). */
  rejected: number;
}

export interface Connector {
  /** Reads one page (one API call after retries) from `cursor` (null: first run). */
  fetchPage(cursor: SourceCursor | null): Promise<ConnectorPage>;
  /** One cheap authenticated call; returns the account's display name. */
  testConnection(): Promise<{ name: string }>;
}
