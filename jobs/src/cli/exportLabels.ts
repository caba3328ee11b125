// `npm run export:labels [-- --village <code>] [--out file.jsonl]`: officials' corrections as
// training data (JSONL, one object per corrected comment), for the next model.
import fs from "node:fs";
import { getDatabase } from "@suara-desa/core/db/client";
import { findHumanLabels } from "@suara-desa/core/db/labelRepository";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { findVillageByCode } from "@suara-desa/core/db/villageRepository";
import { parseArgs, runMain } from "./progress";

async function main(): Promise<number> {
  const { flags } = parseArgs(process.argv.slice(2));
  const db = await getDatabase();
  await prepareDatabase(db);
  let villageId: number | undefined;
  if (typeof flags.village === "string") {
    const v = await findVillageByCode(db, flags.village);
    if (!v) {
      process.stderr.write(`error: --village: no village with code "${flags.village}"\n`);
      return 2;
    }
    villageId = v.id;
  }
  const rows = await findHumanLabels(db, villageId);
  const lines = rows.map((r) =>
    JSON.stringify({
      text: r.text,
      language: r.language,
      ...(r.humanSentiment ? { sentiment: r.humanSentiment } : {}),
      ...(r.humanTopicsAt ? { topics: r.topics } : {}),
      source: { platform: r.platform, externalId: r.externalId },
      labelledBy: r.humanSentimentBy ?? r.humanTopicsBy,
      labelledAt: (r.humanSentimentAt ?? r.humanTopicsAt)?.toISOString(),
    }),
  );
  const out = lines.join("\n") + (lines.length ? "\n" : "");
  if (typeof flags.out === "string") fs.writeFileSync(flags.out, out);
  else process.stdout.write(out);
  process.stderr.write(`export:labels: ${rows.length} corrected comments${typeof flags.out === "string" ? ` written to ${flags.out}` : ""}\n`);
  await db.close();
  return 0;
}

runMain(main);
