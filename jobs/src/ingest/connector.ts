// What every API connector offers the runner. A connector is stateless between calls: everything
// it needs to resume lives in the cursor string, which the runner stores with the batch it covers.
import type { RetryPolicy } from "./http";
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
  settings: Record<string, unknown>;
}

export interface ConnectorPage {
  posts: IncomingPost[];
  comments: IncomingComment[];
  /** State to resume from; always set (a finished cycle keeps its "since" marks). */
  nextCursor: string;
  /** True when this page finished a full pass: the run can stop until the next schedule. */
  done: boolean;
  /** Items the API returned (X bills per post read). */
  postsRead: number;
  /** Items the API returned that could not be used (no id, bad time). */
  rejected: number;
}

export interface Connector {
  /** Reads one page (one API call after retries) from `cursor` (null: first run). */
  fetchPage(cursor: string | null): Promise<ConnectorPage>;
  /** One cheap authenticated call; returns the account's display name. */
  testConnection(): Promise<{ name: string }>;
}

/** Parses a stored cursor, falling back to a fresh state when it is missing or from another version. */
export function readCursor<T extends { v: number }>(raw: string | null, fresh: () => T): T {
  if (!raw) return fresh();
  try {
    const parsed = JSON.parse(raw) as T;
    return parsed && parsed.v === fresh().v ? { ...fresh(), ...parsed } : fresh();
  } catch {
    return fresh();
  }
}

/** Days of history a pass covers (setting `windowDays`), clamped to something sane. */
export function windowDays(settings: Record<string, unknown>, fallback: number): number {
  const v = Number(settings.windowDays);
  return Number.isFinite(v) && v >= 1 && v <= 90 ? v : fallback;
}
