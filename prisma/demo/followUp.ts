// What the demo village's officials did with the residents' requests, so `npm start` shows the whole
// follow-up workflow at once: besides the cases ingestion opened (perlu_jawaban) and those the
// village's own replies answered (dijawab), some are being handled, finished, forwarded to the
// kabupaten or SP4N-LAPOR!, or closed as needing no follow-up — each with its history. Deterministic;
// a second seed changes nothing. No accounts are created (the first admin is set up on first start),
// so the officials appear by name in the history only.
import type { Database } from "@suara-desa/core/db/client";
import { bumpVillageVersion } from "@suara-desa/core/db/dataVersion";
import { findVillageCases, hasOfficialCaseEvents, updateCase } from "@suara-desa/core/db/caseRepository";
import { enqueueAlert, findAlertChannels, findRecentUrgentComments, insertAlertChannel, markDemoAlertsSent, setChannelCreatedAt } from "@suara-desa/core/db/alertRepository";
import { alertEventsColumn } from "@suara-desa/core/db/jsonColumns";
import { getVillage, setVillagePublicPage } from "@suara-desa/core/db/villageRepository";
import { formatUrgent } from "@suara-desa/core/services/alertService";
import { draftPublicQuote } from "@suara-desa/core/services/caseService";
import { Rng } from "./prng";

const HOUR = 3_600_000;
/** Older requests were mostly answered by the office (by phone, at the office, in the RT's group); the last two demo weeks are the backlog. */
const ANSWERED_BEFORE = Date.parse("2026-11-09T00:00:00+07:00");
const OFFLINE = ["lewat telepon", "di kantor desa", "lewat Pak RT", "saat warga datang ke balai desa"];
const OFFICIALS = ["Sinta (Kasi Pelayanan)", "Dedi (Kasi Pemerintahan)", "Ujang (Kaur Umum)"];
const FORWARD: Record<string, string> = {
  banjir_bencana: "BPBD Kabupaten Karawang",
  infrastruktur: "Dinas PUPR Kabupaten Karawang",
  bansos: "Dinas Sosial (SP4N-LAPOR!)",
  kesehatan: "Puskesmas Kecamatan Telagasari",
  air_bersih: "Perumda Air Minum Tirta Tarum",
};
const NOTES = [
  "Sudah dicek ke lokasi bersama Pak RT, menunggu material dari kecamatan.",
  "Dibahas di rapat perangkat hari Senin, dijadwalkan kerja bakti.",
  "Warga sudah dihubungi lewat telepon, data sedang dilengkapi.",
  "Masuk usulan musyawarah desa bulan depan.",
];
const NOT_NEEDED = ["Sudah dijawab langsung oleh Pak RT di grup WhatsApp.", "Sama dengan isu lain yang sudah ditangani.", "Bukan kewenangan desa; warga sudah diarahkan ke kantor kecamatan."];

export async function seedDemoFollowUp(db: Database, villageId: number): Promise<number> {
  if (await hasOfficialCaseEvents(db, villageId)) return 0;
  const rng = new Rng("demo-follow-up");
  let changed = 0;
  for (const found of await findVillageCases(db, villageId)) {
    let c = found;
    const who = rng.pick(OFFICIALS);
    let roll = rng.float();
    if (c.status === "perlu_jawaban" && c.openedAt.getTime() < ANSWERED_BEFORE && roll < 0.7) {
      const answered = new Date(c.openedAt.getTime() + rng.int(2, 60) * HOUR);
      await updateCase(db, villageId, c.id, { status: "dijawab", firstReplyAt: answered },
        [{ actor: who, kind: "status", details: { from: "perlu_jawaban", to: "dijawab", via: rng.pick(OFFLINE) }, at: answered }]);
      c = { ...c, status: "dijawab", firstReplyAt: answered };
      changed++;
      roll = rng.float();
    }
    if (c.status === "dijawab" && c.firstReplyAt) {
      if (roll > 0.55) continue;
      const handling = new Date(c.firstReplyAt.getTime() + rng.int(1, 20) * HOUR);
      const events = [
        { actor: who, kind: "status", details: { from: "dijawab", to: "ditindaklanjuti" }, at: handling },
        { actor: who, kind: "note", details: { text: rng.pick(NOTES) }, at: new Date(handling.getTime() + HOUR) },
      ];
      let data: Record<string, unknown> = { status: "ditindaklanjuti" };
      if (roll < 0.3) {
        const done = new Date(handling.getTime() + rng.int(24, 24 * 6) * HOUR);
        events.push({ actor: who, kind: "status", details: { from: "ditindaklanjuti", to: "selesai" }, at: done });
        data = { status: "selesai", resolvedAt: done };
      }
      await updateCase(db, villageId, c.id, data, events);
      changed++;
    } else if (c.status === "perlu_jawaban") {
      const at = new Date(c.openedAt.getTime() + rng.int(3, 40) * HOUR);
      const to = c.topicKey ? FORWARD[c.topicKey] : undefined;
      if (to && roll < 0.12) {
        const ref = `LAPOR-2026-${String(rng.int(1000, 9999))}`;
        await updateCase(db, villageId, c.id, { status: "diteruskan", forwardedTo: to, forwardRef: ref, resolvedAt: at },
          [{ actor: who, kind: "status", details: { from: "perlu_jawaban", to: "diteruskan", forwardedTo: to, forwardRef: ref }, at }]);
        changed++;
      } else if (roll > 0.95) {
        const reason = rng.pick(NOT_NEEDED);
        await updateCase(db, villageId, c.id, { status: "tidak_perlu", reason, resolvedAt: at },
          [{ actor: who, kind: "status", details: { from: "perlu_jawaban", to: "tidak_perlu", reason }, at }]);
        changed++;
      }
    }
  }
  changed += await publishDemoCases(db, villageId, rng);
  if (changed > 0) await bumpVillageVersion(db, villageId);
  return changed;
}

