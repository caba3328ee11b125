// `npm run alert -- enable|disable` as an operator runs it: a child process against a database,
// checked by its exit code, its output and what it changed — through the same service as the Admin
// page's switch (PATCH /api/villages/:id/alerts/:channelId): off queues nothing for the channel, on
// again catches up on the urgent comment it missed; a wrong id or village is refused, naming it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { queueUrgentAlerts } from "@suara-desa/core/services/alertService";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase, type TempDatabase } from "../helpers/tempDb";
import { runCli } from "../ingest/helpers/runCli";

let t: TempDatabase;
let village: { id: number; code: string };
let other: { id: number; code: string };
let channel: number;

const alert = (...argv: string[]) => runCli("jobs/src/cli/alert.ts", argv, { databaseUrl: t.db.url });
const enabled = async () => (await t.db.prisma.alertChannel.findUniqueOrThrow({ where: { id: channel } })).enabled;
const messages = () => t.db.prisma.alertMessage.count({ where: { channelId: channel } });

async function storeUrgent(externalId: string) {
  const r = await storeBatch(t.db, {
    villageId: village.id, sourceId: null, posts: [],
    comments: [incomingComment({ externalId, text: "TOLONG banjir di krajan makin tinggi, air udah masuk rumah, ada nenek belum bisa keluar!!", publishedAt: new Date() })],
  });
  await finishImport(t.db, village.id, r.days);
}

beforeAll(async () => {
  t = await createTempDatabase();
  village = await createVillage(t.db, { name: "Sukamaju" });
  other = await createVillage(t.db, { name: "Sukamulya" });
  const added = await alert("add", "--village", village.code, "--telegram", "-1001234567890", "--events", "urgent");
  expect(added.stderr).toBe("");
  channel = Number(/^added alert channel #(\d+): telegram -1001234567890 \(urgent\)$/m.exec(added.stdout)?.[1]);
  expect(channel).toBeGreaterThan(0);
});
afterAll(() => t.cleanup());

describe("npm run alert -- disable / enable", () => {
  it("switches a channel off, keeping it listed with its settings, audited as the command line", async () => {
    const r = await alert("disable", String(channel), "--village", village.code);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`alert channel #${channel} (telegram -1001234567890) switched off; nothing is sent to it until \`npm run alert -- enable ${channel}\`, its settings are kept\n`);
    expect(await enabled()).toBe(false);
    const list = await alert("list", "--village", village.code);
    expect(list.stdout).toContain(`#${channel} village ${village.id} telegram -1001234567890 — urgent (off)\n`);
    const [entry] = await t.db.prisma.auditLog.findMany({ where: { target: `alert:${channel}`, action: "settings.change" }, orderBy: { id: "desc" }, take: 1 });
    expect(entry).toMatchObject({ userId: null, username: "cli", villageId: village.id });
    expect(JSON.parse(entry.details!)).toMatchObject({ enabled: false, via: "cli" });
  });

  it("queues nothing for it while it is off", async () => {
    await storeUrgent("cli-off-1");
    await queueUrgentAlerts(t.db, village.id);
    expect(await messages()).toBe(0);
    const again = await alert("disable", String(channel));
    expect([again.code, again.stdout]).toEqual([0, `alert channel #${channel} (telegram -1001234567890) is already off\n`]);
  });

  it("refuses a bad id, an unknown channel and another village's code, naming them, and changes nothing", async () => {
    const bad = await alert("enable", "abc");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("enable <id>: id must be a positive number");
    const unknown = await alert("enable", "9999");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("enable <id>: no alert channel #9999");
    const wrongVillage = await alert("enable", String(channel), "--village", other.code);
    expect(wrongVillage.code).toBe(2);
    expect(wrongVillage.stderr).toContain(`--village: alert channel #${channel} belongs to another village`);
    const noVillage = await alert("enable", String(channel), "--village", "99.99.99.9999");
    expect(noVillage.code).toBe(2);
    expect(noVillage.stderr).toContain("--village: no village with code 99.99.99.9999");
    expect(await enabled()).toBe(false);
  });

  it("switches it on again; the urgent comment it missed is queued once for it", async () => {
    const r = await alert("enable", String(channel));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`alert channel #${channel} (telegram -1001234567890) switched on`);
    expect(await enabled()).toBe(true);
    expect((await alert("list", "--village", village.code)).stdout).toContain(`#${channel} village ${village.id} telegram -1001234567890 — urgent\n`);
    // What the dispatcher does on its next pass.
    expect(await queueUrgentAlerts(t.db, village.id)).toBe(1);
    expect(await queueUrgentAlerts(t.db, village.id)).toBe(0);
    expect(await messages()).toBe(1);
  });
});
