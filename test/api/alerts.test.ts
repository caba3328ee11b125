// Peringatan: an urgent comment stored by ingestion reaches every channel that wants urgent alerts
// exactly once — Telegram (through 429 retry_after), e-mail (through an SMTP 451), WhatsApp Cloud API
// and a signed webhook — with personal data masked; re-importing it sends nothing; a restart with
// messages still in the outbox (a "sending" row whose process died) delivers each once; quiet hours
// hold non-urgent messages; a bad chat id fails with a reason. The services are local imitations that
// answer like the real APIs; the code path is the real one.
import { createHmac } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { finishImport, storeBatch } from "@suara-desa/core/ingest/store";
import { claimDueAlerts } from "@suara-desa/core/db/alertRepository";
import { addAlertChannel, poissonTail, queueTestAlert, quietUntil } from "@suara-desa/core/services/alertService";
import { CLI_ACTOR } from "@suara-desa/core/services/auditService";
import { dispatchAlerts } from "@suara-desa/jobs/alerts/dispatch";
import request from "supertest";
import { createApp } from "@suara-desa/server/app";
import { createVillage, incomingComment } from "../factories/village";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let villageId: number;

// ---- imitation Telegram Bot API + WhatsApp Cloud API + webhook receiver (one HTTP server) ----
interface Received { path: string; body: Record<string, unknown>; headers: http.IncomingHttpHeaders; raw: string }
const received: Received[] = [];
let telegram429Left = 0;
let httpServer: http.Server;
let httpBase = "";

// ---- imitation SMTP server: answers like Postfix; can greylist (451) the next N messages ----
const mails: Array<{ from: string; to: string[]; data: string }> = [];
let smtpGreylistLeft = 0;
let smtpServer: net.Server;
let smtpPort = 0;

function startSmtp(): Promise<void> {
  smtpServer = net.createServer((sock) => {
    let buf = "";
    let inData = false;
    let cur = { from: "", to: [] as string[], data: "" };
    const say = (l: string) => sock.write(`${l}\r\n`);
    say("220 imitation.local ESMTP");
    sock.on("data", (chunk) => {
      buf += chunk.toString("utf8");
      let i: number;
      while ((i = buf.indexOf("\r\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            if (smtpGreylistLeft > 0) {
              smtpGreylistLeft--;
              say("451 4.7.1 Greylisted, please try again later");
            } else {
              mails.push(cur);
              say("250 2.0.0 Ok: queued");
            }
            cur = { from: "", to: [], data: "" };
          } else cur.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") say("250 imitation.local");
        else if (cmd === "MAIL") {
          cur.from = line;
          say("250 2.1.0 Ok");
        } else if (cmd === "RCPT") {
          cur.to.push(line);
          say("250 2.1.5 Ok");
        } else if (cmd === "DATA") {
          inData = true;
          say("354 End data with <CR><LF>.<CR><LF>");
        } else if (cmd === "QUIT") {
          say("221 2.0.0 Bye");
          sock.end();
        } else if (cmd === "RSET" || cmd === "NOOP") say("250 2.0.0 Ok");
        else say("502 5.5.2 Error: command not recognized");
      }
    });
    sock.on("error", () => {});
  });
  return new Promise((resolve) => smtpServer.listen(0, "127.0.0.1", () => {
    smtpPort = (smtpServer.address() as net.AddressInfo).port;
    resolve();
  }));
}

