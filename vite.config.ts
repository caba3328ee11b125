// Vite builds the dashboard from client/ into dist/client, which the Express server serves
// (with SPA fallback). In development `vite` proxies /api to the server on port 3000.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { browserAliases } from "./workspaces";

export default defineConfig({
  root: "client",
  plugins: [react()],
  // The browser bundle may import only shared/ (contracts, time helpers).
  resolve: { alias: browserAliases },
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    // Budget: initial JS <= 250 KB gzip. Warn if a chunk grows past 300 KB minified (react-dom alone is ~180 KB).
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
