// The Tindak Lanjut inbox's pages and counts are cached per village data version and held only
// until the next due time passes. What is cached must stay right: a count follows every case write
// at once, a case becomes overdue as the clock passes its due time (no write happens then), pages
// keep the inbox order and join up, and no count or page ever holds another village's cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@suara-desa/shared/auth";
import type { CaseDTO, CaseListDTO } from "@suara-desa/shared/contracts";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import type { IncomingComment } from "@suara-desa/core/ingest/types";
import { listCases } from "@suara-desa/core/services/caseService";
import { createVillage, incomingComment } from "../factories/village";
import { createTempDatabase } from "../helpers/tempDb";
import { as, loginAs } from "../helpers/session";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageId: number;
let otherVillageId: number;
let perangkat: ReturnType<typeof as>;
let outsider: ReturnType<typeof as>;
const admin: AuthContext = { userId: 0, username: "uji", role: "admin", villageIds: [] };

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
const REQUESTS = [
  "jalan ke kampung cibogo berlubang besar, tiap hujan tergenang, motor susah lewat pak",
  "iuran pamsimas sebulan berapa ya sekarang min?",
  "TOLONG ada kebakaran rumah di RT 02 dekat masjid, api makin besar, warga butuh bantuan sekarang!!",
  "lampu jalan di gang mawar mati sudah dua minggu, tolong diperbaiki pak, gelap sekali kalau malam",
  "kapan jadwal posyandu bulan ini bu? anak saya belum imunisasi",
  "saluran air di depan sd negeri 2 mampet, sampah menumpuk, bau sekali, mohon dibersihkan",
  "bagaimana cara mengurus surat keterangan domisili di kantor desa? syaratnya apa saja?",
];

async function ingest(vid: number, comments: IncomingComment[]) {
  const r = await storeBatch(env.db, { villageId: vid, sourceId: null, posts: [], comments });
  await finishImport(env.db, vid, r.days);
}
const requests = (prefix: string) => REQUESTS.map((text, i) => incomingComment({ externalId: `${prefix}${i}`, text, publishedAt: at(16 + (i % 5), 1 + 3 * i) }));
const list = async (client: ReturnType<typeof as>, vid: number, query = "") => (await client.get(`/api/villages/${vid}/cases?${query}`).expect(200)).body as CaseListDTO;

/** What the inbox must say a case is at `now`, computed here from the case's own fields. */
function overdueAt(c: CaseDTO, now: Date): boolean {
  if (c.status === "perlu_jawaban") return new Date(c.firstReplyDueAt) < now;
  if (c.status === "dijawab" || c.status === "ditindaklanjuti") return c.resolveDueAt !== null && new Date(c.resolveDueAt) < now;
  return false;
}
const CLOSED = ["selesai", "diteruskan", "tidak_perlu"];
const dueOf = (c: CaseDTO) => (c.status === "dijawab" || c.status === "ditindaklanjuti" ? c.resolveDueAt! : c.firstReplyDueAt);
/** The inbox order: open before closed, urgent first, the earliest due of the next step, then id. */
function inboxOrder(a: CaseDTO, b: CaseDTO): number {
  return Number(CLOSED.includes(a.status)) - Number(CLOSED.includes(b.status)) || Number(b.urgent) - Number(a.urgent)
    || Date.parse(dueOf(a)) - Date.parse(dueOf(b)) || a.id - b.id;
}

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {} });
  villageId = (await createVillage(env.db, { name: "Desa Sukamaju" })).id;
  otherVillageId = (await createVillage(env.db, { name: "Desa Lain" })).id;
  perangkat = as(app, await loginAs(app, env.db, "perangkat", [villageId]));
  outsider = as(app, await loginAs(app, env.db, "perangkat", [otherVillageId]));
  await ingest(villageId, requests("a"));
  // The other village has the same requests but one (with the same ids): its own cases and counts.
  await ingest(otherVillageId, requests("a").slice(0, REQUESTS.length - 1));
});
afterAll(() => env.cleanup());