function startHttp(): Promise<void> {
  httpServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      // Multipart bodies carry a binary PDF: read them byte for byte; JSON bodies as UTF-8.
      const raw = Buffer.concat(chunks).toString(path.endsWith("/sendDocument") ? "latin1" : "utf8");
      if (path.endsWith("/sendDocument")) {
        // multipart/form-data: chat_id, caption and the PDF, as the Bot API takes them.
        const chat = /name="chat_id"\r\n\r\n([^\r]*)/.exec(raw)?.[1];
        received.push({ path, body: { chat_id: chat, caption: /name="caption"\r\n\r\n([\s\S]*?)\r\n--/.exec(raw)?.[1], hasPdf: raw.includes("%PDF-"), filename: /filename="([^"]+)"/.exec(raw)?.[1] }, headers: req.headers, raw: "" });
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ ok: true, result: { message_id: received.length, document: { file_id: "BQAC" } } }));
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const json = (status: number, b: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(b));
      };
      if (path.startsWith("/bot") && path.endsWith("/sendMessage")) {
        if (path !== "/bot123456:TESTTOKEN/sendMessage") return json(401, { ok: false, error_code: 401, description: "Unauthorized" });
        if (body.chat_id === "-100999") return json(400, { ok: false, error_code: 400, description: "Bad Request: chat not found" });
        if (telegram429Left > 0) {
          telegram429Left--;
          return json(429, { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } });
        }
        received.push({ path, body, headers: req.headers, raw });
        return json(200, { ok: true, result: { message_id: received.length, date: 1764800000, chat: { id: Number(body.chat_id), type: "group" }, text: body.text } });
      }
      if (/^\/\d+\/messages$/.test(path)) {
        if (req.headers.authorization !== "Bearer WA-TOKEN") return json(401, { error: { message: "Invalid OAuth access token.", type: "OAuthException", code: 190, fbtrace_id: "A1" } });
        received.push({ path, body, headers: req.headers, raw });
        return json(200, { messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.${received.length}` }] });
      }
      if (path === "/hook") {
        received.push({ path, body, headers: req.headers, raw });
        res.writeHead(204);
        return res.end();
      }
      json(404, { error: "not found" });
    });
  });
  return new Promise((resolve) => httpServer.listen(0, "127.0.0.1", () => {
    httpBase = `http://127.0.0.1:${(httpServer.address() as net.AddressInfo).port}`;
    resolve();
  }));
}

const config = () => ({
  TELEGRAM_BOT_TOKEN: "123456:TESTTOKEN", TELEGRAM_API_URL: httpBase, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  MAIL_FROM: "Suara Desa <peringatan@desa.test>", META_GRAPH_URL: httpBase, HTTP_TIMEOUT_MS: 5_000,
});
/** Dispatcher passes until nothing is due, moving the clock past any retry wait. */
async function drain(start: Date, passes = 8): Promise<Date> {
  let now = start;
  for (let i = 0; i < passes; i++) {
    await dispatchAlerts(env.db, { now: () => now, config: config() });
    now = new Date(now.getTime() + 3_700_000);
  }
  return now;
}

let webhookKey = "";
const URGENT = "TOLONG banjir di krajan makin tinggi, air udah masuk rumah, ada nenek belum bisa keluar!! hubungi 081234567890";

beforeAll(async () => {
  await Promise.all([startHttp(), startSmtp()]);
  env = await createTempDatabase();
  villageId = (await createVillage(env.db, { name: "Sukamaju" })).id;
  await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "telegram", target: "-1001234567890" });
  await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "email", target: "bpd@sukamaju.desa.id", events: ["urgent", "digest"] });
  await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "whatsapp", target: "+62 812-1111-2222", whatsapp: { phoneNumberId: "1098765432", token: "WA-TOKEN" } });
  webhookKey = (await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "webhook", target: `${httpBase}/hook` })).webhookKey!;
  // A channel that wants digests only gets no urgent alert.
  await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "telegram", target: "-1005550000", events: ["digest"] });
});
afterAll(async () => {
  httpServer?.close();
  smtpServer?.close();
  await env?.cleanup();
});
beforeEach(() => {
  received.length = 0;
  mails.length = 0;
});

async function ingestUrgent(externalId: string) {
  const r = await storeBatch(env.db, {
    villageId, sourceId: null, posts: [],
    comments: [incomingComment({ externalId, text: URGENT, publishedAt: new Date() }), incomingComment({ externalId: `${externalId}-calm`, text: "terima kasih pak kades, jalannya sudah bagus", publishedAt: new Date() })],
  });
  await finishImport(env.db, villageId, r.days);
}

