// Screen and paper agree: for every week of the demo village, the figures the weekly review shows
// (GET /overview and /insights, formatted as the dashboard formats them) are the figures printed in
// that week's PDF, read back from the file — negative share, rising terms with their baseline, and
// the topic table in the order the review's table opens with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@suara-desa/server/app";
import { reportStrings } from "@suara-desa/core/services/reports/reportStrings";
import { seedDemoVillage } from "../../prisma/seed";
import { binaryParser, pdfText } from "../helpers/pdfText";
import { as, loginAs } from "../helpers/session";
import { createTempDatabase } from "../helpers/tempDb";

let env: Awaited<ReturnType<typeof createTempDatabase>>;
let api: ReturnType<typeof as>;
let villageId: number;
let weeks: string[];

// The dashboard's own formatters (client/src/i18n/format.ts), written out: id-ID, shares with one decimal.
const num = new Intl.NumberFormat("id-ID");
const pct = new Intl.NumberFormat("id-ID", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const s = reportStrings("id");

interface Topic { key: string; name: string; count: number; negatif: number; previous: number }
interface Rising { term: string; count: number; baselineAvg: number }

beforeAll(async () => {
  env = await createTempDatabase();
  villageId = (await seedDemoVillage(env.db)).villageId;
  const app = createApp({ db: env.db, clientDir: null, log: () => {} });
  api = as(app, await loginAs(app, env.db, "pimpinan", [villageId]));
  weeks = (await api.get(`/api/villages/${villageId}/overview`).expect(200)).body.data.weeks;
}, 180_000);
afterAll(() => env.cleanup());

/** The lines of the PDF between two headings (the text of one section). */
function section(lines: string[], from: string, to: string): string[] {
  const start = lines.indexOf(from);
  const end = lines.indexOf(to, start + 1);
  expect(start, `heading "${from}"`).toBeGreaterThanOrEqual(0);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe("weekly review and weekly PDF, every demo week", () => {
  it("has demo weeks to compare", () => {
    expect(weeks.length).toBeGreaterThanOrEqual(8);
  });

  it("prints the figures the screen shows", async () => {
    let weeksWithRising = 0;
    for (const week of weeks) {
      const [overview, insights, pdf] = await Promise.all([
        api.get(`/api/villages/${villageId}/overview?week=${week}`).expect(200),
        api.get(`/api/villages/${villageId}/insights?week=${week}`).expect(200),
        api.get(`/api/villages/${villageId}/reports/weekly.pdf?week=${week}`).buffer(true).parse(binaryParser).expect(200),
      ]);
      const o = overview.body.data;
      const lines = pdfText(pdf.body as Buffer).split("\n");

      // Negative share: the KPI card on screen and the summary card on paper.
      const rated = o.totals.positif + o.totals.netral + o.totals.negatif;
      const card = lines.indexOf(s.negativeShare);
      expect(lines[card + 1], `${week} negative share`).toBe(rated ? pct.format(o.totals.negatif / rated) : "—");

      // Rising terms: same terms, same order, same count and baseline average as "usulan 14× (rata-rata 3,5)".
      const rising: Rising[] = insights.body.data.risingTerms;
      const risingLines = section(lines, s.risingTitle, s.sourcesTitle);
      if (rising.length === 0) {
        expect(risingLines.join(" "), week).toContain(s.risingNone);
      } else {
        weeksWithRising++;
        const expected = rising.flatMap((r) => [r.term, num.format(r.count), num.format(Math.round(r.baselineAvg * 10) / 10)]);
        const first = risingLines.indexOf(rising[0].term);
        expect(risingLines.slice(first, first + expected.length), `${week} rising terms`).toEqual(expected);
        // No further row after the last one the screen shows.
        const after = risingLines.slice(first + expected.length);
        expect(after.some((l, i) => /^\d+$/.test(after[i + 1] ?? "") && /^[\d,]+$/.test(after[i + 2] ?? "") && !/^\d/.test(l)), `${week} extra rising rows`).toBe(false);
      }

      // Topics: the review's table opens sorted by negative comments (then volume, then name).
      const topics: Topic[] = o.topics.filter((t: Topic) => t.count > 0);
      const order = [...topics].sort((a, b) => b.negatif - a.negatif || b.count - a.count || a.name.localeCompare(b.name)).slice(0, 10);
      const topicLines = section(lines, s.topConcerns, s.followUpTitle);
      const rows = order.flatMap((t, i) => {
        const delta = t.count - t.previous;
        return [String(i + 1), t.name, num.format(t.count), num.format(t.negatif), pct.format(t.negatif / t.count), num.format(t.previous), delta === 0 ? "0" : `${delta > 0 ? "+" : "–"}${num.format(Math.abs(delta))}`];
      });
      const firstRow = topicLines.indexOf("1");
      expect(topicLines.slice(firstRow, firstRow + rows.length), `${week} topics`).toEqual(rows);
    }
    // The comparison is not vacuous: most demo weeks have rising terms.
    expect(weeksWithRising).toBeGreaterThanOrEqual(weeks.length / 2);
  }, 240_000);
});
