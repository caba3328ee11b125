// A tiny history-API router: the dashboard has three screens, not enough to justify a routing
// library. Links are real <a href> elements (open in new tab works); clicks are intercepted.
import { useSyncExternalStore, type MouseEvent } from "react";

/** Subscribes to the browser location (pathname + search) for the tiny router. */
export function useLocationSnapshot(): string {
  return useSyncExternalStore(subscribeLocation, locationSnapshot, () => "/");
}

function locationSnapshot(): string {
  return window.location.pathname + window.location.search;
}

function subscribeLocation(cb: () => void): () => void {
  window.addEventListener("popstate", cb);
  window.addEventListener(NAVIGATE_EVENT, cb);
  return () => {
    window.removeEventListener("popstate", cb);
    window.removeEventListener(NAVIGATE_EVENT, cb);
  };
}

const NAVIGATE_EVENT = "suara-desa:navigate";

/** Client-side navigation (pushState by default; replace for filter edits that should not stack). */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === locationSnapshot()) return;
  if (opts.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** onClick for <a href>: navigates in-app unless the user asked for a new tab/window. */
export function linkClick(e: MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const href = e.currentTarget.getAttribute("href");
  if (!href || !href.startsWith("/")) return;
  e.preventDefault();
  navigate(href);
  window.scrollTo(0, 0);
}
