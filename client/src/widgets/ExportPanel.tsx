// Report and export downloads, shown only to roles that may export (the server answers 403 to the
// others anyway; hiding the panel spares them a dead button).
import { useAuth } from "../auth/useAuth";
import { useI18n } from "../i18n";
import { canExportRole, commentPermissions } from "../pages/roles";
import { ReportDownloads } from "./ReportDownloads";

/** PDF/XLSX/CSV downloads for a village, week (null: none) and the explorer's filter string. */
export function ExportPanel({ villageId, week, filters = "" }: { villageId: number; week: string | null; filters?: string }) {
  const { lang } = useI18n();
  const { user } = useAuth();
  if (!canExportRole(user.role)) return null;
  return (
    <div className="report-panel">
      <ReportDownloads villageId={villageId} week={week} filters={filters} lang={lang} showStored={week !== null} canExportNames={commentPermissions(user, villageId).canViewRaw} />
    </div>
  );
}
