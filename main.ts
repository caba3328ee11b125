// `npm start`: the one place that joins the two halves — the HTTP app (server/) and the background
// jobs (jobs/) — which never import each other. On PostgreSQL, workers are started separately
// with `npm run worker`.
import { openBackgroundJobs } from "@suara-desa/jobs/runtime";
import { serve } from "@suara-desa/server/index";

serve(openBackgroundJobs).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
