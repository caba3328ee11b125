// Words a village office understands: the re-analysis as a job with progress (no command to
// run), topic edits, password resets, and an audit log that names what was acted on instead of
// codes and ids. Each route walks 401 -> 400 -> 403 -> 2xx.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { createInProcessRetagPort } from "@suara-desa/jobs/retagPort";
import type { AuditEntryDTO, RetagStatusDTO } from "@suara-desa/shared/contracts";
import { createVillage, incomingComment } from "../factories/village";
import { as, loginAs, loginCookie } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let app: ReturnType<typeof createApp>;
let villageA: number;
let villageB: number;
let admin: ReturnType<typeof as>;
let pimpinanA: ReturnType<typeof as>;
let pimpinanB: ReturnType<typeof as>;
let viewerA: ReturnType<typeof as>;

const COMMENTS = 7;

beforeAll(async () => {
  env = await createTempDatabase();
  app = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000, retag: createInProcessRetagPort(env.db) });
  villageA = (await createVillage(env.db, { name: "Desa A" })).id;
  villageB = (await createVillage(env.db, { name: "Desa B" })).id;
  const source = await env.db.prisma.source.create({ data: { villageId: villageA, platform: "facebook", accountId: "111", name: "Pemdes Sukamaju" } });
  const comments = Array.from({ length: COMMENTS }, (_, i) =>
    incomingComment({ externalId: `c${i}`, text: i === 0 ? "Air sumur keruh di RT 02, hubungi 081234567890" : `Jalan rusak di RT 0${i}, tolong diperbaiki` }));
  const r = await storeBatch(env.db, { villageId: villageA, sourceId: source.id, posts: [], comments });
  await finishImport(env.db, villageA, r.days);
  admin = as(app, await loginAs(app, env.db, "admin", []));
  pimpinanA = as(app, await loginAs(app, env.db, "pimpinan", [villageA]));
  pimpinanB = as(app, await loginAs(app, env.db, "pimpinan", [villageB]));
  viewerA = as(app, await loginAs(app, env.db, "viewer", [villageA]));
});
afterAll(() => env.cleanup());

