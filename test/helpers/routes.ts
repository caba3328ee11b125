// Walks the Express 5 router table of an app, so security tests cover every route that exists —
// a new route cannot escape them.
import type { Express } from "express";

interface LayerLike {
  rawPath?: string | string[];
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

export interface RouteInfo { method: string; path: string }

/** Every (method, path) registered under /api, with nested routers' mount paths joined. */
export function listApiRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = prefix + (layer.route.path === "/" ? "" : layer.route.path);
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== "_all") out.push({ method: method.toUpperCase(), path: path || "/" });
      } else if (layer.handle?.stack && typeof layer.rawPath === "string") {
        walk(layer.handle.stack, prefix + (layer.rawPath === "/" ? "" : layer.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, "");
  return out.filter((r) => r.path.startsWith("/api/"));
}

/** Fills route parameters (:villageId, :key…) with the given values. */
export function fillPath(path: string, params: Record<string, string | number>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => String(params[name] ?? "1"));
}
