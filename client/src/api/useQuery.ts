// React binding for QueryCache: components re-render when their key's state changes.
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { queryCache, type QueryState } from "./queryCache";

export interface QueryResult<T> extends QueryState<T> {
  refetch(): void;
}

/** Reads (and fetches when needed) the entry for `key`; a null key waits (dependent query). */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryResult<T> {
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const subscribe = useCallback((cb: () => void) => (key === null ? () => {} : queryCache.subscribe(key, cb)), [key]);
  const getSnapshot = useCallback(() => queryCache.get<T>(key ?? ""), [key]);
  const state = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  useEffect(() => {
    if (key !== null) void queryCache.ensure(key, () => fetcherRef.current());
  }, [key]);
  const refetch = useCallback(() => {
    if (key !== null) void queryCache.ensure(key, () => fetcherRef.current(), true);
  }, [key]);
  return { ...state, refetch };
}