describe("an urgent comment", () => {
  it("reaches Telegram, e-mail, WhatsApp and the webhook once each, through a Telegram 429 and an SMTP 451, with the phone masked", async () => {
    telegram429Left = 1;
    smtpGreylistLeft = 1;
    await ingestUrgent("u1");
    await drain(new Date());
    const tg = received.filter((r) => r.path.endsWith("/sendMessage"));
    expect(tg).toHaveLength(1);
    expect(tg[0].body.chat_id).toBe("-1001234567890");
    expect(String(tg[0].body.text)).toMatch(/^⚠️ DARURAT — Desa Sukamaju/);
    expect(String(tg[0].body.text)).toContain("banjir di krajan");
    expect(String(tg[0].body.text)).not.toContain("081234567890");
    expect(String(tg[0].body.text)).toContain("/tindak-lanjut?isu=");

    expect(mails).toHaveLength(1);
    expect(mails[0].to.join()).toContain("bpd@sukamaju.desa.id");
    expect(mails[0].data).toMatch(/Subject: .*DARURAT/);
    expect(mails[0].data).not.toContain("081234567890");

    const wa = received.filter((r) => /\/messages$/.test(r.path));
    expect(wa).toHaveLength(1);
    expect(wa[0].path).toBe("/1098765432/messages");
    expect(wa[0].body).toMatchObject({ messaging_product: "whatsapp", to: "6281211112222", type: "template", template: { name: "suara_desa_peringatan", language: { code: "id" } } });

    const hook = received.filter((r) => r.path === "/hook");
    expect(hook).toHaveLength(1);
    const expected = createHmac("sha256", webhookKey).update(hook[0].raw).digest("hex");
    expect(hook[0].headers["x-suara-desa-signature"]).toBe(`sha256=${expected}`);
    expect(hook[0].body).toMatchObject({ kind: "urgent", urgent: true });
  });

  it("is in the outbox as soon as its batch is stored, once per urgent channel, before the run ends", async () => {
    const r = await storeBatch(env.db, {
      villageId, sourceId: null, posts: [],
      comments: [incomingComment({ externalId: "tx1", text: URGENT, publishedAt: new Date() }), incomingComment({ externalId: "tx1-calm", text: "terima kasih pak kades, jalannya sudah bagus", publishedAt: new Date() })],
    });
    const [urgent, calm] = await Promise.all(["tx1", "tx1-calm"].map((externalId) => env.db.prisma.comment.findFirstOrThrow({ where: { villageId, externalId } })));
    // No finishImport, no dispatcher pass yet: the rows came with the comment's own transaction.
    const rows = await env.db.prisma.alertMessage.findMany({ where: { villageId, kind: "urgent", dedupeKey: `urgent:${urgent.id}` } });
    expect(rows).toHaveLength(4);
    expect(rows.every((m) => m.state === "pending" && !m.payload.includes("081234567890"))).toBe(true);
    expect(await env.db.prisma.alertMessage.count({ where: { dedupeKey: `urgent:${calm.id}` } })).toBe(0);
    // The end of the run adds nothing; the message sent names the case opened meanwhile.
    await finishImport(env.db, villageId, r.days);
    expect(await env.db.prisma.alertMessage.count({ where: { dedupeKey: `urgent:${urgent.id}` } })).toBe(4);
    await drain(new Date());
    const tg = received.filter((m) => m.path.endsWith("/sendMessage"));
    expect(tg).toHaveLength(1);
    const kase = await env.db.prisma.comment.findUniqueOrThrow({ where: { id: urgent.id }, select: { caseId: true } });
    expect(String(tg[0].body.text)).toContain(`/tindak-lanjut?isu=${kase.caseId}`);
  });

  it("sends nothing more when the same comment is imported again", async () => {
    await ingestUrgent("u1");
    await drain(new Date());
    expect(received).toHaveLength(0);
    expect(mails).toHaveLength(0);
  });

  it("delivers once after a restart that left a message in the outbox mid-send", async () => {
    await ingestUrgent("u2");
    // A dispatcher claims the rows and dies before sending: the rows stay "sending" under a lease.
    const claimed = await claimDueAlerts(env.db, new Date(), 120_000, 50);
    expect(claimed.length).toBe(4);
    await dispatchAlerts(env.db, { now: () => new Date(), config: config() });
    expect(received).toHaveLength(0);
    // After the lease, the next process sends each message once.
    await drain(new Date(Date.now() + 121_000));
    expect(received.filter((r) => r.path.endsWith("/sendMessage"))).toHaveLength(1);
    expect(mails).toHaveLength(1);
    expect(received.filter((r) => r.path === "/hook")).toHaveLength(1);
  });
});

