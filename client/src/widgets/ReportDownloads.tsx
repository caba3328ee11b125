// Download buttons, each named by exactly what its file holds. On the weekly review (a week): the
// week's Laporan Aspirasi Warga (PDF), its month's, the week's workbook and the week's comments as
// CSV, plus the list of stored reports. In the explorer (no week): the comments of the current
// filter, as workbook and CSV. Roles allowed raw personal data may tick "names" (audited).
// Self-contained (own fetch, own strings) so it can be dropped into either page.
import { useEffect, useId, useState, type MouseEvent, type ReactNode } from "react";
import { addDays, isoWeekRange } from "@suara-desa/shared/time";
import { ApiError, downloadFile, getJson } from "../api/client";
import type { StoredReportDTO } from "@suara-desa/shared/contracts";

export type ReportLang = "id" | "en";

export type StoredReport = StoredReportDTO;

export const REPORT_DOWNLOAD_STRINGS = {
  id: {
    title: "Unduh laporan",
    titleComments: "Unduh komentar",
    weeklyPdf: "Laporan minggu ke-{week} (PDF)",
    monthlyPdf: "Laporan bulan {month} (PDF)",
    weekXlsx: "Data minggu ke-{week} (Excel)",
    weekCsv: "Komentar minggu ke-{week} (CSV)",
    filterXlsx: "Komentar sesuai filter (Excel)",
    filterCsv: "Komentar sesuai filter (CSV)",
    weekHint: "PDF siap dicetak untuk musyawarah desa. Excel (ringkasan, topik, kasus dan komentar) dan CSV (komentar) memuat komentar minggu ke-{week}, {range}, tanpa spam.",
    filterHint: "Excel dan CSV memuat komentar yang cocok dengan filter di atas, dalam urutan yang sama. Excel memuat paling banyak 100.000 komentar, CSV memuat semuanya. Laporan PDF mingguan ada di Ringkasan Mingguan.",
    names: "Cantumkan nama penulis (dicatat di log audit)",
    namesHint: "Tanpa centang, penulis ditulis dengan nama samaran seperti di layar.",
    preparing: "Menyiapkan…",
    failed: "Unduhan gagal: {message}",
    tooMany: "Terlalu banyak unduhan sedang disiapkan. Tunggu sampai unduhan Anda yang lain selesai, lalu coba lagi.",
    network: "Unduhan terputus. Periksa koneksi lalu coba lagi.",
    stored: "Laporan tersimpan",
    none: "Belum ada laporan tersimpan. Laporan mingguan dibuat otomatis setiap Senin pukul 07.00 WIB.",
    loading: "Memuat daftar laporan…",
    error: "Daftar laporan tidak dapat dimuat: {message}",
    period: "Periode",
    kind: "Jenis",
    weekly: "Mingguan",
    monthly: "Bulanan",
    created: "Dibuat",
    size: "Ukuran",
    download: "Unduh",
    scheduler: "otomatis",
    language: "Bahasa",
  },
  en: {
    title: "Download reports",
    titleComments: "Download comments",
    weeklyPdf: "Report of week {week} (PDF)",
    monthlyPdf: "Report of {month} (PDF)",
    weekXlsx: "Data of week {week} (Excel)",
    weekCsv: "Comments of week {week} (CSV)",
    filterXlsx: "Comments for the current filter (Excel)",
    filterCsv: "Comments for the current filter (CSV)",
    weekHint: "The PDF is ready to print for the village meeting. Excel (summary, topics, cases and comments) and CSV (comments) hold the comments of week {week}, {range}, without spam.",
    filterHint: "Excel and CSV hold the comments matching the filters above, in the same order. Excel holds at most 100,000 comments, the CSV holds them all. The weekly PDF report is on the Weekly Review.",
    names: "Include authors' names (recorded in the audit log)",
    namesHint: "Unticked, authors appear under the pseudonym shown on screen.",
    preparing: "Preparing…",
    failed: "Download failed: {message}",
    tooMany: "Too many downloads are being prepared. Wait for your other downloads to finish, then try again.",
    network: "The download was interrupted. Check the connection and try again.",
    stored: "Stored reports",
    none: "No stored report yet. The weekly report is generated every Monday at 07:00 WIB.",
    loading: "Loading reports…",
    error: "Could not load the reports: {message}",
    period: "Period",
    kind: "Kind",
    weekly: "Weekly",
    monthly: "Monthly",
    created: "Created",
    size: "Size",
    download: "Download",
    scheduler: "automatic",
    language: "Language",
  },
} as const;

