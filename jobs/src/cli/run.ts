// `npm run ingest -- run [--source <id>] [--json]`: one bounded run of one source or of every API
// source, for cron-less installs (a system cron calling this every 15 minutes). Prints a line per
// source and a summary; with --json a JSON object. Every run names the sources that are stuck
// (waiting for a new token) and those pausing after a rate limit, with the time in the village's
// time zone. The exit status follows the sources' state, not the timing of a failure:
//   0  every source is fine or only waiting (rate limit, temporary platform error: retried later)
//   1  a source needs someone: "perlu login ulang" (a new token) or an error a retry cannot fix
//   2  bad usage
import { getDatabase, type Database } from "@suara-desa/core/db/client";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { getSource, listSchedulableSources, type SourceRow } from "@suara-desa/core/db/sourceRepository";
import { findVillages } from "@suara-desa/core/db/villageRepository";
import { localTime } from "../ingest/errors";
import { rateLimitPause, runSource, type RunSourceResult } from "../ingest/runSource";
import { parseArgs } from "./progress";

/** A source this run could not help: it needs a person (stuck) or is pausing (waiting). */
export interface SourceNotice {
  sourceId: number;
  platform: string;
  accountId: string;
  village: string;
  state: "needs_login" | "error" | "rate_limited";
  /** Plain Indonesian reason (the source's last error). */
  reason: string;
  /** needs_login/error: since when (ISO); rate_limited: until when (ISO). */
  at: string | null;
  /** The same time in the village's zone, e.g. "17.15 WIB". */
  localAt: string | null;
  /** What an operator does about it (English, like the rest of the CLI output). */
  action: string;
}

function describe(s: SourceRow, villageName: string, tz: string, now: Date, ran: RunSourceResult | null): SourceNotice | null {
  const base = { sourceId: s.id, platform: s.platform, accountId: s.accountId, village: villageName };
  if (s.status === "needs_login") {
    return {
      ...base, state: "needs_login", reason: s.lastError ?? "Token akses kedaluwarsa atau dicabut — perlu login ulang.",
      at: s.lastErrorAt?.toISOString() ?? null, localAt: s.lastErrorAt ? localTime(s.lastErrorAt, tz, now) : null,
      action: `give it a new token: npm run source -- token ${s.id} < token.txt`,
    };
  }
  if (s.status === "error") {
    return {
      ...base, state: "error", reason: s.lastError ?? "unknown error",
      at: s.lastErrorAt?.toISOString() ?? null, localAt: s.lastErrorAt ? localTime(s.lastErrorAt, tz, now) : null,
      action: "check the account id and the token (npm run source -- list), then run it again",
    };
  }
  const pause = rateLimitPause(s.settings, now);
  if (pause && (!ran || ran.errorKind === "RateLimitError")) {
    return {
      ...base, state: "rate_limited", reason: s.lastError ?? "Batas permintaan API tercapai.",
      at: pause.until, localAt: localTime(new Date(pause.until), tz, now),
      action: `none: it runs again ${pause.estimated ? "about " : ""}${localTime(new Date(pause.until), tz, now)}`,
    };
  }
  return null;
}

function noticeLine(n: SourceNotice): string {
  const what = n.state === "needs_login" ? `needs a new login${n.localAt ? ` since ${n.localAt}` : ""}`
    : n.state === "error" ? `failing${n.localAt ? ` since ${n.localAt}` : ""}`
    : `rate limited until ${n.localAt}`;
  return `source #${n.sourceId} (${n.platform} ${n.accountId}, ${n.village}): ${what} — ${n.reason} Action: ${n.action}.`;
}

async function villageInfo(db: Database): Promise<Map<number, { name: string; timeZone: string }>> {
  return new Map((await findVillages(db)).map((v) => [v.id, { name: v.name, timeZone: v.timeZone }]));
}

/** Runs the `run` subcommand; returns the exit code. */
export async function runCommand(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, ["json"]);
  const db = await getDatabase();
  await prepareDatabase(db);
  try {
    let sources: SourceRow[];
    const explicit = flags.source !== undefined;
    if (explicit) {
      const id = Number(flags.source);
      if (!Number.isInteger(id) || id < 1) {
        process.stderr.write("error: --source must be a source id (see `npm run source -- list`)\n");
        return 2;
      }
      const s = await getSource(db, id);
      if (!s) {
        process.stderr.write(`error: --source: no source #${id}\n`);
        return 2;
      }
      sources = [s];
    } else {
      sources = await listSchedulableSources(db);
    }
    const villages = await villageInfo(db);
    const results: RunSourceResult[] = [];
    const notices: SourceNotice[] = [];
    const say = (line: string) => { if (!flags.json) process.stdout.write(`${line}\n`); };
    for (const s of sources) {
      const v = villages.get(s.villageId) ?? { name: `village ${s.villageId}`, timeZone: "Asia/Jakarta" };
      const now = new Date();
      // A source waiting for a token fails again without one, and one pausing after a rate limit
      // would spend the quota it waits for: both are reported, not run (unless asked for by id).
      if (!explicit && (s.status === "needs_login" || rateLimitPause(s.settings, now))) {
        const n = describe(s, v.name, v.timeZone, now, null)!;
        notices.push(n);
        say(noticeLine(n));
        continue;
      }
      if (!flags.json) process.stderr.write(`source #${s.id}: running…\n`);
      const r = await runSource(db, s.id, { log: flags.json ? undefined : (m) => process.stderr.write(`  ${m}\n`) });
      results.push(r);
      const more = r.status !== "failed" && !r.done && r.sourceStatus === "active" ? " (more next run)" : "";
      say(`source #${s.id}: ${r.status}, read ${r.read}, new ${r.new}, updated ${r.updated}, rejected ${r.rejected}, pages ${r.pages}${more}${r.error ? ` — ${r.error}` : ""}`);
      const after = await getSource(db, s.id);
      const n = after ? describe(after, v.name, v.timeZone, new Date(), r) : null;
      if (n) {
        notices.push(n);
        say(noticeLine(n));
      }
    }
    const total = results.reduce((t, r) => ({ read: t.read + r.read, new: t.new + r.new, updated: t.updated + r.updated, rejected: t.rejected + r.rejected }), { read: 0, new: 0, updated: 0, rejected: 0 });
    const failed = results.filter((r) => r.status === "failed").length;
    const stuck = notices.filter((n) => n.state !== "rate_limited");
    const waiting = notices.filter((n) => n.state === "rate_limited");
    if (flags.json) {
      process.stdout.write(`${JSON.stringify({ sources: sources.length, ran: results.length, failed, ...total, stuck, waiting, runs: results })}\n`);
    } else {
      const tail = [
        stuck.length ? `stuck ${stuck.length} (${stuck.map((n) => `#${n.sourceId} ${n.state === "needs_login" ? "needs a new token" : "failing"}`).join(", ")})` : "stuck 0",
        waiting.length ? `rate limited ${waiting.length} (${waiting.map((n) => `#${n.sourceId} until ${n.localAt}`).join(", ")})` : null,
      ].filter(Boolean).join(", ");
      say(`${sources.length} source(s), ${results.length} run: read ${total.read}, new ${total.new}, updated ${total.updated}, rejected ${total.rejected}, failed ${failed}, ${tail}`);
    }
    return stuck.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}
