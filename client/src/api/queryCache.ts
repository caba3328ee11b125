// A deliberately tiny query cache: one entry per request URL, shared by every component that asks
// for it, refreshed in the background when older than STALE_MS. Enough for a read-mostly dashboard
// without pulling in a data-fetching library.

export type QueryStatus = "loading" | "success" | "error";

export interface QueryState<T> {
  status: QueryStatus;
  data: T | undefined;
  error: Error | undefined;
  /** True while a request is in flight (also during a background refresh of shown data). */
  fetching: boolean;
  updatedAt: number;
}

type Listener = () => void;

const IDLE: QueryState<never> = Object.freeze({ status: "loading", data: undefined, error: undefined, fetching: false, updatedAt: 0 });

/** Keyed store of query states with subscriptions; states are replaced, never mutated. */
export class QueryCache {
  private states = new Map<string, QueryState<unknown>>();
  private listeners = new Map<string, Set<Listener>>();
  private inflight = new Map<string, Promise<void>>();
  /** Last fetcher per key, so a write elsewhere can refresh what is on screen. */
  private fetchers = new Map<string, () => Promise<unknown>>();

  constructor(
    private readonly staleMs = 60_000,
    private readonly maxEntries = 100,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string): QueryState<T> {
    return (this.states.get(key) as QueryState<T> | undefined) ?? IDLE;
  }

  set<T>(key: string, state: QueryState<T>): void {
    this.states.delete(key); // re-insert so Map order is least-recently-written first
    this.states.set(key, state as QueryState<unknown>);
    if (this.states.size > this.maxEntries) {
      // Evict least-recently-written entries nobody is watching; what is on screen stays.
      for (const k of this.states.keys()) {
        if (this.states.size <= this.maxEntries) break;
        if (k !== key && !this.listeners.get(k)?.size && !this.inflight.has(k)) this.states.delete(k);
      }
    }
    this.listeners.get(key)?.forEach((l) => l());
  }

  subscribe(key: string, listener: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Forgets everything (logout, or a different user logging in sees different villages). */
  clear(): void {
    const keys = [...this.states.keys()];
    this.states.clear();
    this.fetchers.clear();
    for (const k of keys) this.listeners.get(k)?.forEach((l) => l());
  }

  /**
   * After a write that can change any statistic: entries on screen are refetched (still showing
   * their data meanwhile), the rest are dropped. `keep` exempts keys the caller updates itself.
   */
  invalidateAll(keep: (key: string) => boolean = () => false): void {
    // Snapshot first: set() re-inserts keys, which would make a live Map iteration never end.
    for (const [key] of [...this.states]) {
      if (keep(key)) continue;
      const fetcher = this.fetchers.get(key);
      if (this.listeners.get(key)?.size && fetcher) void this.ensure(key, fetcher, true);
      else this.states.delete(key);
    }
  }

  /** Replaces the data of every successful entry whose key matches (e.g. one edited comment). */
  updateData<T>(match: (key: string) => boolean, update: (data: T) => T): void {
    for (const [key, state] of [...this.states]) {
      if (match(key) && state.status === "success" && state.data !== undefined) this.set<T>(key, { ...(state as QueryState<T>), data: update(state.data as T) });
    }
  }

  /**
   * Refreshes what is on screen and older than STALE_MS — called when the person comes back to the
   * tab, so a page left open over the weekend shows the new week and today's counts, not Friday's.
   */
  refreshWatched(): void {
    for (const [key, fetcher] of [...this.fetchers]) {
      if (this.listeners.get(key)?.size) void this.ensure(key, fetcher);
    }
  }

  /** Starts the request unless fresh data or a request for the same key already exists. */
  ensure<T>(key: string, fetcher: () => Promise<T>, force = false): Promise<void> {
    this.fetchers.set(key, fetcher);
    const running = this.inflight.get(key);
    if (running) return running;
    const current = this.get<T>(key);
    const fresh = current.status === "success" && this.now() - current.updatedAt < this.staleMs;
    if (fresh && !force) return Promise.resolve();
    this.set<T>(key, { ...current, status: current.status === "success" ? "success" : "loading", fetching: true });
    const p = fetcher().then(
      (data) => this.set<T>(key, { status: "success", data, error: undefined, fetching: false, updatedAt: this.now() }),
      (error: unknown) => {
        const err = error instanceof Error ? error : new Error(String(error));
        // Keep showing older data if we had it; a failed refresh is not worth an error screen.
        if (current.status === "success") this.set<T>(key, { ...current, fetching: false });
        else this.set<T>(key, { status: "error", data: undefined, error: err, fetching: false, updatedAt: this.now() });
      },
    );
    const tracked = p.finally(() => this.inflight.delete(key));
    this.inflight.set(key, tracked);
    return tracked;
  }
}

export const queryCache = new QueryCache();

/** Refresh stale on-screen data whenever the tab becomes visible or the window gets focus again. */
export function refreshWhenBack(cache: QueryCache, win: Window): void {
  const refresh = () => {
    if (win.document.visibilityState === "visible") cache.refreshWatched();
  };
  win.addEventListener("focus", refresh);
  win.document.addEventListener("visibilitychange", refresh);
}