async function waitForRetag(villageId: number): Promise<RetagStatusDTO> {
  for (;;) {
    const s = (await pimpinanA.get(`/api/villages/${villageId}/retag`).expect(200)).body.data as RetagStatusDTO;
    if (!s.pending) return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("topics: add and edit", () => {
  it("walks 401 -> 400 (field named, in Indonesian) -> 403 -> 200, and edits name and keywords of an existing topic", async () => {
    const body = { key: "sumur_warga", nameId: "Air bersih", nameEn: "Clean water", keywords: ["air sumur", "pdam"] };
    await request(app).post(`/api/villages/${villageA}/topics`).send(body).expect(401);
    const bad = await pimpinanA.post(`/api/villages/${villageA}/topics`).send({ ...body, keywords: [] }).expect(400);
    expect(bad.body.error.message).toBe("keywords: beri minimal satu kata kunci");
    await viewerA.post(`/api/villages/${villageA}/topics`).send(body).expect(403);
    await pimpinanB.post(`/api/villages/${villageA}/topics`).send(body).expect(403);
    await pimpinanA.post(`/api/villages/${villageA}/topics`).send(body).expect(201);

    const edited = await pimpinanA.post(`/api/villages/${villageA}/topics`).send({ ...body, nameId: "Air bersih & sumur", keywords: ["air sumur", "sumur keruh", "pdam"] }).expect(201);
    const topic = edited.body.data.find((t: { key: string }) => t.key === "sumur_warga");
    expect(topic).toMatchObject({ nameId: "Air bersih & sumur", keywords: ["air sumur", "sumur keruh", "pdam"], own: true });
    // A shared topic is listed with its keywords and is not the village's own.
    const shared = edited.body.data.find((t: { key: string }) => t.key === "infrastruktur");
    expect(shared.own).toBe(false);
    expect(shared.keywords.length).toBeGreaterThan(0);
    // Village B never sees A's topic.
    const other = await pimpinanB.get(`/api/villages/${villageB}/topics`).expect(200);
    expect(other.body.data.map((t: { key: string }) => t.key)).not.toContain("sumur_warga");
  });
});

describe("re-analysis of a village's comments", () => {
  it("walks 401 -> 400 -> 403, then runs as a job whose progress reaches every stale comment", async () => {
    await request(app).get(`/api/villages/${villageA}/retag`).expect(401);
    await request(app).post(`/api/villages/${villageA}/retag`).send({}).expect(401);
    const bad = await pimpinanA.get("/api/villages/abc/retag").expect(400);
    expect(bad.body.error.message).toContain("villageId");
    await viewerA.get(`/api/villages/${villageA}/retag`).expect(403);
    await viewerA.post(`/api/villages/${villageA}/retag`).send({}).expect(403);
    await pimpinanB.post(`/api/villages/${villageA}/retag`).send({}).expect(403);

    // The topic edit above changed the taxonomy: every stored comment carries old labels.
    const before = (await pimpinanA.get(`/api/villages/${villageA}/retag`).expect(200)).body.data as RetagStatusDTO;
    expect(before.staleComments).toBe(COMMENTS);
    expect(before.pending).toBe(false);

    const started = await pimpinanA.post(`/api/villages/${villageA}/retag`).send({}).expect(202);
    expect(started.body.data.staleComments).toBeLessThanOrEqual(COMMENTS);
    const after = await waitForRetag(villageA);
    expect(after.staleComments).toBe(0);
    expect(after.lastRun).toMatchObject({ status: "ok", done: COMMENTS, total: COMMENTS });
    expect(after.lastRun!.finishedAt).not.toBeNull();
    // The new keyword now tags the stored comment.
    const tagged = await env.db.prisma.commentTopic.count({ where: { comment: { villageId: villageA }, topic: { key: "sumur_warga" } } });
    expect(tagged).toBeGreaterThan(0);

    // Nothing left: a second start runs and finds nothing to do.
    await pimpinanA.post(`/api/villages/${villageA}/retag`).send({}).expect(202);
    const again = await waitForRetag(villageA);
    expect(again.lastRun).toMatchObject({ status: "ok", done: 0 });
    // Village B's status is its own.
    const b = (await pimpinanB.get(`/api/villages/${villageB}/retag`).expect(200)).body.data as RetagStatusDTO;
    expect(b).toMatchObject({ staleComments: 0, lastRun: null });
  });

  it("re-analyses every comment on request, so officials' corrections reach the stored ones", async () => {
    const none = (await pimpinanA.get(`/api/villages/${villageA}/retag`).expect(200)).body.data as RetagStatusDTO;
    expect(none).toMatchObject({ correctedComments: 0, totalComments: COMMENTS, staleComments: 0 });
    const [first] = (await pimpinanA.get(`/api/villages/${villageA}/comments?spam=include&limit=1`).expect(200)).body.data as Array<{ id: number }>;
    await pimpinanA.patch(`/api/comments/${first.id}/labels`).send({ intent: "usulan" }).expect(200);
    const bad = await pimpinanA.post(`/api/villages/${villageA}/retag`).send({ all: "ya" }).expect(400);
    expect(bad.body.error.message).toContain("all");
    const started = (await pimpinanA.post(`/api/villages/${villageA}/retag`).send({ all: true }).expect(202)).body.data as RetagStatusDTO;
    expect(started.correctedComments).toBe(1);
    const done = await waitForRetag(villageA);
    expect(done.lastRun).toMatchObject({ status: "ok", done: COMMENTS, total: COMMENTS });
    // Village B's counts are its own.
    const b = (await pimpinanB.get(`/api/villages/${villageB}/retag`).expect(200)).body.data as RetagStatusDTO;
    expect(b.correctedComments).toBe(0);
  });

  it("answers 503 where no background side runs, after checking who asks", async () => {
    const bare = createApp({ db: env.db, clientDir: null, log: () => {}, loginRateLimitPerMinute: 100_000 });
    const c = as(bare, await loginAs(bare, env.db, "pimpinan", [villageA]));
    const o = as(bare, await loginAs(bare, env.db, "pimpinan", [villageB]));
    await o.post(`/api/villages/${villageA}/retag`).send({}).expect(403);
    const res = await c.post(`/api/villages/${villageA}/retag`).send({}).expect(503);
    expect(res.body.error.message).toBe("Analisis ulang tidak aktif di server ini");
  });
});

describe("password reset by an admin", () => {
  it("walks 401 -> 400 (field named, in Indonesian) -> 403 -> 200; the old password and sessions stop working", async () => {
    await loginAs(app, env.db, "perangkat", [villageA]);
    const user = await env.db.prisma.user.findFirstOrThrow({ where: { role: "perangkat" } });
    await env.db.prisma.user.update({ where: { id: user.id }, data: { displayName: "Budi Santoso" } });
    const url = `/api/users/${user.id}/password`;
    await request(app).post(url).send({ password: "sementara-123" }).expect(401);
    const bad = await admin.post(url).send({ password: "pendek" }).expect(400);
    expect(bad.body.error.message).toBe("password: minimal 8 karakter");
    await pimpinanA.post(url).send({ password: "sementara-123" }).expect(403);
    const reset = await admin.post(url).send({ password: "sementara-123" }).expect(200);
    expect(reset.body.data.mustChangePassword).toBe(true);

    // At the next login the temporary password must be replaced by the user's own.
    const cookie = await loginCookie(app, user.username, "sementara-123");
    const self = as(app, cookie);
    expect((await self.get("/api/auth/me").expect(200)).body.data.user.mustChangePassword).toBe(true);
    // The server, not only the login screen, holds the session to changing the password.
    const held = await self.get("/api/villages").expect(403);
    expect(held.body.error.message).toMatch(/kata sandi sementara/);
    await request(app).post("/api/auth/password").send({ currentPassword: "sementara-123", password: "sandi-milik-budi" }).expect(401);
    const missing = await self.post("/api/auth/password").send({ password: "pendek" }).expect(400);
    expect(missing.body.error.message).toBe("currentPassword: Invalid input: expected string, received undefined; password: minimal 8 karakter");
    const wrong = await self.post("/api/auth/password").send({ currentPassword: "bukan-ini-123", password: "sandi-milik-budi" }).expect(400);
    expect(wrong.body.error.message).toBe("currentPassword: kata sandi sekarang salah");
    const same = await self.post("/api/auth/password").send({ currentPassword: "sementara-123", password: "sementara-123" }).expect(400);
    expect(same.body.error.message).toBe("password: harus berbeda dari kata sandi sekarang");
    const changed = await self.post("/api/auth/password").send({ currentPassword: "sementara-123", password: "sandi-milik-budi" }).expect(200);
    expect(changed.body.data.user.mustChangePassword).toBe(false);
    await self.get("/api/villages").expect(200);
    await request(app).post("/api/auth/login").send({ username: user.username, password: "sementara-123" }).expect(401);
    await loginCookie(app, user.username, "sandi-milik-budi");
  });
});

describe("background work for admins", () => {
  it("names a failed run's source and never needs its id", async () => {
    const source = await env.db.prisma.source.findFirstOrThrow({ where: { villageId: villageA } });
    await env.db.prisma.jobRun.create({ data: { kind: "ingest", villageId: villageA, sourceId: source.id, status: "failed", error: "Token kedaluwarsa", finishedAt: new Date() } });
    await request(app).get("/api/admin/jobs").expect(401);
    await pimpinanA.get("/api/admin/jobs").expect(403);
    const res = await admin.get("/api/admin/jobs").expect(200);
    const run = res.body.data.failedRuns.find((r: { sourceId: number | null }) => r.sourceId === source.id);
    expect(run).toMatchObject({ kind: "ingest", sourceName: "Facebook · Pemdes Sukamaju", error: "Token kedaluwarsa" });
  });
});

describe("the audit log in words", () => {
  it("names each target as people know it: a source's name, a comment's words with personal data masked, a user's and a topic's name", async () => {
    const source = await env.db.prisma.source.findFirstOrThrow({ where: { villageId: villageA } });
    await admin.patch(`/api/sources/${source.id}`).send({ intervalMinutes: 30 }).expect(200);
    const comment = await env.db.prisma.comment.findFirstOrThrow({ where: { villageId: villageA, externalId: "c0" } });
    await pimpinanA.patch(`/api/comments/${comment.id}/labels`).send({ sentiment: "negatif" }).expect(200);

    // Editing a shared topic gives the village its own version: the log names that one.
    await pimpinanA.post(`/api/villages/${villageA}/topics`).send({ key: "infrastruktur", nameId: "Jalan & jembatan desa", nameEn: "Roads", keywords: ["jalan rusak"] }).expect(201);
    const res = await admin.get("/api/audit?limit=50").expect(200);
    const entries = res.body.data as AuditEntryDTO[];
    const find = (action: string, target: string) => entries.find((e) => e.action === action && e.target === target);
    expect(find("source.change", `source:${source.id}`)?.targetLabel).toBe("Facebook · Pemdes Sukamaju");
    const label = find("label.change", `comment:${comment.id}`)!;
    expect(label.targetLabel).toMatch(/^Air sumur keruh di RT 02/);
    expect(label.targetLabel).not.toContain("081234567890");
    const password = entries.find((e) => e.action === "user.change" && e.details?.op === "password")!;
    expect(password.targetLabel).toBe("Budi Santoso");
    expect(find("settings.change", "topic:sumur_warga")?.targetLabel).toBe("Air bersih & sumur");
    expect(find("settings.change", "topic:sumur_warga")?.details).toMatchObject({ op: "edit", from: "Air bersih", name: "Air bersih & sumur" });
    expect(find("settings.change", "topic:infrastruktur")?.targetLabel).toBe("Jalan & jembatan desa");
    const retag = entries.find((e) => e.action === "retag" && e.villageId === villageA)!;
    expect(retag.targetLabel).toBe("Desa A");
  });
});
