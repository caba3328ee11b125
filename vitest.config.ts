import { defineConfig } from "vitest/config";
import { workspaceAliases } from "./workspaces";

// Three suites: unit (pure code, next to it), api (supertest on createApp() against a temporary
// SQLite file) and e2e (real Chromium against a real server). `npm test` runs unit + api.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{core,server,jobs,shared,client,prisma}/**/*.test.{ts,tsx}", "test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["test/api/**/*.test.ts", "test/ingest/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