describe("the inbox's cached counts", () => {
  it("opens one case per request in each village (the ground the other tests stand on)", async () => {
    expect((await list(perangkat, villageId)).total).toBe(REQUESTS.length);
    expect((await list(outsider, otherVillageId)).total).toBe(REQUESTS.length - 1);
  });

  it("follows a status change at once, in the counts, the total and the tab", async () => {
    const before = await list(perangkat, villageId, "status=open");
    const [first] = before.data;
    await perangkat.patch(`/api/cases/${first.id}`).send({ status: "selesai" }).expect(200);
    const after = await list(perangkat, villageId, "status=open");
    expect(after.counts.perlu_jawaban).toBe(before.counts.perlu_jawaban - 1);
    expect(after.counts.selesai).toBe(before.counts.selesai + 1);
    expect(after.total).toBe(before.total - 1);
    expect(after.data.map((c) => c.id)).not.toContain(first.id);
    expect((await list(perangkat, villageId, "status=selesai")).data.map((c) => c.id)).toEqual([first.id]);
    // Closing an urgent case takes it out of the urgent count too.
    expect(after.counts.urgent).toBe(before.counts.urgent - Number(first.urgent));
  });

  it("counts a case as overdue once the clock passes its due time, with no write in between", async () => {
    const all = (await listCases(env.db, admin, villageId, { limit: 200 }, at(1, 0))).data;
    const dues = [...new Set(all.filter((c) => !CLOSED.includes(c.status)).map((c) => Date.parse(dueOf(c))))].sort((a, b) => a - b);
    expect(dues.length).toBeGreaterThanOrEqual(4);
    // Just before, at and just after every due time, going forward and then back again.
    const clocks = dues.flatMap((d) => [d - 1, d, d + 1]);
    for (const t of [...clocks, ...clocks.slice().reverse()]) {
      const now = new Date(t);
      const r = await listCases(env.db, admin, villageId, { limit: 200 }, now);
      const expected = r.data.filter((c) => overdueAt(c, now));
      expect(r.data.map((c) => [c.id, c.overdue]), `at ${now.toISOString()}`).toEqual(r.data.map((c) => [c.id, overdueAt(c, now)]));
      expect(r.counts.overdue, `at ${now.toISOString()}`).toBe(expected.length);
      const late = await listCases(env.db, admin, villageId, { limit: 200, overdue: "1" }, now);
      expect(late.data.map((c) => c.id).sort(), `at ${now.toISOString()}`).toEqual(expected.map((c) => c.id).sort());
      expect(late.total).toBe(expected.length);
    }
  });

  it("orders open before closed, urgent first, then the earliest due of the next step, and its pages join up", async () => {
    // An answered case is due for resolution (14 days), not for its first reply any more.
    const open = await list(perangkat, villageId, "status=perlu_jawaban");
    await perangkat.patch(`/api/cases/${open.data.at(-1)!.id}`).send({ status: "dijawab" }).expect(200);
    const all = await list(perangkat, villageId, "limit=200");
    expect(all.data.map((c) => c.id)).toEqual(all.data.slice().sort(inboxOrder).map((c) => c.id));
    expect(all.data.some((c) => c.status === "dijawab")).toBe(true);
    const paged: number[] = [];
    let cursor: string | null = "0";
    while (cursor !== null) {
      const page = await list(perangkat, villageId, `limit=2&cursor=${cursor}`);
      expect(page.total).toBe(all.total);
      paged.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all.data.map((c) => c.id));
  });

  it("shows a request ingested after the page was cached", async () => {
    const before = await list(perangkat, villageId);
    await ingest(villageId, [incomingComment({ externalId: "late1", text: "jembatan bambu di dusun krajan patah, anak sekolah tidak bisa lewat, tolong segera", publishedAt: at(21, 3) })]);
    const after = await list(perangkat, villageId);
    expect(after.total).toBe(before.total + 1);
    expect(after.counts.perlu_jawaban).toBe(before.counts.perlu_jawaban + 1);
  });
});

describe("villages stay apart in the cache", () => {
  it("never counts or lists another village's cases, before or after a change there", async () => {
    const mine = await list(perangkat, villageId, "limit=200");
    const theirs = await list(outsider, otherVillageId, "limit=200");
    const mineIds = new Set(mine.data.map((c) => c.id));
    expect(theirs.data.some((c) => mineIds.has(c.id))).toBe(false);
    const sum = (l: CaseListDTO) => ["perlu_jawaban", "dijawab", "ditindaklanjuti", "selesai", "diteruskan", "tidak_perlu"].reduce((s, k) => s + l.counts[k as "selesai"], 0);
    expect(sum(theirs)).toBe(REQUESTS.length - 1);
    expect(sum(mine)).toBe(mine.total);
    // A change in the other village moves its counts only.
    await outsider.patch(`/api/cases/${theirs.data[0].id}`).send({ status: "tidak_perlu", reason: "sudah dijawab di grup" }).expect(200);
    expect((await list(outsider, otherVillageId)).counts.tidak_perlu).toBe(theirs.counts.tidak_perlu + 1);
    expect((await list(perangkat, villageId, "limit=200")).counts).toEqual(mine.counts);
    // The platform filter looks at this village's comments only.
    expect((await list(perangkat, villageId, "platform=facebook&limit=200")).total).toBe(mine.total);
    expect((await list(perangkat, villageId, "platform=x")).total).toBe(0);
  });
});