type Strings = (typeof REPORT_DOWNLOAD_STRINGS)[ReportLang];

/** Drops paging parameters, the language and the names switch from an explorer query string. */
export function exportFilters(filters: string): URLSearchParams {
  const params = new URLSearchParams(filters.startsWith("?") ? filters.slice(1) : filters);
  for (const k of ["cursor", "limit", "lang", "week", "names"]) params.delete(k);
  return params;
}

/**
 * The download URLs: with a week, that week's PDF, month PDF, workbook and comments (CSV from the
 * week's first to last day); without, the workbook and CSV of exactly the explorer's filters.
 */
export function reportUrls(villageId: number, week: string | null, filters: string, lang: ReportLang, names = false) {
  const base = `/api/villages/${villageId}`;
  const q = (extra: Record<string, string>, withFilters: boolean, withNames: boolean) => {
    const p = withFilters ? exportFilters(filters) : new URLSearchParams();
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    if (withNames && names) p.set("names", "1");
    if (lang === "en") p.set("lang", "en");
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  if (!week) {
    return {
      weeklyPdf: null,
      monthlyPdf: null,
      month: null,
      xlsx: `${base}/exports/report.xlsx${q({}, true, true)}`,
      csv: `${base}/exports/comments.csv${q({}, true, true)}`,
    };
  }
  const range = isoWeekRange(week);
  // The ISO week's month is the month of its Thursday.
  const month = addDays(range.start, 3).slice(0, 7);
  return {
    weeklyPdf: `${base}/reports/weekly.pdf${q({ week }, false, false)}`,
    monthlyPdf: `${base}/reports/monthly.pdf${q({ month }, false, false)}`,
    month,
    xlsx: `${base}/exports/report.xlsx${q({ week }, true, true)}`,
    csv: `${base}/exports/comments.csv${q({ from: range.start, to: range.end }, true, true)}`,
  };
}

function fill(s: string, params: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

function formatSize(bytes: number, locale: string): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 0 })} KB`
    : `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** What to tell the user when a download failed. */
export function downloadErrorMessage(e: unknown, s: Strings, lang: ReportLang): string {
  if (e instanceof ApiError) {
    if (e.status === 429) return lang === "id" ? e.message : s.tooMany;
    if (e.code === "network") return s.network;
    return fill(s.failed, { message: e.message });
  }
  return fill(s.failed, { message: e instanceof Error ? e.message : String(e) });
}

/**
 * A download link: a real link (copy, open in a new tab still work), but a click fetches the file
 * so the page can show "Menyiapkan…" while the server builds it and explain a refusal.
 */
function DownloadLink({ href, fileName, className, s, lang, onError, onDone, children }: {
  href: string;
  fileName: string;
  className?: string;
  s: Strings;
  lang: ReportLang;
  onError: (message: string | null) => void;
  /** After a completed download (a finished period's PDF is stored by then). */
  onDone?: () => void;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // Modified clicks (new tab, save as) are the browser's business.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    onError(null);
    downloadFile(href, fileName).then(
      () => {
        setBusy(false);
        onDone?.();
      },
      (err: unknown) => {
        setBusy(false);
        onError(downloadErrorMessage(err, s, lang));
      },
    );
  };
  return (
    <a className={className} href={href} download={fileName} onClick={onClick} aria-busy={busy || undefined} aria-disabled={busy || undefined}>
      {children}
      {busy && <span className="muted"> {s.preparing}</span>}
    </a>
  );
}

