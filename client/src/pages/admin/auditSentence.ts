// One audit entry as a sentence a village office reads ("Siti mengoreksi label komentar …"),
// never its action code or a row id. Pure: unit-tested with the catalogues.
import type { AuditEntryDTO } from "@suara-desa/shared/contracts";
import type { MessageKey } from "../../i18n";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

function who(e: AuditEntryDTO, t: T): string {
  if (e.actor === "cli") return t("audit.cli");
  if (e.actor === "system" || !e.username) return t("audit.system");
  return e.actorName || e.username;
}

function key(e: AuditEntryDTO): { key: MessageKey; vars?: Record<string, string | number> } {
  const d = e.details ?? {};
  const kind = /^([a-z]+)[:.]/.exec(e.target ?? "")?.[1] ?? e.target ?? "";
  switch (e.action) {
    case "label.change":
      return { key: "audit.label" };
    case "pii.view":
      return { key: "audit.piiView" };
    case "source.change":
      return { key: d.op === "add" ? "audit.sourceAdd" : d.op === "remove" ? "audit.sourceRemove" : "audit.sourceEdit" };
    case "user.change":
      if (d.op === "create") return { key: "audit.userCreate" };
      if (d.op === "password") return { key: "audit.userPassword" };
      if (d.op === "ownPassword") return { key: "audit.userOwnPassword" };
      if (d.disabled === true) return { key: "audit.userDisable" };
      if (d.disabled === false) return { key: "audit.userEnable" };
      return { key: "audit.userUpdate" };
    case "settings.change":
      if (kind === "topic") return { key: d.op === "add" ? "audit.topicAdd" : "audit.topicEdit" };
      if (kind === "alert") return { key: d.removed ? "audit.alertRemove" : "audit.alertAdd" };
      if (typeof d.publicPage === "boolean") return { key: d.publicPage ? "audit.publicOn" : "audit.publicOff" };
      if (d.retentionMonths && typeof d.retentionMonths === "object") {
        const change = d.retentionMonths as { to?: unknown };
        if (change.to === null) return { key: "audit.retentionForever" };
        const to = num(change.to);
        if (to !== null) return { key: "audit.retention", vars: { months: to } };
      }
      return { key: "audit.settings" };
    case "export":
      return { key: d.format === "pdf" ? "audit.exportPdf" : d.format === "csv" ? "audit.exportCsv" : d.format === "xlsx" ? "audit.exportXlsx" : "audit.export" };
    case "privacy.delete":
      return { key: e.target === "retention" ? "audit.retentionPurge" : "audit.authorDelete", vars: { count: num(d.deleted) ?? 0 } };
    case "village.add":
      return { key: "audit.villageAdd" };
    case "case.change":
      if (kind === "cases") return { key: "audit.caseBulk", vars: { count: Array.isArray(d.caseIds) ? d.caseIds.length : 0 } };
      if (Array.isArray(d.merged)) return { key: "audit.caseMerge" };
      if (d.splitInto !== undefined) return { key: "audit.caseSplit" };
      return { key: "audit.case" };
    case "case.serviceLevel":
      return { key: "audit.serviceLevel" };
    case "retag":
      return { key: d.all === true ? "audit.retagAll" : "audit.retag" };
    default:
      return { key: "audit.other" };
  }
}

/** The sentence for one entry in the reader's language, starting with a capital letter. */
export function auditSentence(e: AuditEntryDTO, t: T, fmtNumber: (n: number) => string = String): string {
  const { key: k, vars = {} } = key(e);
  const filled: Record<string, string | number> = { who: who(e, t), target: e.targetLabel ?? t("audit.gone") };
  for (const [name, v] of Object.entries(vars)) filled[name] = typeof v === "number" ? fmtNumber(v) : v;
  const s = t(k, filled);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
