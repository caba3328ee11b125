import { describe, expect, it } from "vitest";
import type { AuditEntryDTO } from "@suara-desa/shared/contracts";
import { en } from "../../i18n/en";
import { translate } from "../../i18n/format";
import { id, type MessageKey } from "../../i18n/id";
import { auditSentence } from "./auditSentence";

const tId = (k: MessageKey, p?: Record<string, string | number>) => translate(id, k, p);
const tEn = (k: MessageKey, p?: Record<string, string | number>) => translate(en, k, p);

function entry(over: Partial<AuditEntryDTO>): AuditEntryDTO {
  return { id: 1, at: "2026-11-20T03:00:00Z", userId: 2, username: "siti", actorName: null, actor: "user", action: "label.change", villageId: 1, target: "comment:3233", targetLabel: "Jalan di RT 03 rusak parah", details: null, ...over };
}

describe("auditSentence", () => {
  it("says who corrected which comment, in words and without ids", () => {
    const s = auditSentence(entry({}), tId);
    expect(s).toBe("Siti mengoreksi label komentar “Jalan di RT 03 rusak parah”");
    expect(s).not.toMatch(/comment:|label\.change|3233/);
    expect(auditSentence(entry({}), tEn)).toBe("Siti corrected the labels of the comment “Jalan di RT 03 rusak parah”");
  });

  it("names a source by its name and tells add, edit and remove apart", () => {
    const src = { action: "source.change", target: "source:4", targetLabel: "Facebook · Pemdes Sukamaju" };
    expect(auditSentence(entry({ ...src, details: { op: "edit", fields: ["intervalMinutes"] } }), tId)).toBe("Pengaturan sumber data Facebook · Pemdes Sukamaju diubah oleh siti");
    expect(auditSentence(entry({ ...src, details: { op: "add" } }), tId)).toBe("Siti menambah sumber data Facebook · Pemdes Sukamaju");
    expect(auditSentence(entry({ ...src, targetLabel: null, details: { op: "remove" } }), tId)).toBe("Siti menghapus sumber data yang sudah dihapus");
  });

  it("tells account changes apart: disable, enable, password reset", () => {
    const u = { action: "user.change", target: "user:budi", targetLabel: "Budi Santoso" };
    expect(auditSentence(entry({ ...u, details: { op: "update", disabled: true } }), tId)).toBe("Siti menonaktifkan akun Budi Santoso");
    expect(auditSentence(entry({ ...u, details: { op: "update", disabled: false } }), tId)).toBe("Siti mengaktifkan kembali akun Budi Santoso");
    expect(auditSentence(entry({ ...u, details: { op: "password" } }), tId)).toBe("Siti mengatur ulang kata sandi Budi Santoso");
    expect(auditSentence(entry({ ...u, username: "budi", actorName: "Budi Santoso", details: { op: "ownPassword" } }), tId)).toBe("Budi Santoso mengganti kata sandinya sendiri");
  });

  it("words settings, exports and system work with numbers in the reader's format", () => {
    expect(auditSentence(entry({ action: "settings.change", target: "topic:banjir_bencana", targetLabel: "Banjir & bencana", details: { op: "edit" } }), tId))
      .toBe("Siti mengubah nama atau kata kunci topik Banjir & bencana");
    expect(auditSentence(entry({ action: "export", target: "comments.csv", targetLabel: null, details: { format: "csv" } }), tId)).toBe("Siti mengunduh daftar komentar (CSV)");
    const retention = { action: "settings.change", target: "village:32.15.04.2006", targetLabel: "Mulyasari" };
    expect(auditSentence(entry({ ...retention, details: { retentionMonths: { from: null, to: 12 } } }), tId)).toBe("Siti mengubah masa simpan komentar menjadi 12 bulan");
    expect(auditSentence(entry({ ...retention, details: { retentionMonths: { from: 12, to: null } } }), tId)).toBe("Siti mengubah masa simpan komentar menjadi selamanya");
    const purge = entry({ action: "privacy.delete", actor: "system", username: null, userId: null, target: "retention", targetLabel: null, details: { deleted: 1234 } });
    expect(auditSentence(purge, tId, (n) => n.toLocaleString("id-ID"))).toBe("1.234 komentar lama dihapus otomatis karena melewati masa simpan");
    expect(auditSentence(entry({ action: "retag", actor: "cli", username: "cli", userId: null, details: { via: "cli" } }), tId)).toBe("Petugas server (baris perintah) memulai analisis ulang komentar");
    expect(auditSentence(entry({ action: "retag", details: { outcome: "started", all: true } }), tId)).toBe("Siti menerapkan koreksi petugas ke semua komentar (analisis ulang semuanya)");
  });

  it("names a person by their full name when the account has one", () => {
    expect(auditSentence(entry({ actorName: "Siti Aminah" }), tId)).toBe("Siti Aminah mengoreksi label komentar “Jalan di RT 03 rusak parah”");
  });

  it("never shows an unknown action code", () => {
    expect(auditSentence(entry({ action: "something.new", target: "x:1", targetLabel: null }), tId)).toBe("Siti membuat perubahan");
  });
});
