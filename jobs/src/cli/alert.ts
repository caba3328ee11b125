// `npm run alert -- <add|list|enable|disable|remove|test|log>`: who in a village is warned, over which channel.
//   add    --village <code> (--telegram <chat-id> | --email <addr> | --whatsapp <+62…> --phone-number-id <id> | --webhook <url>)
//          [--events urgent,spike,digest,sourceHealth] [--quiet 22:00-06:00]
//   list   [--village <code>] [--json]
//   enable <id> [--village <code>], disable <id> [--village <code>]
//          switch a channel on or off, keeping its settings (the Admin page's switch, same service);
//          --village, when given, must be the channel's village
//   remove <id>
//   test   <id>      queue a test message and send it now, printing what the service answered
//   log    --village <code>   the delivery log, newest first
// A WhatsApp access token is read from stdin or a hidden prompt, never the command line. A webhook's
// signing key is printed once, at `add`.
import { getDatabase, type Database } from "@suara-desa/core/db/client";
import { findAlertChannel } from "@suara-desa/core/db/alertRepository";
import { prepareDatabase } from "@suara-desa/core/db/prepare";
import { findVillageByCode } from "@suara-desa/core/db/villageRepository";
import {
  ALERT_EVENTS, addAlertChannel, alertLog, eventsOf, listAlertChannels, queueTestAlert, removeAlertChannel, switchAlertChannel, type AlertEvent, type AlertKind,
} from "@suara-desa/core/services/alertService";
import { CLI_ACTOR } from "@suara-desa/core/services/auditService";
import { dispatchAlerts } from "../alerts/dispatch";
import { parseArgs, runMain, UsageError, usageExitCode } from "./progress";
import { readToken, SecretInputError } from "./readSecret";

const USAGE = `usage:
  npm run alert -- add --village <code> --telegram <chat-id> | --email <addr> | --whatsapp <+62…> --phone-number-id <id> | --webhook <url>
                       [--events ${ALERT_EVENTS.join(",")}] [--quiet 22:00-06:00]
  npm run alert -- list [--village <code>] [--json]
  npm run alert -- enable <id> [--village <code>]
  npm run alert -- disable <id> [--village <code>]
  npm run alert -- remove <id>
  npm run alert -- test <id>
  npm run alert -- log --village <code>`;

async function villageId(db: Database, code: unknown): Promise<number> {
  if (typeof code !== "string") throw new UsageError("--village <code> is required");
  const village = await findVillageByCode(db, code);
  if (!village) throw new UsageError(`--village: no village with code ${code}`);
  return village.id;
}

function channelId(raw: string | undefined, command: string): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id < 1) throw new UsageError(`${command} <id>: id must be a positive number (see npm run alert -- list)`);
  return id;
}

