// Renders a Laporan Aspirasi Warga as an A4 PDF with PDFKit: vector charts and bordered tables in
// Helvetica, a running header and "Halaman n dari m" on every page, meant to be printed for the
// musyawarah desa (greys that survive a black-and-white printer, no screenshots).
import PDFDocument from "pdfkit";
import { isSmallSample } from "@suara-desa/shared/samples";
import { localDay } from "@suara-desa/shared/time";
import type { ReportData, Totals } from "./reportData";
import { pdfSafe } from "./pdfText";
import {
  fill, formatDay, formatNumber, formatPercent, periodLabel, periodShortLabel, reportStrings, villageDisplayName, type ReportStrings,
} from "./reportStrings";

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 60, left: 56, right: 56 };
const CONTENT_W = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const INK = "#1a1a1a";
const MUTED = "#555555";
const RULE = "#8a8a8a";
const ACCENT = "#1d4e5f";
const HEADER_FILL = "#e8edef";
// Lightness differs as well as hue so the bars stay apart on a black-and-white printer.
const COLORS = { positif: "#5c9e5f", netral: "#d3d7da", negatif: "#9b2226" } as const;

const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const ITALIC = "Helvetica-Oblique";

export interface PdfOptions {
  /** Uncompressed content streams (tests read the text back without inflating). */
  compress?: boolean;
}

