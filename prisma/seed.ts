// Deterministic demo villages (Desa Mulyasari and its small neighbour Mulyasejati, Kabupaten Karawang). Writes raw posts and comments
// through the same store path as real ingestion, so the real NLP pipeline tags them and the
// rollups are computed exactly as in production. `npm start` runs it on an empty database;
// `npm run db:seed` runs it by hand (idempotent: a second run adds nothing).
import { pathToFileURL } from "node:url";
import type { Database } from "@suara-desa/core/db/client";
import { ensureDemoSource } from "@suara-desa/core/db/sourceRepository";
import { countVillages, ensureVillage } from "@suara-desa/core/db/villageRepository";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { generateDemoVillage, generateDemoVillageWithTruth, type DemoVillage } from "./demo/generateDemo";
import { deriveNeighbourVillage } from "./demo/neighbourDemo";
import { seedDemoAlerts, seedDemoFollowUp } from "./demo/followUp";

export interface SeedSummary { villageId: number; comments: number; new: number; ms: number }

/** Loads the demo village; safe to call twice. */
export async function seedDemoVillage(db: Database): Promise<SeedSummary> {
  const started = performance.now();
  const demo = generateDemoVillage();
  const { villageId, created } = await storeDemo(db, demo);
  await seedDemoAlerts(db, villageId, new Date(Math.min(...demo.comments.map((c) => c.publishedAt.getTime()))));
  return { villageId, comments: demo.comments.length, new: created, ms: Math.round(performance.now() - started) };
}

/** Loads the small neighbour village (same kecamatan), so a multi-village account has a comparison; safe to call twice. */
export async function seedNeighbourVillage(db: Database): Promise<SeedSummary> {
  const started = performance.now();
  const demo = deriveNeighbourVillage(generateDemoVillageWithTruth());
  const { villageId, created } = await storeDemo(db, demo);
  return { villageId, comments: demo.comments.length, new: created, ms: Math.round(performance.now() - started) };
}

/** Stores a demo village through the real ingest path and plays its officials' follow-up. */
async function storeDemo(db: Database, demo: DemoVillage): Promise<{ villageId: number; created: number }> {
  const village = await ensureVillage(db, demo.village);
  let created = 0;
  const days = new Set<string>();
  for (const s of demo.sources) {
    // Demo sources have no token: the scheduler skips them and the dashboard says so.
    const source = await ensureDemoSource(db, { villageId: village.id, platform: s.platform, accountId: s.accountId, handle: s.handle, name: s.name });
    const posts = demo.posts.filter((p) => p.platform === s.platform);
    const comments = demo.comments.filter((c) => c.platform === s.platform);
    for (let i = 0; i < Math.max(comments.length, 1); i += 2000) {
      const r = await storeBatch(db, {
        villageId: village.id,
        sourceId: source.id,
        posts: i === 0 ? posts : [],
        comments: comments.slice(i, i + 2000),
      });
      created += r.new;
      r.days.forEach((d) => days.add(d));
    }
  }
  await finishImport(db, village.id, [...days]);
  await seedDemoFollowUp(db, village.id);
  return { villageId: village.id, created };
}

/** Seeds only when the database has no village at all. */
export async function seedIfEmpty(db: Database): Promise<SeedSummary | null> {
  if ((await countVillages(db)) > 0) return null;
  const main = await seedDemoVillage(db);
  const neighbour = await seedNeighbourVillage(db);
  return { ...main, comments: main.comments + neighbour.comments, new: main.new + neighbour.new, ms: main.ms + neighbour.ms };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { getDatabase } = await import("@suara-desa/core/db/client");
  const { prepareDatabase } = await import("@suara-desa/core/db/prepare");
  const db = await getDatabase();
  await prepareDatabase(db);
  for (const s of [await seedDemoVillage(db), await seedNeighbourVillage(db)]) {
    console.log(`demo village ${s.villageId} seeded: ${s.comments} comments (${s.new} new) in ${s.ms} ms`);
  }
  await db.close();
}
