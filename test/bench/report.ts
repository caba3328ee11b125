// `npm run bench:report`: a village with 10,000 comments (the demo village's texts re-posted over 12
// weeks, through the real store path and pipeline) in a temporary database; times the weekly PDF
// (goal ≤ 3 s), the monthly PDF, the week's XLSX and a full CSV export.
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { generateDemoVillage } from "../../prisma/demo/generateDemo";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import { exportCommentsCsv, exportReportXlsx, generatePdfReport } from "@suara-desa/core/services/reports/reportService";
import { addDays, isoWeekRange, localTimeToUtc } from "@suara-desa/shared/time";
import { createTempDatabase } from "../helpers/tempDb";

const TOTAL = 10_000;
// BENCH_WEEKS=1 puts all 10,000 comments in the report week (the worst case for quotes and rising terms).
const WEEKS = Math.max(1, Math.min(12, Number(process.env.BENCH_WEEKS ?? 12)));
const LAST_WEEK = "2026-W47";
const GOAL_MS = 3000;

/** Streams a file into a sink that only counts bytes (the files go nowhere). */
async function streamedSize(file: { writeTo(out: Writable): Promise<unknown> }): Promise<number> {
  let bytes = 0;
  await file.writeTo(new Writable({ write(chunk: Buffer, _enc, cb) { bytes += chunk.length; cb(); } }));
  return bytes;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await f();
    ms.push(Math.round(performance.now() - t));
  }
  return { ms, last };
}

async function main(): Promise<void> {
  const env = await createTempDatabase();
  try {
    const demo = generateDemoVillage();
    const village = await env.db.prisma.village.create({ data: { ...demo.village, code: "32.15.04.9999", name: "Desa Bench" } });
    const firstDay = isoWeekRange(LAST_WEEK).start;
    const start = localTimeToUtc(addDays(firstDay, -(WEEKS - 1) * 7), 0, village.timeZone).getTime();
    const span = WEEKS * 7 * 86_400_000;
    // Deterministic spread: comment i at a fixed fraction of the 12 weeks, texts cycled from the demo.
    const comments: IncomingComment[] = Array.from({ length: TOTAL }, (_, i) => {
      const src = demo.comments[i % demo.comments.length];
      return { ...src, externalId: `bench-${i}`, parentExternalId: undefined, postExternalId: undefined, publishedAt: new Date(start + Math.floor(((i * 7919) % TOTAL) * (span / TOTAL))) };
    });
    const t0 = performance.now();
    const days = new Set<string>();
    for (let i = 0; i < comments.length; i += 2000) {
      const r = await storeBatch(env.db, { villageId: village.id, sourceId: null, posts: [], comments: comments.slice(i, i + 2000) });
      r.days.forEach((d) => days.add(d));
      process.stderr.write(`\rseeding ${Math.min(i + 2000, TOTAL)}/${TOTAL}`);
    }
    await finishImport(env.db, village.id, [...days]);
    process.stderr.write("\n");
    const seedMs = Math.round(performance.now() - t0);
    const weekComments = await env.db.prisma.comment.count({ where: { villageId: village.id, day: { gte: firstDay, lte: isoWeekRange(LAST_WEEK).end } } });

    const weekly = await time(5, () => generatePdfReport(env.db, village.id, { kind: "weekly", period: LAST_WEEK, lang: "id", store: "never" }));
    const monthly = await time(3, () => generatePdfReport(env.db, village.id, { kind: "monthly", period: "2026-11", lang: "id", store: "never" }));
    const xlsx = await time(3, async () => streamedSize(await exportReportXlsx(env.db, village.id, { week: LAST_WEEK, lang: "id", filters: { spam: "exclude", pii: "any", sort: "time" } })));
    const csv = await time(3, async () => streamedSize(await exportCommentsCsv(env.db, village.id, { spam: "include", pii: "any", sort: "time" }, "id")));

    const w = median(weekly.ms);
    console.log(`village: ${TOTAL} comments over ${WEEKS} weeks (${weekComments} in ${LAST_WEEK}), seeded in ${seedMs} ms`);
    console.log(`weekly PDF  ${LAST_WEEK}: median ${w} ms (runs ${weekly.ms.join(", ")}; first run includes font loading), ${(weekly.last.body.length / 1024).toFixed(1)} KB — goal ≤ ${GOAL_MS} ms: ${w <= GOAL_MS ? "OK" : "MISSED"}`);
    console.log(`monthly PDF 2026-11: median ${median(monthly.ms)} ms (runs ${monthly.ms.join(", ")}), ${(monthly.last.body.length / 1024).toFixed(1)} KB`);
    console.log(`XLSX ${LAST_WEEK}: median ${median(xlsx.ms)} ms, ${(xlsx.last / 1024).toFixed(1)} KB`);
    console.log(`CSV all ${TOTAL}: median ${median(csv.ms)} ms, ${(csv.last / 1024).toFixed(1)} KB`);
    console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
    if (w > GOAL_MS) process.exitCode = 1;
  } finally {
    await env.cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