/** Renders the report to PDF bytes. */
export async function renderReportPdf(data: ReportData, opts: PdfOptions = {}): Promise<Buffer> {
  const s = reportStrings(data.lang);
  const title = `${s.title} — ${villageDisplayName(data.village.name, data.lang)}`;
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    compress: opts.compress ?? true,
    lang: data.lang === "en" ? "en-GB" : "id-ID",
    displayTitle: true,
    info: { Title: pdfSafe(`${title}, ${periodLabel(data.period, data.lang)}`), Author: "Suara Desa", Creator: "Suara Desa", CreationDate: data.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const r = new Renderer(doc, data, s);
  r.render();
  doc.end();
  return done;
}

class Renderer {
  private readonly running: string;

  constructor(
    private readonly doc: Doc,
    private readonly d: ReportData,
    private readonly s: ReportStrings,
  ) {
    this.running = pdfSafe(`${s.title} · ${villageDisplayName(d.village.name, d.lang)} · ${periodLabel(d.period, d.lang)}`);
    doc.on("pageAdded", () => this.runningHeader());
  }

  render(): void {
    this.titleBlock();
    this.summary();
    this.trendChart();
    this.topicTable();
    this.followUp();
    this.quotes();
    this.risingTerms();
    this.sourcesTable();
    this.methodNote();
    this.footers();
  }

  // ---------- primitives ----------

  private text(str: string, x: number, y: number, o: PDFKit.Mixins.TextOptions & { font?: string; size?: number; color?: string } = {}): void {
    const { font = FONT, size = 10, color = INK, ...rest } = o;
    this.doc.font(font).fontSize(size).fillColor(color).text(pdfSafe(str), x, y, rest);
  }

  private height(str: string, width: number, font = FONT, size = 10): number {
    return this.doc.font(font).fontSize(size).heightOfString(pdfSafe(str), { width });
  }

  private ensure(h: number): void {
    if (this.doc.y + h > BOTTOM) this.doc.addPage();
  }

  /** A section heading kept on the same page as the first `keep` points of what follows. */
  private heading(str: string, intro?: string, keep = 60): void {
    const introH = intro ? this.height(intro, CONTENT_W, FONT, 9) + 4 : 0;
    this.ensure(28 + introH + keep);
    const y = this.doc.y + 14;
    this.text(str, MARGIN.left, y, { font: BOLD, size: 13, color: ACCENT });
    const below = this.doc.y + 2;
    this.doc.moveTo(MARGIN.left, below).lineTo(MARGIN.left + CONTENT_W, below).lineWidth(0.8).strokeColor(ACCENT).stroke();
    this.doc.y = below + 6;
    if (intro) {
      this.text(intro, MARGIN.left, this.doc.y, { size: 9, color: MUTED, width: CONTENT_W });
      this.doc.y += 4;
    }
  }

  private runningHeader(): void {
    const { doc } = this;
    this.text(this.running, MARGIN.left, 30, { size: 8, color: MUTED, width: CONTENT_W, lineBreak: false, ellipsis: true });
    doc.moveTo(MARGIN.left, 44).lineTo(MARGIN.left + CONTENT_W, 44).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN.left;
    doc.y = MARGIN.top;
  }

  private footers(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would otherwise make PDFKit open a new page.
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = PAGE.height - 40;
      doc.moveTo(MARGIN.left, y - 6).lineTo(MARGIN.left + CONTENT_W, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
      this.text(`Suara Desa · ${villageDisplayName(this.d.village.name, this.d.lang)}`, MARGIN.left, y, { size: 8, color: MUTED, lineBreak: false });
      this.text(fill(this.s.page, { n: i + 1, m: range.count }), MARGIN.left, y, { size: 8, color: MUTED, width: CONTENT_W, align: "right", lineBreak: false });
      doc.page.margins.bottom = saved;
    }
  }

  // ---------- sections ----------

  private titleBlock(): void {
    const { doc, d, s } = this;
    doc.rect(MARGIN.left, 40, CONTENT_W, 4).fill(ACCENT);
    this.text(s.title.toUpperCase(), MARGIN.left, 54, { font: BOLD, size: 20, color: ACCENT, characterSpacing: 0.5 });
    this.text(villageDisplayName(d.village.name, d.lang), MARGIN.left, doc.y + 2, { font: BOLD, size: 15 });
    this.text(fill(s.place, { kecamatan: d.village.kecamatan, kabupaten: d.village.kabupaten }), MARGIN.left, doc.y + 1, { size: 10, color: MUTED });
    const y = doc.y + 8;
    const kindLabel = d.period.kind === "weekly" ? s.weekly : s.monthly;
    this.text(`${kindLabel}: ${periodLabel(d.period, d.lang)}`, MARGIN.left, y, { font: BOLD, size: 11 });
    const generated = new Intl.DateTimeFormat(s.locale, {
      day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: d.village.timeZone, timeZoneName: "short",
    }).format(d.generatedAt);
    const ongoing = d.period.end >= localDay(d.generatedAt, d.village.timeZone) ? ` (${s.ongoing})` : "";
    this.text(`${s.generated}: ${generated}${ongoing}`, MARGIN.left, doc.y + 2, { size: 9, color: MUTED });
    // The cover says how fresh the data is: a printed report must not pass old figures off as current.
    const f = d.freshness;
    const fetched = f.lastFetchAt
      ? fill(s.freshLast, { when: new Intl.DateTimeFormat(s.locale, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: d.village.timeZone, timeZoneName: "short" }).format(new Date(f.lastFetchAt)) })
      : s.freshNever;
    const parts = [fetched, f.latestDataDay ? fill(s.freshLatest, { day: formatDay(f.latestDataDay, d.lang) }) : "", f.stale && f.lastFetchAt ? s.freshStale : "", f.needsLogin ? fill(s.freshLogin, { n: f.needsLogin }) : ""].filter(Boolean);
    this.text(`${parts.join("; ")}.`, MARGIN.left, doc.y + 2, { size: 9, color: f.stale || f.needsLogin ? "#8a4b00" : MUTED });
    const below = doc.y + 8;
    doc.moveTo(MARGIN.left, below).lineTo(MARGIN.left + CONTENT_W, below).lineWidth(0.8).strokeColor(RULE).stroke();
    doc.y = below + 2;
  }

  private change(cur: number, prev: number | null, kind: "count" | "share"): string {
    const s = this.s;
    const vs = this.d.period.kind === "weekly" ? s.vsPrevWeek : s.vsPrevMonth;
    if (prev === null) return s.noPrevious;
    const diff = cur - prev;
    if (kind === "share") {
      const pts = Math.round(diff * 1000) / 10;
      if (pts === 0) return `${s.unchanged} ${vs}`;
      // One decimal, as the review's KPI cards show points.
      return `${pts > 0 ? "+" : "–"}${Math.abs(pts).toLocaleString(s.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${s.points} ${vs}`;
    }
    if (diff === 0) return `${s.unchanged} ${vs}`;
    const pct = prev > 0 ? ` (${diff > 0 ? "+" : "–"}${formatPercent(Math.abs(diff) / prev, this.d.lang)})` : "";
    return `${diff > 0 ? "+" : "–"}${formatNumber(Math.abs(diff), this.d.lang)}${pct} ${vs}`;
  }

  private summary(): void {
    const { doc, d, s } = this;
    this.heading(s.summary, s.summaryIntro);
    const t = d.totals;
    const p = d.previous;
    const share = (x: Totals) => (x.comments ? x.negatif / x.comments : 0);
    const cards: Array<{ label: string; value: string; change: string; color?: string }> = [
      { label: s.comments, value: formatNumber(t.comments, d.lang), change: this.change(t.comments, p?.comments ?? null, "count") },
      { label: s.positif, value: formatNumber(t.positif, d.lang), change: this.change(t.positif, p?.positif ?? null, "count"), color: COLORS.positif },
      { label: s.netral, value: formatNumber(t.netral, d.lang), change: this.change(t.netral, p?.netral ?? null, "count"), color: COLORS.netral },
      { label: s.negatif, value: formatNumber(t.negatif, d.lang), change: this.change(t.negatif, p?.negatif ?? null, "count"), color: COLORS.negatif },
      {
        label: s.negativeShare,
        value: t.comments ? formatPercent(share(t), d.lang) : "—",
        // The review's KPI card rule (shared/samples): with too few comments in either period, the
        // change is told in counts, not in points.
        change: !t.comments ? "" : p && (isSmallSample(t.comments) || isSmallSample(p.comments))
          ? s.smallSample(formatNumber(t.negatif, d.lang), formatNumber(p.negatif, d.lang))
          : this.change(share(t), p && p.comments ? share(p) : null, "share"),
      },
    ];
    const gap = 8;
    const w = (CONTENT_W - gap * (cards.length - 1)) / cards.length;
    const h = 74;
    this.ensure(h + 30);
    const y = doc.y + 4;
    cards.forEach((c, i) => {
      const x = MARGIN.left + i * (w + gap);
      doc.rect(x, y, w, h).lineWidth(0.6).strokeColor(RULE).stroke();
      if (c.color) doc.rect(x, y, w, 4).fill(c.color);
      this.text(c.label, x + 8, y + 10, { size: 8.5, color: MUTED, width: w - 16 });
      this.text(c.value, x + 8, y + 24, { font: BOLD, size: 19, width: w - 16 });
      this.text(c.change, x + 8, y + 48, { size: 7.5, color: MUTED, width: w - 12, height: 24 });
    });
    doc.y = y + h + 6;
    const parts = d.platforms.map((pl) => `${s.platforms[pl.platform] ?? pl.platform} ${formatNumber(pl.comments, d.lang)}`);
    const spamNote = `${s.spam}: ${formatNumber(t.spam, d.lang)}`;
    this.text([parts.join(" · "), spamNote].filter(Boolean).join("   |   "), MARGIN.left, doc.y, { size: 9, color: MUTED, width: CONTENT_W });
  }

  private trendChart(): void {
    const { doc, d, s } = this;
    this.heading(d.period.kind === "weekly" ? s.trendWeekly : s.trendMonthly, s.trendNote);
    const chartH = 170;
    this.ensure(chartH + 40);
    // Legend
    let lx = MARGIN.left;
    const ly = doc.y + 2;
    for (const k of ["positif", "netral", "negatif"] as const) {
      doc.rect(lx, ly + 1, 9, 9).fill(COLORS[k]);
      doc.rect(lx, ly + 1, 9, 9).lineWidth(0.4).strokeColor(RULE).stroke();
      this.text(s[k], lx + 13, ly + 1, { size: 8.5, lineBreak: false });
      lx += 13 + doc.widthOfString(s[k]) + 18;
    }
    const top = ly + 22;
    const axisW = 34;
    const x0 = MARGIN.left + axisW;
    const plotW = CONTENT_W - axisW;
    const plotH = chartH - 30;
    const base = top + plotH;
    const max = Math.max(1, ...d.trend.map((t) => t.comments));
    const { step, top: yMax } = niceScale(max);

    // Grid and y axis labels
    for (let v = 0; v <= yMax + 1e-9; v += step) {
      const y = base - (v / yMax) * plotH;
      doc.moveTo(x0, y).lineTo(x0 + plotW, y).lineWidth(v === 0 ? 0.8 : 0.3).strokeColor(v === 0 ? INK : "#c8c8c8").stroke();
      this.text(formatNumber(v, d.lang), MARGIN.left, y - 4, { size: 7.5, color: MUTED, width: axisW - 6, align: "right", lineBreak: false });
    }
    const n = d.trend.length;
    const slot = plotW / n;
    const barW = Math.min(30, slot * 0.62);
    d.trend.forEach((t, i) => {
      const cx = x0 + slot * i + slot / 2;
      const current = t.period.key === d.period.key;
      if (current) doc.rect(x0 + slot * i + 1, top - 6, slot - 2, plotH + 6).fill("#eef3f5");
      let y = base;
      for (const k of ["negatif", "netral", "positif"] as const) {
        const h = (t[k] / yMax) * plotH;
        if (h <= 0) continue;
        doc.rect(cx - barW / 2, y - h, barW, h).fill(COLORS[k]);
        y -= h;
      }
      if (t.comments > 0) {
        doc.rect(cx - barW / 2, y, barW, base - y).lineWidth(0.4).strokeColor("#6b6b6b").stroke();
        this.text(formatNumber(t.comments, d.lang), cx - slot / 2, y - 10, { size: 7, width: slot, align: "center", lineBreak: false, color: current ? INK : MUTED });
      }
      this.text(periodShortLabel(t.period, d.lang), cx - slot / 2, base + 4, {
        size: 7, width: slot, align: "center", lineBreak: false, font: current ? BOLD : FONT, color: current ? INK : MUTED,
      });
    });
    // Keep the redrawn baseline on top of the bars.
    doc.moveTo(x0, base).lineTo(x0 + plotW, base).lineWidth(0.8).strokeColor(INK).stroke();
    doc.y = base + 20;
  }

  private topicTable(): void {
    const { d, s } = this;
    // The screen's columns in the screen's order: volume, negative comments (the sort key), share.
    const cols = [
      { header: "No", width: 22, align: "right" as const },
      { header: s.topic, width: 166 },
      { header: s.count, width: 44, align: "right" as const },
      { header: s.negatif, width: 44, align: "right" as const },
      { header: s.negShort, width: 88, align: "left" as const },
      { header: s.previous, width: 56, align: "right" as const },
      { header: s.change, width: CONTENT_W - 22 - 166 - 44 - 44 - 88 - 56, align: "right" as const },
    ];
    const SHARE = 4;
    const rows = d.topics.slice(0, 10).map((t, i) => ({
      cells: [
        String(i + 1),
        t.name,
        formatNumber(t.count, d.lang),
        formatNumber(t.negatif, d.lang),
        formatPercent(t.count ? t.negatif / t.count : 0, d.lang),
        formatNumber(t.previous, d.lang),
        t.delta === 0 ? "0" : `${t.delta > 0 ? "+" : "–"}${formatNumber(Math.abs(t.delta), d.lang)}`,
      ],
      bar: t.count ? t.negatif / t.count : 0,
    }));
    // The heading stays with its table: a heading alone at the foot of a page reads as an empty section.
    this.heading(s.topConcerns, undefined, rows.length ? this.tableHeight(cols, rows.map((r) => r.cells)) : 20);
    if (rows.length === 0) {
      this.text(s.noComments, MARGIN.left, this.doc.y, { size: 10, color: MUTED });
      return;
    }
    this.table(
      cols,
      rows.map((r) => r.cells),
      (row, col, x, y, w, h) => {
        if (col !== SHARE) return false;
        const share = rows[row].bar;
        const barMax = w - 50;
        this.text(rows[row].cells[SHARE], x + 3, y + h / 2 - 4, { size: 9, width: 38, align: "right", lineBreak: false });
        this.doc.rect(x + 46, y + h / 2 - 4, barMax, 8).lineWidth(0.4).strokeColor(RULE).stroke();
        if (share > 0) this.doc.rect(x + 46, y + h / 2 - 4, barMax * share, 8).fill(COLORS.negatif);
        return true;
      },
    );
  }

  private quotes(): void {
    const { doc, d, s } = this;
    const withQuotes = d.topics.filter((t) => t.quotes.length > 0);
    if (withQuotes.length === 0) return;
    this.heading(s.quotesTitle, s.quotesIntro);
    withQuotes.forEach((t, i) => {
      const neg = formatPercent(t.count ? t.negatif / t.count : 0, d.lang);
      const head = `${i + 1}. ${t.name}`;
      const sub = `${formatNumber(t.count, d.lang)} ${s.comments.toLowerCase()} · ${neg} ${s.sentiments.negatif}`;
      const firstQuoteH = this.quoteHeight(t.quotes[0].text);
      this.ensure(24 + firstQuoteH);
      const y = doc.y + 8;
      this.text(head, MARGIN.left, y, { font: BOLD, size: 11, lineBreak: false });
      const hw = doc.font(BOLD).fontSize(11).widthOfString(pdfSafe(head));
      this.text(sub, MARGIN.left + hw + 10, y + 1.5, { size: 9, color: MUTED, lineBreak: false });
      doc.y = y + 16;
      for (const q of t.quotes) {
        const qh = this.quoteHeight(q.text);
        this.ensure(qh);
        const qy = doc.y + 2;
        const textX = MARGIN.left + 16;
        const textW = CONTENT_W - 22;
        this.text(`“${pdfSafe(q.text)}”`, textX, qy, { font: ITALIC, size: 9.5, width: textW, lineGap: 1 });
        const attribution = [
          `${s.resident} #${q.authorNo}`,
          s.platforms[q.platform] ?? q.platform,
          formatDay(q.day, d.lang, { short: true }),
          q.likes > 0 ? `${formatNumber(q.likes, d.lang)} ${s.likes}` : "",
          q.sentiment ? s.sentiments[q.sentiment] : "",
        ].filter(Boolean).join(" · ");
        this.text(`— ${attribution}`, textX, doc.y + 1, { size: 8, color: MUTED, width: textW });
        const end = doc.y;
        const barColor = q.sentiment ? COLORS[q.sentiment] : RULE;
        doc.rect(MARGIN.left + 6, qy, 2.5, end - qy).fill(barColor === COLORS.netral ? "#a9b0b4" : barColor);
        doc.y = end + 5;
      }
    });
  }

  private quoteHeight(text: string): number {
    return this.height(`“${pdfSafe(text)}”`, CONTENT_W - 22, ITALIC, 9.5) + 20;
  }

  /** Tindak lanjut: how the village answered, and the open issues by topic and one by one. */
  private followUp(): void {
    const { d, s } = this;
    const f = d.followUp;
    const fig = f.figures;
    const share = fig.needsReply ? formatPercent(fig.answered / fig.needsReply, d.lang) : "—";
    const lines: Array<[string, string]> = [
      [s.fuNeedsReply, formatNumber(fig.needsReply, d.lang)],
      [s.fuAnswered, `${formatNumber(fig.answered, d.lang)} (${share})`],
      [s.fuMedian, fig.medianFirstReplyHours === null ? s.fuNoReply : fill(s.fuHours, { n: fig.medianFirstReplyHours.toLocaleString(s.locale, { maximumFractionDigits: 1 }) })],
      [s.fuOverdue, formatNumber(fig.overdue, d.lang)],
    ];
    this.heading(s.followUpTitle, s.followUpIntro, 120);
    for (const [label, value] of lines) {
      const y = this.doc.y;
      this.text(label, MARGIN.left, y, { size: 10, width: 300 });
      this.text(value, MARGIN.left + 300, y, { font: BOLD, size: 10, width: CONTENT_W - 300 });
      this.doc.y = y + 15;
    }
    this.doc.y += 6;
    const topicName = (key: string | null) => (key ? (d.topicNames[key] ?? key) : s.noTopic);
    const cols = [
      { header: s.topic, width: 175 },
      { header: s.fuWaiting, width: 80, align: "right" as const },
      { header: s.fuAnsweredCol, width: 75, align: "right" as const },
      { header: s.fuHandled, width: 90, align: "right" as const },
      { header: s.fuLate, width: CONTENT_W - 420, align: "right" as const },
    ];
    const rows = f.openByTopic.map((t) => [topicName(t.topicKey), ...[t.perlu_jawaban, t.dijawab, t.ditindaklanjuti, t.overdue].map((n) => formatNumber(n, d.lang))]);
    this.heading(s.fuByTopic, undefined, rows.length ? this.tableHeight(cols, rows) : 20);
    if (rows.length === 0) {
      this.text(s.fuNoOpen, MARGIN.left, this.doc.y, { size: 10, color: MUTED });
      return;
    }
    this.table(cols, rows);
    const shown = f.open.slice(0, 15);
    const fmtDay = new Intl.DateTimeFormat(s.locale, { day: "numeric", month: "short", timeZone: d.village.timeZone });
    const listCols = [
      { header: s.fuSince, width: 52 },
      { header: s.topic, width: 95 },
      { header: s.status, width: 90 },
      { header: s.fuIssue, width: CONTENT_W - 237 },
    ];
    const listRows = shown.map((c) => [
      fmtDay.format(c.openedAt),
      topicName(c.topicKey),
      `${s.caseStatuses[c.status] ?? c.status}${c.overdue ? ` · ${s.fuLate.toLowerCase()}` : ""}`,
      `${c.urgent ? `${s.fuUrgent} · ` : ""}${truncate(c.title, 150)}${c.comments > 1 ? ` (${c.comments} ${s.comments.toLowerCase()})` : ""}`,
    ]);
    this.heading(s.fuOpenList, s.fuOpenIntro, this.tableHeight(listCols, listRows.slice(0, 3)));
    this.table(listCols, listRows);
    if (f.openTotal > shown.length) this.text(fill(s.fuMore, { n: f.openTotal - shown.length }), MARGIN.left, this.doc.y + 4, { size: 9, color: MUTED });
    this.doc.y += 8;
  }

  private risingTerms(): void {
    const { d, s } = this;
    const cols = [
      { header: s.term, width: 235 },
      { header: s.risingCount, width: 120, align: "right" as const },
      { header: s.risingBaseline, width: CONTENT_W - 355, align: "right" as const },
    ];
    // Rounded as the weekly review rounds it ("rata-rata 3,5").
    const rows = d.rising.map((r) => [r.term, formatNumber(r.count, d.lang), formatNumber(Math.round(r.baselineAvg * 10) / 10, d.lang)]);
    this.heading(s.risingTitle, s.risingIntro, rows.length ? this.tableHeight(cols, rows) : 20);
    if (rows.length === 0) {
      this.text(s.risingNone, MARGIN.left, this.doc.y, { size: 10, color: MUTED });
      return;
    }
    this.table(cols, rows);
  }

  private sourcesTable(): void {
    const { d, s } = this;
    const fmtTime = new Intl.DateTimeFormat(s.locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: d.village.timeZone });
    const cols = [
      { header: s.source, width: 150 },
      { header: s.status, width: 72 },
      { header: s.lastRun, width: 92 },
      { header: s.comments, width: 58, align: "right" as const },
      { header: s.notes, width: CONTENT_W - 372 },
    ];
    const rows = d.sources.map((src) => {
        const name = src.platform === "file" && !src.label ? s.fileImport : `${s.platforms[src.platform] ?? src.platform}${src.label ? ` ${src.label}` : ""}`;
        const notes = [src.error ? truncate(src.error, 140) : "", src.failedRuns ? fill(s.failedRuns, { n: src.failedRuns }) : ""].filter(Boolean).join("; ");
        return [
          name,
          src.status ? (s.statuses[src.status] ?? src.status) : "—",
          src.lastRunAt ? fmtTime.format(src.lastRunAt) : src.platform === "file" && !src.label ? "—" : s.never,
          formatNumber(src.comments, d.lang),
          notes || "—",
        ];
      });
    this.heading(s.sourcesTitle, s.sourcesIntro, rows.length ? this.tableHeight(cols, rows) : 20);
    if (rows.length === 0) {
      this.text(s.noSources, MARGIN.left, this.doc.y, { size: 10, color: MUTED });
      return;
    }
    this.table(cols, rows);
  }

  private methodNote(): void {
    const { d, s } = this;
    this.heading(s.methodTitle);
    const models = d.method.models
      .map((m) => {
        const [base, extra] = m.version.split("+");
        return `${m.name} v${base}${extra ? ` (${extra.replace(/^tx\./, s.taxonomy + " ")})` : ""}`;
      })
      .join(", ") || "—";
    const datasetNames: Record<string, string> = {
      smsa: "SmSA (Indonesia)",
      "nusax-indonesian": d.lang === "en" ? "NusaX Indonesian" : "NusaX Indonesia",
      "nusax-sundanese": d.lang === "en" ? "NusaX Sundanese" : "NusaX Sunda",
      "nusax-javanese": d.lang === "en" ? "NusaX Javanese" : "NusaX Jawa",
      "village-corpus": d.lang === "en" ? "village comments (written for the test)" : "komentar warga desa (ditulis untuk uji)",
    };
    const figures = d.method.accuracy?.map((a) => `${datasetNames[a.dataset] ?? a.dataset} ${formatPercent(a.acc, d.lang)}`).join(", ");
    const accuracy = !figures
      ? s.methodNoAccuracy
      : d.method.measuredVersion
        ? fill(s.methodAccuracyOtherVersion, { version: d.method.measuredVersion, figures })
        : fill(s.methodAccuracy, { figures });
    const paragraphs = [fill(s.methodModel, { model: models }), accuracy, s.methodSpam, s.methodPrivacy, s.methodCaveat];
    for (const p of paragraphs) {
      const h = this.height(p, CONTENT_W - 12, FONT, 9);
      this.ensure(h + 4);
      const y = this.doc.y;
      this.doc.circle(MARGIN.left + 3, y + 4.5, 1.4).fill(INK);
      this.text(p, MARGIN.left + 12, y, { size: 9, width: CONTENT_W - 12, lineGap: 1 });
      this.doc.y += 3;
    }
  }

  // ---------- table ----------

  private static readonly PAD = 4;

  /** Height of a whole table (capped at half a page: longer tables split anyway). */
  private tableHeight(cols: Array<{ header: string; width: number }>, rows: string[][]): number {
    const pad = Renderer.PAD;
    const rowH = (cells: string[], font: string, size: number) => Math.max(...cells.map((c, j) => this.height(c, cols[j].width - 2 * pad, font, size))) + 2 * pad;
    const h = 4 + rowH(cols.map((c) => c.header), BOLD, 8.5) + rows.reduce((sum, r) => sum + rowH(r, FONT, 9), 0);
    return Math.min(h, (BOTTOM - MARGIN.top) * 0.5);
  }

  private table(
    cols: Array<{ header: string; width: number; align?: "left" | "right" | "center" }>,
    rows: string[][],
    custom?: (row: number, col: number, x: number, y: number, w: number, h: number) => boolean,
  ): void {
    const { doc } = this;
    const pad = Renderer.PAD;
    const size = 9;
    const drawRow = (cells: string[], header: boolean, y: number, rowIndex: number): number => {
      const font = header ? BOLD : FONT;
      const h = Math.max(...cells.map((c, i) => this.height(c, cols[i].width - 2 * pad, font, header ? 8.5 : size))) + 2 * pad - 1;
      let x = MARGIN.left;
      if (header) doc.rect(MARGIN.left, y, CONTENT_W, h).fill(HEADER_FILL);
      cells.forEach((c, i) => {
        const w = cols[i].width;
        if (header || !custom?.(rowIndex, i, x, y, w, h)) {
          this.text(c, x + pad, y + pad, { font, size: header ? 8.5 : size, width: w - 2 * pad, align: cols[i].align ?? "left" });
        }
        doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke();
        x += w;
      });
      return h;
    };
    const headerCells = cols.map((c) => c.header);
    const headerH = this.height(headerCells.reduce((a, b) => (a.length > b.length ? a : b)), 60, BOLD, 8.5) + 2 * pad;
    // A short table moves whole to the next page rather than leaving a row or two behind.
    const total = this.tableHeight(cols, rows);
    if (total < (BOTTOM - MARGIN.top) * 0.5 && doc.y + total > BOTTOM) doc.addPage();
    this.ensure(headerH + 24);
    let y = doc.y + 4;
    y += drawRow(headerCells, true, y, -1);
    rows.forEach((cells, i) => {
      const h = Math.max(...cells.map((c, j) => this.height(c, cols[j].width - 2 * pad, FONT, size))) + 2 * pad;
      if (y + h > BOTTOM) {
        doc.addPage();
        y = doc.y;
        y += drawRow(headerCells, true, y, -1); // repeat the header on the new page
      }
      y += drawRow(cells, false, y, i);
    });
    doc.x = MARGIN.left;
    doc.y = y + 6;
  }
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** A tick step of 1, 2 or 5 × 10^k giving at most 5 intervals, and the axis top. */
export function niceScale(max: number): { step: number; top: number } {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) ?? 10 * mag);
  return { step, top: Math.ceil(max / step) * step };
}
