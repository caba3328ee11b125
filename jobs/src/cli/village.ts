// `npm run village -- <add|list|search>`: the villages this deployment serves, from the command
// line (the first village of a new install, or scripting many at once).
//   add <kemendagri code> [--json]      add a village from the official registry (idn-area-data)
//   list [--json]                       villages served, with their time zone
//   search <name or code> [--province 32] [--json]   find the code of a village in the registry
//   purge [--json]                      the nightly retention purge, now (SCHEDULER=off: run it from cron)
// Adding is audited as the command line (CLI_ACTOR). Bad input exits 2 with a message naming it.
import { pathToFileURL } from "node:url";
import type { Database } from "@suara-desa/core/db/client";
import { findVillages } from "@suara-desa/core/db/villageRepository";
import { CLI_ACTOR } from "@suara-desa/core/services/auditService";
import { purgeExpiredComments } from "@suara-desa/core/services/privacyService";
import { addVillageFromRegistry, CODE_PATTERN, searchRegistryVillages } from "@suara-desa/core/services/registryService";
import { type CliIo, parseArgs, runDatabaseCommand, runMain, UsageError, usageExitCode } from "./progress";


const USAGE = `usage: npm run village -- <command>
  add <kemendagri code> [--json]          e.g. add 32.15.04.2006
  list [--json]
  search <name or code> [--province <2 digits>] [--json]
  purge [--json]                          delete comments past each village's retention (nightly; from cron with SCHEDULER=off)`;


/** Runs one command against `db`; returns the exit status (0 ok, 2 bad input). */
export async function runVillageCommand(db: Database, argv: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["json"]);
  const [command, arg] = positional;
  try {
    switch (command) {
      case "add": {
        if (!arg) throw new UsageError("add <code>: the Kemendagri village code is required, e.g. 32.15.04.2006 (find it with npm run village -- search <name>)");
        if (!CODE_PATTERN.test(arg)) throw new UsageError(`add <code>: "${arg}" is not a Kemendagri village code like 32.15.04.2006`);
        const v = await addVillageFromRegistry(db, CLI_ACTOR, arg);
        io.out(flags.json ? JSON.stringify(v) : `village: added ${v.name} (${v.code}), Kec. ${v.kecamatan}, ${v.kabupaten}, ${v.province} — id ${v.id}, time zone ${v.timeZone}`);
        return 0;
      }
      case "list": {
        const rows = await findVillages(db);
        const villages = rows.map((v) => ({ id: v.id, code: v.code, name: v.name, kecamatan: v.kecamatan, kabupaten: v.kabupaten, province: v.province, timeZone: v.timeZone }));
        if (flags.json) io.out(JSON.stringify(villages));
        else {
          for (const v of villages) io.out(`#${v.id} ${v.code} ${v.name}, Kec. ${v.kecamatan}, ${v.kabupaten} (${v.timeZone})`);
          io.out(`village: ${villages.length} village(s)`);
        }
        return 0;
      }
      case "search": {
        const q = positional.slice(1).join(" ").trim();
        if (q.length < 2) throw new UsageError("search <name or code>: at least 2 characters");
        const province = flags.province;
        if (province !== undefined && (typeof province !== "string" || !/^\d{2}$/.test(province))) throw new UsageError("--province: a two-digit province code, e.g. 32");
        const hits = await searchRegistryVillages(db, { q, province: province as string | undefined, limit: 20 });
        if (flags.json) io.out(JSON.stringify(hits));
        else {
          for (const h of hits) io.out(`${h.code} ${h.name} (${h.kind}), Kec. ${h.kecamatan}, ${h.kabupaten}, ${h.province}${h.villageId !== null ? ` — already served, id ${h.villageId}` : ""}`);
          io.out(`village: ${hits.length} match(es)${hits.length === 20 ? " (first 20; narrow the search)" : ""}`);
        }
        return 0;
      }
      case "purge": {
        // What the scheduler runs at 02:30 WIB; daily aggregates stay, each village's deletion is audited.
        const r = await purgeExpiredComments(db, new Date());
        io.out(flags.json ? JSON.stringify(r) : `village: retention purge: ${r.deleted} comment(s) past their village's retention deleted (${r.villages} village(s) with a retention)`);
        return 0;
      }
      default:
        io.err(command ? `error: unknown command "${command}"\n${USAGE}` : USAGE);
        return 2;
    }
  } catch (e) {
    // Unknown code, duplicate name (4xx from the services) and usage errors are bad input: exit 2.
    return usageExitCode(e, io);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runMain(() => runDatabaseCommand(runVillageCommand));
}
