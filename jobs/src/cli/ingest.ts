// `npm run ingest -- <command>`: import a file, or run API sources once (cron-less use).
import { getDatabase } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { createProgress, parseArgs, runMain } from "./progress";
import { ImportFileError, importFile, parseMapping, type ImportSummary } from "../ingest/file/importFile";
import { importWhatsApp } from "../ingest/whatsapp/importWhatsApp";
import { dispatchAlerts } from "../alerts/dispatch";

const USAGE = `usage:
  npm run ingest -- import <file.csv|file.jsonl|chat.txt> --village <code> [--map field=column,...] [--json] [--strict]
  npm run ingest -- run [--source <id>] [--json]`;

async function importCommand(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json", "strict"]);
  const file = positional[0];
  if (!file) throw new ImportFileError("missing <file>");
  if (typeof flags.village !== "string") throw new ImportFileError("--village <code> is required");
  const mapping = typeof flags.map === "string" ? parseMapping(flags.map) : undefined;
  const db = await getDatabase();
  await prepareDatabase(db);
  const progress = createProgress("impor");
  // A WhatsApp chat export is plain text; CSV and JSONL go through the row importer.
  const onProgress = (p: { bytes: number; totalBytes: number; rows: number }) => progress.update(p.bytes, p.totalBytes, `${p.rows} baris`);
  const summary: ImportSummary = file.toLowerCase().endsWith(".txt")
    ? await importWhatsApp(db, file, { villageCode: flags.village, onProgress })
    : await importFile(db, file, { villageCode: flags.village, mapping, onProgress });
  progress.done();
  // Urgent comments of the file are warned about now, whether or not a server is running (a running
  // server's dispatcher may take some of them: leases keep each message to one sender).
  const alerts = await dispatchAlerts(db);
  await db.close();
  if (flags.json) {
    process.stdout.write(JSON.stringify(summary) + "\n");
  } else {
    // Notices (e.g. a converted encoding) come first: they concern every row below.
    for (const n of summary.notices) process.stderr.write(`note: ${n}\n`);
    for (const r of summary.rejectedRows) process.stderr.write(`line ${r.line}: ${r.reason}\n`);
    if (summary.rejected > summary.rejectedRows.length) process.stderr.write(`… and ${summary.rejected - summary.rejectedRows.length} more rejected rows\n`);
    if (summary.expired > 0) process.stderr.write(`note: ${summary.expired} comments were published before ${summary.retainedFrom ?? "the village's retention cut-off"}, the first day this village keeps comments of (its retention period, or an earlier purge): they were not stored and are not counted\n`);
    process.stdout.write(`${file}: read ${summary.read}, new ${summary.new}, updated ${summary.updated}, unchanged ${summary.unchanged}${summary.expired ? `, past retention ${summary.expired}` : ""}, rejected ${summary.rejected}\n`);
    if (alerts.sent + alerts.failed + alerts.retried > 0) process.stdout.write(`alerts: ${alerts.sent} sent, ${alerts.retried} to retry, ${alerts.failed} failed\n`);
  }
  const goodRows = summary.read - summary.rejected;
  if (goodRows === 0) return 1;
  if (flags.strict && summary.rejected > 0) return 1;
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "import":
      return importCommand(rest);
    case "run": {
      const { runCommand } = await import("./run");
      return runCommand(rest);
    }
    default:
      process.stderr.write(USAGE + "\n");
      return 2;
  }
}

// A problem with the whole file (missing, unknown format, no header) is exit 2, like bad usage.
runMain(() => main(process.argv.slice(2)), (e) => (e instanceof ImportFileError ? 2 : 1));