describe("source health and the weekly digest", () => {
  it("reports a source that has not fetched for a day once, and its recovery once", async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const source = await env.db.prisma.source.create({ data: { villageId, platform: "facebook", accountId: "111222", handle: "pemdessukamaju", status: "error", lastRunAt: new Date(), lastSuccessAt: twoDaysAgo, lastError: "Facebook tidak menjawab" } });
    await drain(new Date());
    await drain(new Date());
    const down = received.filter((r) => r.path.endsWith("/sendMessage") && String(r.body.text).includes("Sumber data bermasalah"));
    expect(down).toHaveLength(1);
    expect(String(down[0].body.text)).toContain("Facebook @pemdessukamaju: Facebook tidak menjawab");
    received.length = 0;
    await env.db.prisma.source.update({ where: { id: source.id }, data: { status: "active", lastSuccessAt: new Date(), lastError: null } });
    await drain(new Date());
    await drain(new Date());
    const up = received.filter((r) => r.path.endsWith("/sendMessage") && String(r.body.text).includes("Sumber data pulih"));
    expect(up).toHaveLength(1);
  });

  it("sends Monday's digest once: five lines, the PDF attached to the e-mail and as a Telegram document", async () => {
    const { generateWeeklyReports } = await import("@suara-desa/core/services/reports/reportService");
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    const results = await generateWeeklyReports(env.db, nextWeek);
    expect(results.find((r) => r.villageId === villageId)?.status).toBe("stored");
    await drain(new Date());
    await generateWeeklyReports(env.db, nextWeek);
    await drain(new Date());
    const docs = received.filter((r) => r.path.endsWith("/sendDocument"));
    // Both Telegram channels want digests: the first by default, the second only digests.
    expect(docs.length).toBe(2);
    expect(docs[0].body).toMatchObject({ hasPdf: true });
    expect(String(docs[0].body.filename)).toMatch(/\.pdf$/);
    expect(String(docs[0].body.caption).split("\n")).toHaveLength(5);
    const mail = mails.find((m) => /Subject: .*Ringkasan/.test(m.data));
    expect(mail?.data).toContain("application/pdf");
    expect(mails.filter((m) => /Subject: .*Ringkasan/.test(m.data))).toHaveLength(1);
    // The week is named as the PDF names it (number and dates), never by its key "2026-W47".
    const stored = await env.db.prisma.alertMessage.findFirstOrThrow({ where: { villageId, kind: "digest" } });
    const payload = JSON.parse(String(stored.payload)) as { subject: string; text: string };
    const label = /^Minggu \d+ · \d+( [A-Z][a-z]+( \d{4})?)? ?– ?\d+ [A-Z][a-z]+ \d{4}$/;
    expect(payload.subject).toMatch(/^Ringkasan mingguan Desa Sukamaju — /);
    expect(payload.subject.split(" — ")[1]).toMatch(label);
    expect(payload.text.split("\n")[0].split(", ")[1]).toMatch(label);
    expect(payload.subject + payload.text.split("\n")[0]).not.toMatch(/\d{4}-W\d{2}/);
  });
});

describe("spikes", () => {
  it("warns once a day when a topic's negative comments jump far above its eight-week baseline", async () => {
    expect(poissonTail(5, 0.2)).toBeLessThan(0.001);
    expect(poissonTail(2, 1)).toBeGreaterThan(0.1);
    const texts = [
      "jalan desa di RT 01 rusak parah, berlubang besar", "jalan ke sekolah rusak, motor sering jatuh", "aspal jalan dusun 2 hancur, tolong diperbaiki",
      "jalan rusak lagi depan masjid, becek dan berlubang", "jalan di RW 03 rusak tidak pernah diperbaiki, kecewa", "jalan rusak parah sekali di kampung cibogo",
    ];
    const now = new Date();
    const r = await storeBatch(env.db, { villageId, sourceId: null, posts: [], comments: texts.map((text, i) => incomingComment({ externalId: `spike-${i}`, text, publishedAt: new Date(now.getTime() - i * 60_000) })) });
    await finishImport(env.db, villageId, r.days);
    await drain(new Date(now.getTime() + 11 * 60_000), 3);
    const spikes = received.filter((x) => x.path.endsWith("/sendMessage") && String(x.body.text).startsWith("📈 Lonjakan komentar negatif"));
    // One per Telegram channel that wants spikes (the first one: all events), naming the topic with examples.
    expect(spikes).toHaveLength(1);
    expect(String(spikes[0].body.text)).toContain("Infrastruktur");
    // It counts negative comments, not the intent "keluhan": the words say that, with today against the usual.
    expect(String(spikes[0].body.text).split("\n")[1]).toMatch(/^Infrastruktur: \d+ komentar negatif hari ini\. (Biasanya rata-rata [\d,]+ per (hari|minggu) \(\d+ dalam 8 minggu terakhir\)|Dalam 8 minggu terakhir tidak ada komentar negatif tentang topik ini)\.$/);
    const stored = await env.db.prisma.alertMessage.findFirstOrThrow({ where: { villageId, kind: "spike" } });
    const subject = (JSON.parse(String(stored.payload)) as { subject: string }).subject;
    expect(subject).toBe("Lonjakan komentar negatif tentang Infrastruktur — Desa Sukamaju");
    expect(String(spikes[0].body.text).split("\n").filter((l) => l.startsWith('"'))).toHaveLength(2);
  });
});

