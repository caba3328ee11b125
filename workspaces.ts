// The named import roots of the code base (`@suara-desa/core/db/client`, …), one list for the
// bundler and the test runner; tsconfig.json's "paths" says the same for tsc and tsx.
// Arrows run one way: client -> shared; server -> core + shared; jobs -> core + shared;
// core -> shared (enforced by the import rule in eslint.config.js).
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const at = (dir: string) => path.join(ROOT, dir, "src");

/** Aliases for everything that runs in Node (tests included). */
export const workspaceAliases = [
  { find: /^@suara-desa\/core\//, replacement: `${at("core")}/` },
  { find: /^@suara-desa\/shared\//, replacement: `${at("shared")}/` },
  { find: /^@suara-desa\/server\//, replacement: `${at("server")}/` },
  { find: /^@suara-desa\/jobs\//, replacement: `${at("jobs")}/` },
];

/** Aliases the browser bundle may use: shared only. */
export const browserAliases = workspaceAliases.filter((a) => String(a.find).includes("shared"));