/** Runs the `alert` command; returns the exit code. */
export async function alertCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest, ["json"]);
  const db = await getDatabase();
  await prepareDatabase(db);
  try {
    switch (command) {
      case "add": {
        const village = await villageId(db, flags.village);
        const given = (["telegram", "email", "whatsapp", "webhook"] as const).filter((k) => flags[k] !== undefined);
        if (given.length !== 1) throw new UsageError("give exactly one of --telegram, --email, --whatsapp, --webhook");
        const kind: AlertKind = given[0];
        const target = flags[kind];
        if (typeof target !== "string") throw new UsageError(`--${kind} needs a value`);
        let events: AlertEvent[] | undefined;
        if (typeof flags.events === "string") {
          const list = flags.events.split(",").map((e) => e.trim()).filter(Boolean);
          const bad = list.filter((e) => !(ALERT_EVENTS as readonly string[]).includes(e));
          if (bad.length) throw new UsageError(`--events: unknown ${bad.join(", ")} (use ${ALERT_EVENTS.join(", ")})`);
          events = list as AlertEvent[];
        }
        let whatsapp: { phoneNumberId: string; token: string } | undefined;
        if (kind === "whatsapp") {
          if (typeof flags["phone-number-id"] !== "string") throw new UsageError("--phone-number-id <id> is required for --whatsapp (WhatsApp Manager → API setup)");
          whatsapp = { phoneNumberId: flags["phone-number-id"], token: await readToken("Token akses WhatsApp Cloud API: ") };
        }
        const { channel, webhookKey } = await addAlertChannel(db, CLI_ACTOR, village, {
          kind, target, events, quiet: typeof flags.quiet === "string" ? flags.quiet : undefined, whatsapp,
        });
        process.stdout.write(`added alert channel #${channel.id}: ${kind} ${channel.target} (${eventsOf(channel).join(", ")})\n`);
        if (webhookKey) process.stdout.write(`webhook signing key (shown once; verify X-Suara-Desa-Signature = sha256=HMAC(key, body)): ${webhookKey}\n`);
        return 0;
      }
      case "list": {
        const id = flags.village !== undefined ? await villageId(db, flags.village) : undefined;
        const channels = await listAlertChannels(db, CLI_ACTOR, id);
        if (flags.json) process.stdout.write(`${JSON.stringify(channels.map(({ secret: _s, ...c }) => c))}\n`);
        else {
          for (const c of channels) {
            const quiet = c.quietStart !== null && c.quietEnd !== null ? `, quiet ${String(Math.floor(c.quietStart / 60)).padStart(2, "0")}:${String(c.quietStart % 60).padStart(2, "0")}-${String(Math.floor(c.quietEnd / 60)).padStart(2, "0")}:${String(c.quietEnd % 60).padStart(2, "0")}` : "";
            process.stdout.write(`#${c.id} village ${c.villageId} ${c.kind} ${c.target} — ${eventsOf(c).join(", ")}${quiet}${c.enabled ? "" : " (off)"}\n`);
          }
          process.stdout.write(`${channels.length} channel(s)\n`);
        }
        return 0;
      }
      case "enable":
      case "disable": {
        const id = channelId(positional[0], command);
        const ch = await findAlertChannel(db, id);
        if (!ch) throw new UsageError(`${command} <id>: no alert channel #${id} (see npm run alert -- list)`);
        // A code given by the operator guards against switching another village's channel by a typo.
        if (flags.village !== undefined && (await villageId(db, flags.village)) !== ch.villageId) {
          throw new UsageError(`--village: alert channel #${id} belongs to another village (see npm run alert -- list --village ${String(flags.village)})`);
        }
        const on = command === "enable";
        const name = `#${id} (${ch.kind} ${ch.target})`;
        if (ch.enabled === on) {
          process.stdout.write(`alert channel ${name} is already ${on ? "on" : "off"}\n`);
          return 0;
        }
        await switchAlertChannel(db, CLI_ACTOR, ch.villageId, id, on);
        process.stdout.write(on
          ? `alert channel ${name} switched on; urgent comments of the last 48 hours it missed go out with the next dispatch\n`
          : `alert channel ${name} switched off; nothing is sent to it until \`npm run alert -- enable ${id}\`, its settings are kept\n`);
        return 0;
      }
      case "remove": {
        const id = channelId(positional[0], "remove");
        const ch = await findAlertChannel(db, id);
        if (!ch) throw new UsageError(`remove <id>: no alert channel #${id}`);
        await removeAlertChannel(db, CLI_ACTOR, ch.villageId, id);
        process.stdout.write(`removed alert channel #${id}\n`);
        return 0;
      }
      case "test": {
        const id = channelId(positional[0], "test");
        const ch = await findAlertChannel(db, id);
        if (!ch) throw new UsageError(`test <id>: no alert channel #${id}`);
        await queueTestAlert(db, CLI_ACTOR, ch.villageId, id);
        await dispatchAlerts(db, { limit: 200 });
        const [last] = (await alertLog(db, CLI_ACTOR, ch.villageId)).filter((m) => m.channelId === id && m.kind === "test");
        const ok = last?.state === "sent";
        process.stdout.write(`test message to #${id} (${ch.kind} ${ch.target}): ${ok ? "sent" : `${last?.state ?? "not queued"}${last?.lastError ? ` — ${last.lastError}` : ""}`}\n`);
        return ok ? 0 : 1;
      }
      case "log": {
        const id = await villageId(db, flags.village);
        for (const m of await alertLog(db, CLI_ACTOR, id)) {
          process.stdout.write(`#${m.id} ${m.createdAt.toISOString()} channel ${m.channelId} ${m.kind}: ${m.state}${m.sentAt ? ` at ${m.sentAt.toISOString()}` : ""}, ${m.attempts} attempt(s)${m.lastError ? ` — ${m.lastError}` : ""}\n`);
        }
        return 0;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } catch (err) {
    // A token that could not be read is bad input too; the rest follows the commands' one rule.
    return usageExitCode(err instanceof SecretInputError ? new UsageError(err.message) : err, {
      out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`),
    });
  } finally {
    await db.close();
  }
}

// Run when invoked directly (npm run alert), not when imported by tests.
if (process.argv[1] && /cli[\\/]alert\.ts$/.test(process.argv[1])) {
  runMain(() => alertCommand(process.argv.slice(2)));
}