describe("channels", () => {
  it("records a bad chat id as failed with the reason, without retrying", async () => {
    const { channel } = await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "telegram", target: "-100999" });
    await queueTestAlert(env.db, CLI_ACTOR, villageId, channel.id);
    await drain(new Date(), 2);
    const row = await env.db.prisma.alertMessage.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(row).toMatchObject({ state: "failed", attempts: 1 });
    expect(row.lastError).toContain("chat not found");
  });

  it("fails a message whose stored payload is unreadable, naming it in the log, and still sends the others", async () => {
    const { channel } = await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "telegram", target: "-1006660000", events: ["digest"] });
    const bad = await env.db.prisma.alertMessage.create({ data: { villageId, channelId: channel.id, kind: "spike", dedupeKey: "spike:rusak", payload: "{\"subject\": \"Lonjakan" } });
    await queueTestAlert(env.db, CLI_ACTOR, villageId, channel.id);
    const logs: string[] = [];
    await dispatchAlerts(env.db, { now: () => new Date(), config: config(), log: (m) => logs.push(m) });
    expect(await env.db.prisma.alertMessage.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({ state: "failed", lastError: "isi pesan yang tersimpan rusak; pesan ini tidak dapat dikirim" });
    expect(logs.join("\n")).toContain(`AlertMessage.payload of message ${bad.id} is not an alert payload`);
    expect(received.filter((r) => r.body.chat_id === "-1006660000").map((r) => String(r.body.text))).toEqual([expect.stringContaining("Pesan uji dari Suara Desa")]);
  });

  it("holds non-urgent messages during quiet hours and knows when they end", () => {
    const ch = { quietStart: 22 * 60, quietEnd: 6 * 60 };
    // 23:30 in Jakarta is 16:30 UTC.
    expect(quietUntil(ch, new Date("2026-12-03T16:30:00Z"), "Asia/Jakarta")?.toISOString()).toBe("2026-12-03T23:00:00.000Z");
    expect(quietUntil(ch, new Date("2026-12-03T05:00:00Z"), "Asia/Jakarta")).toBeNull();
  });

  it("switches a channel off and on over the API: off sends nothing, on catches up on the urgent comment it missed", async () => {
    const app = createApp({ db: env.db, clientDir: null, log: () => {} });
    const { channel } = await addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "telegram", target: "-1007770000", events: ["urgent"] });
    const path = `/api/villages/${villageId}/alerts/${channel.id}`;
    expect((await request(app).patch(path).send({ enabled: false })).status).toBe(401);
    const admin = as(app, await loginAs(app, env.db, "admin", []));
    expect((await admin.patch(path).send({ enabled: "nanti" }).expect(400)).body.error.message).toMatch(/^enabled: /);
    const pimpinan = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
    await pimpinan.patch(path).send({ enabled: false }).expect(403);
    await admin.patch(path).send({ enabled: false }).expect(200);
    expect((await admin.get(`/api/villages/${villageId}/alerts`).expect(200)).body.data.channels.find((c: { id: number }) => c.id === channel.id).enabled).toBe(false);

    await ingestUrgent("off1");
    await drain(new Date(), 2);
    const toChannel = () => received.filter((r) => r.path.endsWith("/sendMessage") && r.body.chat_id === "-1007770000");
    expect(toChannel()).toHaveLength(0);
    // The other channels were not switched off.
    expect(received.filter((r) => r.path.endsWith("/sendMessage") && r.body.chat_id === "-1001234567890")).toHaveLength(1);

    await admin.patch(path).send({ enabled: true }).expect(200);
    await drain(new Date(), 2);
    expect(toChannel()).toHaveLength(1);
    expect(String(toChannel()[0].body.text)).toContain("banjir di krajan");
  });

  it("names the bad field of a channel", async () => {
    await expect(addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "email", target: "bukan-email" })).rejects.toThrow(/email/);
    await expect(addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "webhook", target: "http://contoh.id/hook" })).rejects.toThrow(/webhook/);
    await expect(addAlertChannel(env.db, CLI_ACTOR, villageId, { kind: "telegram", target: "-1001", quiet: "25:00-06:00" })).rejects.toThrow(/quiet|telegram/);
  });
});
