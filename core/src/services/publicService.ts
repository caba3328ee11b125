// Halaman publik: what residents may see of how their village listens and answers — this week and the
// last 12 in aggregate (comments by topic, share negative, requests answered and resolved, median time
// to a first answer) and the cases an official chose to publish, under a title the official wrote.
// Nothing else by construction: no comment text, no author, no internal id leaves this service.
import type { PublicPageDTO } from "@suara-desa/shared/contracts";
import { addDays, isoWeekRange, localDay, localTimeToUtc } from "@suara-desa/shared/time";
import type { AuthContext } from "@suara-desa/shared/auth";
import { isSmallSample } from "@suara-desa/shared/samples";
import type { Database } from "../db/client";
import { countCases, findPublishedCases } from "../db/caseRepository";
import { cachedForVillage } from "../db/dataVersion";
import { findVillageByCode, setVillagePublicPage } from "../db/villageRepository";
import { forbidden, notFound } from "../errors";
import { assertCanReadVillage } from "../policies/access";
import { presentOfficialText } from "../presenters/commentPresenter";
import { recordAudit } from "./auditService";
import { followUpFigures } from "./caseService";
import { computeWeeklyOverview } from "./overviewService";

/** A share rounded to 0.1 %, or null when the comments are too few for a percentage to mean much. */
const share = (neg: number, n: number) => (n > 0 && !isSmallSample(n) ? Math.round((1000 * neg) / n) / 1000 : null);

/** The public page of a village that opted in; 404 otherwise (whether it exists is nobody's business). */
export async function getPublicPage(db: Database, code: string, now = new Date()): Promise<PublicPageDTO> {
  const v = await findVillageByCode(db, code);
  if (!v || !v.publicPage) throw notFound("Halaman publik desa");
  return cachedForVillage(db, v.id, "public", async () => {
    const o = await computeWeeklyOverview(db, v.id);
    const weeks = await Promise.all(o.trend.map(async (t) => {
      const r = isoWeekRange(t.week);
      const f = await followUpFigures(db, v.id, localTimeToUtc(r.start, 0, v.timeZone), localTimeToUtc(addDays(r.end, 1), 0, v.timeZone), now);
      return { week: t.week, comments: t.comments, negatif: t.negatif, negativeShare: share(t.negatif, t.comments), needsReply: f.needsReply, answered: f.answered };
    }));
    const cases = await findPublishedCases(db, v.id, 50);
    const names = new Map(o.topics.map((t) => [t.key, t.name]));
    return {
      village: { name: v.name, kecamatan: v.kecamatan, kabupaten: v.kabupaten },
      week: o.week,
      latestDataDay: o.freshness.latestDataDay,
      weeks,
      topics: o.topics.filter((t) => t.count > 0).map((t) => ({ name: t.name, comments: t.count, negatif: t.negatif, negativeShare: share(t.negatif, t.count) })).sort((a, b) => b.comments - a.comments),
      followUp: { needsReply: o.totals.needsReply, answered: o.totals.answered, resolved: await countResolvedThisWeek(db, v.id, o.week, v.timeZone), medianFirstReplyHours: o.totals.medianFirstReplyHours },
      cases: cases.map((c) => ({
        // Checked when published; masked again for what was published before the title was checked.
        title: presentOfficialText(c.publicTitle!, false), quote: presentOfficialText(c.publicQuote, false), topic: c.topicKey ? (names.get(c.topicKey) ?? null) : null, status: c.status as PublicPageDTO["cases"][number]["status"],
        // Calendar days of the village: a case opened at 00:30 WIB is that day's, not the UTC day before.
        opened: localDay(c.openedAt, v.timeZone), resolved: c.resolvedAt ? localDay(c.resolvedAt, v.timeZone) : null,
      })),
    };
  });
}

async function countResolvedThisWeek(db: Database, villageId: number, week: string | null, timeZone: string): Promise<number> {
  if (!week) return 0;
  const r = isoWeekRange(week);
  return countCases(db, {
    villageId, status: "selesai", resolvedAt: { gte: localTimeToUtc(r.start, 0, timeZone), lt: localTimeToUtc(addDays(r.end, 1), 0, timeZone) },
  });
}

/** Turns the public page on or off (admins and the BPD chair of the village); audited. */
export async function setPublicPage(db: Database, auth: AuthContext | undefined, villageId: number, enabled: boolean): Promise<{ enabled: boolean }> {
  assertCanReadVillage(auth, villageId);
  if (auth.role !== "admin" && auth.role !== "pimpinan") throw forbidden("Hanya admin dan pimpinan yang dapat membuka halaman publik");
  await setVillagePublicPage(db, villageId, enabled);
  await recordAudit(db, auth, { action: "settings.change", villageId, target: `village:${villageId}`, details: { publicPage: enabled } });
  return { enabled };
}