const PUBLIC_TITLES: Record<string, string[]> = {
  infrastruktur: ["Perbaikan jalan rusak", "Perbaikan jalan berlubang", "Jembatan rusak di jalan dusun", "Lampu jalan mati"],
  air_bersih: ["Air bersih tidak mengalir", "Sumur warga keruh"],
  banjir_bencana: ["Penanganan banjir dan genangan", "Saluran air tersumbat"],
  sampah_lingkungan: ["Sampah menumpuk di saluran irigasi"],
  kesehatan: ["Jadwal posyandu dan layanan kesehatan"],
  bansos: ["Pendataan penerima bantuan sosial"],
};

/** The title sharing most words with the quote, so the resident's words sit under a fitting title. */
function bestTitle(titles: string[], quote: string): string | null {
  const words = new Set(quote.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4));
  let best: string | null = null;
  let bestScore = 0;
  for (const t of titles) {
    const score = t.toLowerCase().split(/\s+/).filter((w) => words.has(w)).length;
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

/** The demo officials published some handled issues on the village's public page (opened for the demo). */
async function publishDemoCases(db: Database, villageId: number, rng: Rng): Promise<number> {
  await setVillagePublicPage(db, villageId, true);
  let n = 0;
  const eligible = (await findVillageCases(db, villageId))
    .filter((c) => c.topicKey && PUBLIC_TITLES[c.topicKey] && ["ditindaklanjuti", "selesai", "diteruskan"].includes(c.status));
  const chosen = eligible.filter(() => rng.chance(0.1));
  // The page shows each handled state at least once (which cases the demo's stream makes handled depends on the NLP).
  for (const status of ["ditindaklanjuti", "selesai", "diteruskan"]) {
    if (!chosen.some((c) => c.status === status)) {
      const first = eligible.find((c) => c.status === status);
      if (first) chosen.push(first);
    }
  }
  for (const c of chosen) {
    const titles = PUBLIC_TITLES[c.topicKey!];
    const at = c.resolvedAt ?? c.firstReplyAt ?? c.openedAt;
    const actor = rng.pick(OFFICIALS);
    // Every other published issue carries the resident's words, redacted, under the official's title.
    const draft = c.id % 2 === 0 ? (await draftPublicQuote(db, villageId, c.id, c.representativeId)).slice(0, 400) : "";
    const fitting = bestTitle(titles, draft);
    const quote = fitting ? draft : "";
    const title = fitting ?? rng.pick(titles);
    await updateCase(db, villageId, c.id, { publicTitle: title, ...(quote ? { publicQuote: quote } : {}) }, [
      { actor, kind: "publish", details: {}, at },
      ...(quote ? [{ actor, kind: "quote", details: { text: quote }, at }] : []),
    ]);
    n++;
  }
  return n;
}

/**
 * The demo village's alert channel (a Telegram group of the perangkat) and the urgent alerts it would
 * have received during the twelve demo weeks, each sent within a minute of the comment, so the
 * Peringatan log shows what an official gets. Idempotent (the outbox's dedupe key per comment).
 */
export async function seedDemoAlerts(db: Database, villageId: number, demoStart: Date): Promise<number> {
  if ((await findAlertChannels(db, villageId)).length > 0) return 0;
  const channel = await insertAlertChannel(db, { villageId, kind: "telegram", target: "-1001234567890", events: alertEventsColumn.serialise(["urgent", "spike", "digest", "sourceHealth"]), secret: null, quietStart: 21 * 60, quietEnd: 6 * 60 });
  await setChannelCreatedAt(db, channel.id, demoStart);
  const village = await getVillage(db, villageId);
  let n = 0;
  for (const c of await findRecentUrgentComments(db, villageId, new Date(0), demoStart)) {
    const payload = formatUrgent(village!, c, null);
    if (await enqueueAlert(db, { villageId, channelId: channel.id, kind: "urgent", dedupeKey: `urgent:${c.id}`, payload })) n++;
  }
  await markDemoAlertsSent(db, channel.id);
  return n;
}
