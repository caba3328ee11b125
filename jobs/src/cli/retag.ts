// `npm run retag [-- --village <code>] [--all] [--json]`: re-tag stored comments with the current
// model and taxonomy (after `npm run train:sentiment` or a topic edit).
import { getDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { findVillageByCode, findVillages } from "@suara-desa/core/db/villageRepository";
import { retagVillage, type RetagSummary } from "../retag";
import { createProgress, parseArgs, runMain } from "./progress";

async function main(): Promise<number> {
  const { flags } = parseArgs(process.argv.slice(2), ["all", "json"]);
  const db = await getDatabase();
  await prepareDatabase(db);
  const one = typeof flags.village === "string" ? await findVillageByCode(db, flags.village) : null;
  const villages = typeof flags.village === "string" ? (one ? [one] : []) : await findVillages(db, "id");
  if (typeof flags.village === "string" && villages.length === 0) {
    process.stderr.write(`error: --village: no village with code "${flags.village}"\n`);
    return 2;
  }
  const results: RetagSummary[] = [];
  for (const v of villages) {
    const progress = createProgress(`retag ${v.name}`);
    results.push(await retagVillage(db, v.id, { all: flags.all === true, onProgress: (d, t) => progress.update(d, t, `${d}/${t}`) }));
    progress.done();
  }
  await db.close();
  const total = results.reduce((n, r) => n + r.retagged, 0);
  if (flags.json) process.stdout.write(JSON.stringify({ villages: results, retagged: total }) + "\n");
  else process.stdout.write(`retag: ${total} comments re-tagged in ${results.length} village(s)${results[0] ? `, model ${results[0].modelVersion}` : ""}\n`);
  return 0;
}

runMain(main);
