// Measures the JavaScript a first visit must download: the entry script plus its modulepreloads
// as listed in the built index.html (lazy chunks such as chart.js and the explorer are excluded).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface BundleReport {
  initial: Array<{ file: string; bytes: number; gzip: number }>;
  lazy: Array<{ file: string; bytes: number; gzip: number }>;
  initialGzip: number;
}

/** gzip size of files in dist (paths like "assets/index-abc.js"). */
export function gzipSizes(distDir: string, files: string[]): Array<{ file: string; bytes: number; gzip: number }> {
  return files.map((file) => {
    const buf = fs.readFileSync(path.join(distDir, file));
    return { file, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
}

/** Reads dist/client and reports initial vs lazily loaded JS sizes (gzip level 9, like a CDN). */
export function measureBundle(distDir: string): BundleReport {
  const html = fs.readFileSync(path.join(distDir, "index.html"), "utf8");
  const initialFiles = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="\/?([^"]+\.js)"/g)) initialFiles.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g)) initialFiles.add(m[1]);
  const assets = fs.readdirSync(path.join(distDir, "assets")).filter((f) => f.endsWith(".js")).map((f) => `assets/${f}`);
  const initial = gzipSizes(distDir, [...initialFiles]);
  const lazy = gzipSizes(distDir, assets.filter((f) => !initialFiles.has(f)));
  return { initial, lazy, initialGzip: initial.reduce((s, f) => s + f.gzip, 0) };
}