function StoredReports({ villageId, s, locale, version }: { villageId: number; s: Strings; locale: string; version: number }) {
  const [state, setState] = useState<{ data?: StoredReport[]; error?: string }>({});
  useEffect(() => {
    const ctrl = new AbortController();
    setState({});
    getJson<{ data: StoredReport[] }>(`/api/villages/${villageId}/reports`, ctrl.signal).then(
      (body) => setState({ data: body.data }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ error: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
      },
    );
    return () => ctrl.abort();
  }, [villageId, version]);

  if (state.error) return <p className="state state-error" role="alert">{fill(s.error, { message: state.error })}</p>;
  if (!state.data) return <p className="muted" role="status">{s.loading}</p>;
  if (state.data.length === 0) return <p className="muted">{s.none}</p>;
  const dateFmt = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{s.period}</th>
            <th scope="col">{s.kind}</th>
            <th scope="col">{s.language}</th>
            <th scope="col">{s.created}</th>
            <th scope="col" className="num">{s.size}</th>
            <th scope="col"><span className="visually-hidden">{s.download}</span></th>
          </tr>
        </thead>
        <tbody>
          {state.data.map((r) => (
            <tr key={r.id}>
              <td>{r.period}</td>
              <td>{r.kind === "weekly" ? s.weekly : s.monthly} ({r.format.toUpperCase()})</td>
              <td>{r.language.toUpperCase()}</td>
              <td>
                {dateFmt.format(new Date(r.createdAt))}
                {r.createdBy === null ? ` · ${s.scheduler}` : ""}
              </td>
              <td className="num">{formatSize(r.bytes, locale)}</td>
              <td>
                <a href={r.downloadUrl} download={r.fileName}>{s.download}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Download links for the village's reports; `filters` is the explorer's query string. */
export function ReportDownloads({ villageId, week, filters = "", lang = "id", showStored = true, canExportNames = false }: {
  villageId: number;
  week: string | null;
  filters?: string;
  lang?: ReportLang;
  showStored?: boolean;
  /** Roles allowed raw personal data: offer authors' names (the server checks and audits). */
  canExportNames?: boolean;
}) {
  const s = REPORT_DOWNLOAD_STRINGS[lang];
  const locale = lang === "en" ? "en-GB" : "id-ID";
  const [names, setNames] = useState(false);
  const namesId = useId();
  const urls = reportUrls(villageId, week, filters, lang, canExportNames && names);
  const [error, setError] = useState<string | null>(null);
  // Bumped after a PDF download: the server stores a finished period's report, the list shows it.
  const [storedVersion, setStoredVersion] = useState(0);
  const link = { s, lang, onError: setError };
  const reloadStored = () => setStoredVersion((v) => v + 1);
  const weekNo = week ? String(Number(week.slice(-2))) : "";
  const monthLabel = urls.month
    ? new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${urls.month}-01T00:00:00Z`))
    : "";
  const range = week
    ? new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).formatRange(
        new Date(`${isoWeekRange(week).start}T00:00:00Z`),
        new Date(`${isoWeekRange(week).end}T00:00:00Z`),
      )
    : "";
  return (
    <section className="panel report-downloads" aria-labelledby="report-downloads-title">
      <div className="panel-head">
        <h2 id="report-downloads-title">{week ? s.title : s.titleComments}</h2>
      </div>
      <p className="panel-desc">{week ? fill(s.weekHint, { week: weekNo, range }) : s.filterHint}</p>
      <ul className="download-list">
        {urls.weeklyPdf && (
          <li><DownloadLink {...link} onDone={reloadStored} className="button button-primary" href={urls.weeklyPdf} fileName="laporan-mingguan.pdf">{fill(s.weeklyPdf, { week: weekNo })}</DownloadLink></li>
        )}
        {urls.monthlyPdf && (
          <li><DownloadLink {...link} onDone={reloadStored} className="button" href={urls.monthlyPdf} fileName="laporan-bulanan.pdf">{fill(s.monthlyPdf, { month: monthLabel })}</DownloadLink></li>
        )}
        <li><DownloadLink {...link} className="button" href={urls.xlsx} fileName="laporan.xlsx">{week ? fill(s.weekXlsx, { week: weekNo }) : s.filterXlsx}</DownloadLink></li>
        <li><DownloadLink {...link} className="button" href={urls.csv} fileName="komentar.csv">{week ? fill(s.weekCsv, { week: weekNo }) : s.filterCsv}</DownloadLink></li>
      </ul>
      {canExportNames && (
        <p className="download-names">
          <label className="check" htmlFor={namesId}>
            <input id={namesId} type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} aria-describedby={`${namesId}-hint`} />
            {s.names}
          </label>
          <span id={`${namesId}-hint`} className="muted">{s.namesHint}</span>
        </p>
      )}
      {error && <p className="state state-error" role="alert">{error}</p>}
      {showStored && (
        <div className="stored-reports">
          <h3>{s.stored}</h3>
          <StoredReports villageId={villageId} s={s} locale={locale} version={storedVersion} />
        </div>
      )}
    </section>
  );
}
